import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NZ_MODAL_DATA } from 'ng-zorro-antd/modal';
import { NzSpinModule } from 'ng-zorro-antd/spin';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTabsModule } from 'ng-zorro-antd/tabs';
import { type NzUploadFile, NzUploadModule } from 'ng-zorro-antd/upload';
import type { TaskImportResponse } from '@luoshi/contracts';
import { FormsModule } from '@angular/forms';
import { I18nService, TasksApi, TranslatePipe, type TranslationKey, type TranslationParams } from '@luoshi/web/core';
import { formDialog, FormDialogComponent } from '@luoshi/web/ui';

export const SHEET_MAX_BYTES = 5 * 1024 * 1024;

/** What the API would refuse, checked before sending: not .xlsx, empty, over 5 MB. */
export function checkSheetFile(file: { name: string; size: number }): { key: TranslationKey; params: TranslationParams } | null {
  if (!/\.xlsx$/i.test(file.name) || file.size === 0) return { key: 'taskAssign.importBadType', params: { name: file.name } };
  if (file.size > SHEET_MAX_BYTES) return { key: 'taskAssign.importTooLarge', params: { name: file.name, size: `${(file.size / 1024 / 1024).toFixed(1)} MB` } };
  return null;
}

/**
 * Imports an edited ledger: upload → the API's dry run (changed rows, every row error) → confirm,
 * which applies all rows or none. Closes with the applied result.
 */
@Component({
  selector: 'luoshi-import-assignments-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, NzAlertModule, NzButtonModule, NzIconModule, NzSpinModule, NzTableModule, NzTabsModule, NzUploadModule, TranslatePipe, FormDialogComponent],
  template: `
    <luoshi-form-dialog
      [state]="dialog"
      formId="import-assignments-form"
      [hint]="'taskAssign.importHint' | t"
      [okText]="'taskAssign.importConfirm' | t"
      [disabled]="!canCommit()"
      submitTestId="import-confirm"
    >
      <form id="import-assignments-form" (ngSubmit)="commit()">
        @if (!file()) {
          <nz-upload nzType="drag" nzAccept=".xlsx" [nzBeforeUpload]="beforeUpload" [nzShowUploadList]="false" [nzMultiple]="false" data-testid="import-upload">
            <p class="ant-upload-drag-icon"><nz-icon nzType="inbox" class="drop-icon" /></p>
            <p class="ant-upload-text">{{ 'taskAssign.importDrop' | t }}</p>
          </nz-upload>
        } @else if (reading()) {
          <div class="center"><nz-spin nzSimple [nzTip]="'taskAssign.importReading' | t: { name: file()?.name ?? '' }" /></div>
        }
        @if (fileProblem(); as text) {
          <nz-alert nzType="error" nzShowIcon [nzMessage]="text" class="alert" data-testid="import-error" />
        }
        @if (preview(); as result) {
          <div class="summary" data-testid="import-summary">
            <span class="file"><nz-icon nzType="file-text" /> {{ file()?.name }}</span>
            <span>{{ 'taskAssign.importChanged' | t: { n: result.changedRows } }}</span>
            @if (result.errors.length > 0) {
              <span class="summary__errors">{{ 'taskAssign.importErrors' | t: { n: result.errors.length } }}</span>
            }
          </div>
          @if (!result.valid) {
            <nz-alert nzType="warning" nzShowIcon [nzMessage]="'taskAssign.importInvalid' | t" class="alert" />
          } @else if (result.changedRows === 0) {
            <nz-alert nzType="info" nzShowIcon [nzMessage]="'taskAssign.importNoChanges' | t" class="alert" />
          }
          @if (result.errors.length > 0) {
            <nz-table #errorTable nzSize="small" [nzData]="result.errors" [nzShowPagination]="result.errors.length > 10" [nzPageSize]="10" data-testid="import-errors">
              <thead>
                <tr>
                  <th nzWidth="64px">{{ 'taskAssign.row' | t }}</th>
                  <th nzWidth="110px">{{ 'taskAssign.column' | t }}</th>
                  <th>{{ 'taskAssign.message' | t }}</th>
                </tr>
              </thead>
              <tbody>
                @for (e of errorTable.data; track $index) {
                  <tr data-testid="import-error-row">
                    <td class="num">{{ e.row }}</td>
                    <td>{{ e.column }}</td>
                    <td class="error-text">{{ e.message }}</td>
                  </tr>
                }
              </tbody>
            </nz-table>
          }
          @if (changedRows().length > 0) {
            <nz-table #changeTable nzSize="small" [nzData]="changedRows()" [nzShowPagination]="changedRows().length > 10" [nzPageSize]="10" data-testid="import-changes">
              <thead>
                <tr>
                  <th nzWidth="64px">{{ 'taskAssign.row' | t }}</th>
                  <th nzWidth="90px">{{ 'tasks.code' | t }}</th>
                  <th>{{ 'tasks.taskTitle' | t }}</th>
                  <th>{{ 'taskAssign.change' | t }}</th>
                </tr>
              </thead>
              <tbody>
                @for (r of changeTable.data; track r.row) {
                  <tr data-testid="import-change-row">
                    <td class="num">{{ r.row }}</td>
                    <td class="mono">{{ r.code }}</td>
                    <td>{{ r.title }}</td>
                    <td>
                      @for (c of r.changes; track c.field) {
                        <div class="change">
                          <b>{{ c.column }}</b>：<span class="from">{{ c.from ?? '—' }}</span> → <span class="to">{{ c.to ?? '—' }}</span>
                        </div>
                      }
                    </td>
                  </tr>
                }
              </tbody>
            </nz-table>
          }
        }
      </form>
      @if (file() && !reading()) {
        <button dialogFooterStart nz-button type="button" (click)="reset()" [disabled]="dialog.saving()" data-testid="import-reselect">{{ 'taskAssign.reselect' | t }}</button>
      }
    </luoshi-form-dialog>
  `,
  styles: `
    .drop-icon { font-size: 40px; color: #0958d9; }
    .center { display: flex; justify-content: center; padding: 32px 0; }
    .alert { margin: 12px 0; }
    .summary { display: flex; flex-wrap: wrap; gap: 16px; align-items: center; margin: 4px 0 8px; }
    .summary__errors { color: #cf1322; }
    .file { font-weight: 500; }
    .num { font-variant-numeric: tabular-nums; }
    .mono { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
    .error-text { color: #cf1322; }
    .change { line-height: 1.7; }
    .from { color: rgba(0, 0, 0, 0.6); text-decoration: line-through; }
    .to { color: #237804; }
    nz-table + nz-table { display: block; margin-top: 12px; }
  `,
})
export class ImportAssignmentsDialog {
  private readonly data = inject<{ planId: string | null }>(NZ_MODAL_DATA);
  private readonly api = inject(TasksApi);
  private readonly i18n = inject(I18nService);

