import { ChangeDetectionStrategy, Component, input, type TemplateRef } from '@angular/core';
import type { AbstractControl } from '@angular/forms';
import { NzFormModule } from 'ng-zorro-antd/form';

/**
 * One labelled form field: nz-form-item, its label (for= the projected control's id) and the
 * nz-form-control around the projected control. The control is projected, so nz-form-control
 * cannot find it: pass `status` — the reactive control (its errors show once dirty) or 'error'.
 */
@Component({
  selector: 'luoshi-field',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [NzFormModule],
  template: `
    <nz-form-item>
      @if (label(); as text) {
        <nz-form-label [nzFor]="for() ?? undefined" [nzRequired]="required()">{{ text }}</nz-form-label>
      }
      <nz-form-control [nzValidateStatus]="status() ?? ''" [nzErrorTip]="error() ?? undefined" [nzExtra]="extra() ?? undefined">
        <ng-content />
      </nz-form-control>
    </nz-form-item>
  `,
  styles: `:host { display: block; }`,
})
export class FieldComponent {
  readonly label = input<string | null>(null);
  /** The id of the projected control. */
  readonly for = input<string | null>(null);
  readonly required = input(false);
  readonly status = input<AbstractControl | 'error' | '' | null>(null);
  readonly error = input<string | TemplateRef<{ $implicit: AbstractControl }> | null | undefined>(null);
  readonly extra = input<string | TemplateRef<void> | null | undefined>(null);
}
