import { ChangeDetectionStrategy, Component, input, model, output } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzInputModule } from 'ng-zorro-antd/input';

/**
 * A text to write and a button that sends it (a comment, an instruction, an answer, a
 * contribution): the button stays off while the text is blank and spins while `sending`.
 * The journeys' handles go on the textarea (`textTestId`) and the button (`submitTestId`).
 */
@Component({
  selector: 'luoshi-compose',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, NzButtonModule, NzInputModule],
  template: `
    <textarea
      nz-input
      [rows]="rows()"
      [maxLength]="maxLength()"
      [placeholder]="placeholder()"
      [ngModel]="text()"
      (ngModelChange)="text.set($event)"
      [attr.data-testid]="textTestId()"
    ></textarea>
    <button
      nz-button
      nzType="primary"
      [nzSize]="small() ? 'small' : 'default'"
      [disabled]="!text().trim() || disabled()"
      [nzLoading]="sending()"
      (click)="send.emit(text())"
      [attr.data-testid]="submitTestId()"
    >
      {{ sendText() }}
    </button>
  `,
  styles: `:host { display: flex; flex-direction: column; align-items: flex-end; gap: 6px; }`,
})
export class ComposeComponent {
  readonly text = model('');
  readonly placeholder = input('');
  readonly sendText = input.required<string>();
  readonly rows = input(3);
  readonly maxLength = input(2000);
  readonly sending = input(false);
  /** Off for another reason than a blank text (e.g. another send is running). */
  readonly disabled = input(false);
  readonly small = input(false);
  readonly textTestId = input<string | null>(null);
  readonly submitTestId = input<string | null>(null);
  readonly send = output<string>();
}