  protected readonly file = signal<File | null>(null);
  protected readonly reading = signal(false);
  protected readonly preview = signal<TaskImportResponse | null>(null);
  protected readonly fileProblem = signal<string | null>(null);
  /** The API's errors (the dry run's and the import's) show in the frame; a bad file shows here. */
  protected readonly dialog = formDialog<TaskImportResponse>();
  protected readonly changedRows = computed(() => (this.preview()?.rows ?? []).filter((r) => r.changes.length > 0));
  protected readonly canCommit = computed(() => {
    const result = this.preview();
    return !!result && result.valid && result.changedRows > 0 && !this.dialog.saving();
  });

  protected readonly beforeUpload = (file: NzUploadFile): boolean => {
    this.pick(file as unknown as File);
    return false;
  };

  protected pick(file: File): void {
    this.dialog.error.set(null);
    const problem = checkSheetFile(file);
    this.fileProblem.set(problem ? this.i18n.t(problem.key, problem.params) : null);
    if (problem) return;
    this.file.set(file);
    this.reading.set(true);
    this.api.importAssignments(file, { dryRun: true, planId: this.data.planId }).subscribe({
      next: (result) => {
        this.reading.set(false);
        this.preview.set(result);
      },
      error: (raw: unknown) => {
        this.reading.set(false);
        this.file.set(null);
        this.dialog.fail(raw);
      },
    });
  }

  protected reset(): void {
    this.file.set(null);
    this.preview.set(null);
    this.dialog.error.set(null);
    this.fileProblem.set(null);
  }

  protected commit(): void {
    const file = this.file();
    if (!file || !this.canCommit()) return;
    this.dialog.submit(this.api.importAssignments(file, { dryRun: false, planId: this.data.planId }));
  }
}
