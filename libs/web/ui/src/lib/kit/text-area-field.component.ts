import { ChangeDetectionStrategy, Component, input, model } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { NzInputModule } from 'ng-zorro-antd/input';
import { FieldComponent } from './field.component';

/**
 * A labelled multi-line text (a reason, a comment, a report's content): `<luoshi-field>` around an
 * nz-input textarea bound two-way to `value`. The caller decides when it shows its error (`invalid`,
 * e.g. submit was pressed and it is still empty); the journeys find the box by `testId`.
 */
@Component({
  selector: 'luoshi-text-area-field',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, NzInputModule, FieldComponent],
  template: `
    <luoshi-field [label]="label()" [for]="inputId()" [required]="required()" [status]="invalid() ? 'error' : ''" [error]="error()">
      <textarea nz-input [id]="inputId()" [name]="name()" [rows]="rows()" [maxlength]="maxLength()" [placeholder]="placeholder()" [ngModel]="value()" (ngModelChange)="value.set($event)" [attr.data-testid]="testId()"></textarea>
    </luoshi-field>
  `,
  styles: `:host { display: block; }`,
})
export class TextAreaFieldComponent {
  readonly value = model('');
  readonly label = input<string | null>(null);
  /** The textarea's id (the label points at it) and its form name. */
  readonly inputId = input.required<string>();
  readonly name = input.required<string>();
  readonly rows = input(4);
  readonly maxLength = input(5000);
  readonly placeholder = input('');
  readonly required = input(false);
  readonly invalid = input(false);
  readonly error = input<string | null>(null);
  readonly testId = input<string | null>(null);
}
