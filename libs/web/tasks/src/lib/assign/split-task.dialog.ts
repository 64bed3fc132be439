import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NZ_MODAL_DATA, NzModalModule, NzModalRef } from 'ng-zorro-antd/modal';
import type { TaskResponse } from '@luoshi/contracts';
import { type ApiError, I18nService, TasksApi, toApiError, TranslatePipe } from '@luoshi/web/core';

/** The non-empty lines of the text, trimmed. */
export function splitLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
}

/** Splits a draft task into several (one title a line); closes with the resulting tasks. */
@Component({
  selector: 'luoshi-split-task-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, NzAlertModule, NzButtonModule, NzFormModule, NzInputModule, NzModalModule, TranslatePipe],
  template: `
    <p class="hint">{{ 'taskAssign.splitHint' | t: { code: task.code } }}</p>
    @if (errorText(); as message) {
      <nz-alert nzType="error" nzShowIcon [nzMessage]="message" class="dialog-alert" data-testid="dialog-error" />
    }
    <form nz-form nzLayout="vertical" (ngSubmit)="submit()" id="split-form">
      <nz-form-item>
        <nz-form-label nzFor="split-titles" nzRequired>{{ 'taskAssign.splitTitles' | t }}</nz-form-label>
        <nz-form-control [nzValidateStatus]="tooFew() ? 'error' : ''" [nzErrorTip]="'taskAssign.splitTooFew' | t">
          <textarea nz-input id="split-titles" name="titles" rows="6" [ngModel]="text()" (ngModelChange)="text.set($event)" data-testid="split-titles"></textarea>
        </nz-form-control>
      </nz-form-item>
    </form>
    <div *nzModalFooter>
      <button nz-button type="button" (click)="cancel()">{{ 'common.cancel' | t }}</button>
      <button nz-button nzType="primary" type="submit" form="split-form" [nzLoading]="saving()" data-testid="dialog-submit">{{ 'taskAssign.split' | t }}</button>
    </div>
  `,
  styles: `.hint { margin: 0 0 12px; color: rgba(0, 0, 0, 0.6); }`,
})
export class SplitTaskDialog {
  protected readonly task = inject<TaskResponse>(NZ_MODAL_DATA);
  private readonly modal = inject<NzModalRef<SplitTaskDialog, TaskResponse[]>>(NzModalRef);
  private readonly api = inject(TasksApi);
  private readonly i18n = inject(I18nService);

  protected readonly text = signal(`${this.task.title}\n`);
  protected readonly touched = signal(false);
  protected readonly saving = signal(false);
  protected readonly error = signal<ApiError | null>(null);
  protected readonly tooFew = computed(() => this.touched() && splitLines(this.text()).length < 2);
  protected readonly errorText = computed(() => {
    const error = this.error();
    return error ? this.i18n.errorText(error) : null;
  });

  protected cancel(): void {
    this.modal.destroy();
  }

  protected submit(): void {
    this.touched.set(true);
    const titles = splitLines(this.text());
    if (titles.length < 2 || this.saving()) return;
    this.saving.set(true);
    this.error.set(null);
    this.api.split(this.task.id, titles, this.task.version).subscribe({
      next: (tasks) => this.modal.close(tasks),
      error: (raw: unknown) => {
        this.saving.set(false);
        this.error.set(toApiError(raw));
      },
    });
  }
}
