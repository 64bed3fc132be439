import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { FormDialogComponent } from './kit/form-dialog.component';
import { formDialog } from './kit/submission';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NZ_MODAL_DATA } from 'ng-zorro-antd/modal';
import type { Observable } from 'rxjs';
import { TranslatePipe } from '@luoshi/web/core';
import { FieldComponent } from './kit/field.component';

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
  imports: [FormsModule, NzFormModule, NzInputModule, TranslatePipe, FormDialogComponent, FieldComponent],
  template: `
    <luoshi-form-dialog [state]="dialog" formId="text-entry-form" [okText]="data.okText" [danger]="!!data.danger" [hint]="data.hint">
      <form nz-form nzLayout="vertical" (ngSubmit)="submit()" id="text-entry-form">
        <luoshi-field [label]="data.label" for="text-entry" [required]="true" [status]="showRequired() ? 'error' : ''" [error]="data.requiredText ?? ('tasks.reasonRequired' | t)">
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
        </luoshi-field>
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
