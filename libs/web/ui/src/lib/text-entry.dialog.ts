import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NZ_MODAL_DATA, NzModalModule, NzModalRef } from 'ng-zorro-antd/modal';
import type { Observable } from 'rxjs';
import { type ApiError, I18nService, toApiError, TranslatePipe } from '@luoshi/web/core';

export interface TextEntryData<T> {
  label: string;
  hint?: string;
  placeholder?: string;
  okText: string;
  danger?: boolean;
  /** Default 1000 characters. */
  maxLength?: number;
  /** The message when the text is left empty; default "请填写原因". */
  requiredText?: string;
  /** Sends the text; the dialog shows the API's error and stays open, or closes with the result. */
  submit: (text: string) => Observable<T>;
}

/** One required text (a reason, an urge message, a return comment) sent by the caller's `submit`; closes with its result. */
@Component({
  selector: 'luoshi-text-entry-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, NzAlertModule, NzButtonModule, NzFormModule, NzInputModule, NzModalModule, TranslatePipe],
  template: `
    @if (hint) {
      <p class="hint">{{ hint }}</p>
    }
    @if (errorText(); as message) {
      <nz-alert nzType="error" nzShowIcon [nzMessage]="message" class="dialog-alert" data-testid="dialog-error" />
    }
    <form nz-form nzLayout="vertical" (ngSubmit)="submit()" id="text-entry-form">
      <nz-form-item>
        <nz-form-label nzFor="text-entry" nzRequired>{{ data.label }}</nz-form-label>
        <nz-form-control [nzValidateStatus]="showRequired() ? 'error' : ''" [nzErrorTip]="data.requiredText ?? ('tasks.reasonRequired' | t)">
          <textarea
            nz-input
            id="text-entry"
            name="text"
            rows="4"
            [maxlength]="data.maxLength ?? 1000"
            [placeholder]="data.placeholder ?? ''"
            [ngModel]="text()"
            (ngModelChange)="text.set($event)"
            data-testid="dialog-text"
          ></textarea>
        </nz-form-control>
      </nz-form-item>
    </form>
    <div *nzModalFooter>
      <button nz-button type="button" (click)="cancel()">{{ 'common.cancel' | t }}</button>
      <button nz-button nzType="primary" [nzDanger]="!!data.danger" type="submit" form="text-entry-form" [nzLoading]="saving()" data-testid="dialog-submit">
        {{ data.okText }}
      </button>
    </div>
  `,
  styles: `.hint { margin: 0 0 12px; color: rgba(0, 0, 0, 0.6); }`,
})
export class TextEntryDialog<T = unknown> {
  protected readonly data = inject<TextEntryData<T>>(NZ_MODAL_DATA);
  private readonly modal = inject<NzModalRef<TextEntryDialog<T>, T>>(NzModalRef);
  private readonly i18n = inject(I18nService);

  protected readonly hint = this.data.hint;
  protected readonly text = signal('');
  protected readonly touched = signal(false);
  protected readonly saving = signal(false);
  protected readonly error = signal<ApiError | null>(null);
  protected readonly showRequired = computed(() => this.touched() && this.text().trim() === '');
  protected readonly errorText = computed(() => {
    const error = this.error();
    return error ? this.i18n.errorText(error) : null;
  });

  protected cancel(): void {
    this.modal.destroy();
  }

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
