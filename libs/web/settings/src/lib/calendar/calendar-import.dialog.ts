import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzModalModule } from 'ng-zorro-antd/modal';
import type { ImportHolidaysResponse } from '@luoshi/contracts';
import { type ApiError, CalendarApi, TranslatePipe } from '@luoshi/web/core';
import { formDialog } from '@luoshi/web/ui';

/** The problems of a rejected CSV (第3行: …) from the error's details. */
export function csvProblems(error: ApiError | null): string[] {
  const details = error?.details as { problems?: unknown } | undefined;
  return Array.isArray(details?.problems) ? details.problems.filter((p): p is string => typeof p === 'string') : [];
}

/** office_admin: paste or pick a CSV of holidays; bad lines come back numbered and nothing is imported. */
@Component({
  selector: 'luoshi-calendar-import-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, NzAlertModule, NzButtonModule, NzIconModule, NzInputModule, NzModalModule, TranslatePipe],
  template: `
    <p class="hint">{{ 'calendar.importHint' | t }}</p>
    @if (problems().length > 0) {
      <nz-alert nzType="error" nzShowIcon [nzMessage]="'calendar.problems' | t" [nzDescription]="problemList" class="dialog-alert" data-testid="csv-problems" />
      <ng-template #problemList>
        <ul class="problems">
          @for (p of problems(); track $index) {
            <li>{{ p }}</li>
          }
        </ul>
      </ng-template>
    } @else if (dialog.errorText(); as message) {
      <nz-alert nzType="error" nzShowIcon [nzMessage]="message" class="dialog-alert" data-testid="dialog-error" />
    }
    <div class="file-row">
      <label class="file-btn">
        <input type="file" accept=".csv,.txt,text/csv,text/plain" (change)="readFile($event)" data-testid="csv-file" />
        <span nz-button><nz-icon nzType="upload" />{{ 'calendar.chooseFile' | t }}</span>
      </label>
      @if (fileName()) {
        <span class="muted">{{ fileName() }}</span>
      }
    </div>
    <label class="label" for="csv-text">{{ 'calendar.csv' | t }}</label>
    <textarea
      nz-input
      id="csv-text"
      class="csv"
      rows="10"
      [ngModel]="csv()"
      (ngModelChange)="csv.set($event)"
      placeholder="date,kind,name&#10;2027-01-01,holiday,元旦&#10;2027-02-06,班,春节调休上班"
      data-testid="csv-text"
    ></textarea>
    @if (missing()) {
      <div class="field-error">{{ 'calendar.csvRequired' | t }}</div>
    }
    <label class="label" for="csv-source">{{ 'calendar.sourceLabel' | t }}</label>
    <input nz-input id="csv-source" [ngModel]="source()" (ngModelChange)="source.set($event)" [placeholder]="'calendar.sourcePlaceholder' | t" maxlength="500" />
    <div *nzModalFooter>
      <button nz-button type="button" (click)="dialog.cancel()">{{ 'common.cancel' | t }}</button>
      <button nz-button nzType="primary" type="button" (click)="submit()" [nzLoading]="dialog.saving()" data-testid="dialog-submit">{{ 'calendar.import' | t }}</button>
    </div>
  `,
  styles: `
    .hint { margin: 0 0 12px; color: rgba(0, 0, 0, 0.6); }
    .problems { margin: 4px 0 0; padding-left: 18px; max-height: 180px; overflow: auto; }
    .file-row { display: flex; align-items: center; gap: 12px; margin-bottom: 12px; }
    .file-btn input { display: none; }
    .label { display: block; margin: 8px 0 6px; color: rgba(0, 0, 0, 0.75); }
    .csv { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 12px; }
    .muted { color: rgba(0, 0, 0, 0.6); }
    .field-error { margin-top: 4px; color: #cf1322; font-size: 12px; }
  `,
})
export class CalendarImportDialog {
  private readonly api = inject(CalendarApi);

  protected readonly csv = signal('');
  protected readonly source = signal('');
  protected readonly fileName = signal<string | null>(null);
  protected readonly missing = signal(false);
  protected readonly dialog = formDialog<ImportHolidaysResponse>();
  protected readonly problems = computed(() => csvProblems(this.dialog.error()));

  protected readFile(event: Event): void {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    this.fileName.set(file.name);
    void file.text().then((text) => {
      this.csv.set(text);
      this.missing.set(false);
    });
    input.value = '';
  }

  protected submit(): void {
    const csv = this.csv();
    if (!csv.trim()) {
      this.missing.set(true);
      return;
    }
    this.missing.set(false);
    this.dialog.submit(this.api.importCsv({ csv, ...(this.source().trim() ? { source: this.source().trim() } : {}) }));
  }
}
