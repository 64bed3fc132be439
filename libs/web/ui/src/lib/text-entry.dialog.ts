import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { FormDialogComponent } from './kit/form-dialog.component';
import { formDialog } from './kit/submission';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NZ_MODAL_DATA } from 'ng-zorro-antd/modal';
import type { Observable } from 'rxjs';
import { TranslatePipe } from '@luoshi/web/core';
import { TextAreaFieldComponent } from './kit/text-area-field.component';

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
  imports: [FormsModule, NzFormModule, TranslatePipe, FormDialogComponent, TextAreaFieldComponent],
  template: `
    <luoshi-form-dialog [state]="dialog" formId="text-entry-form" [okText]="data.okText" [danger]="!!data.danger" [hint]="data.hint">
      <form nz-form nzLayout="vertical" (ngSubmit)="submit()" id="text-entry-form">
        <luoshi-text-area-field [label]="data.label" inputId="text-entry" name="text" [maxLength]="data.maxLength ?? 1000" [placeholder]="data.placeholder ?? ''" [required]="true" [invalid]="showRequired()" [error]="data.requiredText ?? ('tasks.reasonRequired' | t)" [(value)]="text" testId="dialog-text" />
      </form>
    </luoshi-form-dialog>
  `,
})
export class TextEntryDialog<T = unknown> {
  protected readonly data = inject<TextEntryData<T>>(NZ_MODAL_DATA);

  protected readonly text = signal('');
  protected readonly touched = signal(false);
  protected readonly showRequired = computed(() => this.touched() && this.text().trim() === '');
  protected readonly dialog = formDialog<T>();

  protected submit(): void {
    this.touched.set(true);
    const text = this.text().trim();
    if (!text) return;
    this.dialog.submit(this.data.submit(text));
  }
}
