import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzModalModule } from 'ng-zorro-antd/modal';
import { TranslatePipe } from '@luoshi/web/core';
import type { FormDialogView } from './submission';

/**
 * The frame of a modal form: an optional hint, the API's error (data-testid dialog-error), the
 * projected form, and the modal footer with Cancel and the submit button (dialog-submit), which
 * submits the form named by `formId` and spins while the state is saving.
 */
@Component({
  selector: 'luoshi-form-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [NzAlertModule, NzButtonModule, NzModalModule, TranslatePipe],
  template: `
    @if (hint(); as text) {
      <p class="hint">{{ text }}</p>
    }
    @if (state().errorText(); as message) {
      <nz-alert nzType="error" nzShowIcon [nzMessage]="message" class="dialog-alert" data-testid="dialog-error" />
    }
    <ng-content />
    <div *nzModalFooter>
      <ng-content select="[dialogFooterStart]" />
      <button nz-button type="button" (click)="state().cancel()" data-testid="dialog-cancel">{{ 'common.cancel' | t }}</button>
      <button
        nz-button
        nzType="primary"
        [nzDanger]="danger()"
        type="submit"
        [attr.form]="formId()"
        [disabled]="disabled()"
        [nzLoading]="state().saving()"
        [attr.data-testid]="submitTestId()"
      >
        {{ okText() }}
      </button>
    </div>
  `,
  styles: `
    :host { display: block; }
    .hint { margin: 0 0 12px; color: rgba(0, 0, 0, 0.6); }
  `,
})
export class FormDialogComponent {
  readonly state = input.required<FormDialogView>();
  /** The id of the projected <form>; the footer's submit button submits it. */
  readonly formId = input.required<string>();
  readonly okText = input.required<string>();
  readonly hint = input<string | null | undefined>(null);
  readonly danger = input(false);
  readonly disabled = input(false);
  /** The journeys' handle on the submit button. */
  readonly submitTestId = input('dialog-submit');
}
