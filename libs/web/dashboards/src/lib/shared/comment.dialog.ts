import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NZ_MODAL_DATA, NzModalModule, NzModalRef } from 'ng-zorro-antd/modal';
import type { Observable } from 'rxjs';
import { type ApiError, I18nService, toApiError, TranslatePipe } from '@luoshi/web/core';

export interface CommentDialogData<T> {
  label: string;
  hint?: string;
  placeholder?: string;
  requiredText: string;
  okText: string;
  danger?: boolean;
  /** Sends the text; on an API error the dialog shows its message and stays open. */
  submit: (text: string) => Observable<T>;
}

/** One required comment (a return reason) sent by the caller's `submit`; closes with its result. */
@Component({
  selector: 'luoshi-comment-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, NzAlertModule, NzButtonModule, NzFormModule, NzInputModule, NzModalModule, TranslatePipe],
  template: `
    @if (data.hint) {
      <p class="hint">{{ data.hint }}</p>
    }
    @if (errorText(); as message) {
      <nz-alert nzType="error" nzShowIcon [nzMessage]="message" class="dialog-alert" data-testid="dialog-error" />
    }
    <form nz-form nzLayout="vertical" (ngSubmit)="submit()" id="comment-form">
      <nz-form-item>
        <nz-form-label nzFor="comment-text" nzRequired>{{ data.label }}</nz-form-label>
        <nz-form-control [nzValidateStatus]="missing() ? 'error' : ''" [nzErrorTip]="data.requiredText">
          <textarea
            nz-input
            id="comment-text"
            name="text"
            rows="4"
            maxlength="1000"
            [placeholder]="data.placeholder ?? ''"
            [ngModel]="text()"
            (ngModelChange)="text.set($event)"
            data-testid="dialog-text"
          ></textarea>
        </nz-form-control>
      </nz-form-item>
    </form>
    <div *nzModalFooter>
      <button nz-button type="button" (click)="modal.destroy()">{{ 'common.cancel' | t }}</button>
      <button nz-button nzType="primary" [nzDanger]="!!data.danger" type="submit" form="comment-form" [nzLoading]="saving()" data-testid="dialog-submit">
        {{ data.okText }}
      </button>
    </div>
  `,
  styles: `.hint { margin: 0 0 12px; color: rgba(0, 0, 0, 0.55); }`,
})
export class CommentDialog<T = unknown> {
  protected readonly data = inject<CommentDialogData<T>>(NZ_MODAL_DATA);
  protected readonly modal = inject<NzModalRef<CommentDialog<T>, T>>(NzModalRef);
  private readonly i18n = inject(I18nService);
  protected readonly text = signal('');
  private readonly touched = signal(false);
  protected readonly saving = signal(false);
  private readonly error = signal<ApiError | null>(null);
  protected readonly missing = computed(() => this.touched() && this.text().trim() === '');
  protected readonly errorText = computed(() => {
    const error = this.error();
    return error ? this.i18n.errorText(error) : null;
  });

  protected submit(): void {
    this.touched.set(true);
    const text = this.text().trim();
    if (!text || this.saving()) return;
    this.saving.set(true);
    this.error.set(null);
    this.data.submit(text).subscribe({
      next: (result) => this.modal.close(result),
      error: (raw: unknown) => {
        this.saving.set(false);
        this.error.set(toApiError(raw));
      },
    });
  }
}
