import { ChangeDetectionStrategy, Component, input, model, type TemplateRef } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';

/**
 * The search box of a list's toolbar: a magnifier, the text as typed (two-way `value`), and the
 * journeys' data-testid on the input itself. Size it with a class on the host.
 */
@Component({
  selector: 'luoshi-search-input',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, NzIconModule, NzInputModule],
  template: `
    <nz-input-group [nzPrefix]="icon" [nzSuffix]="suffix()">
      <input nz-input type="search" [placeholder]="placeholder()" [ngModel]="value()" (ngModelChange)="value.set($event)" [attr.data-testid]="testId()" />
    </nz-input-group>
    <ng-template #icon><nz-icon nzType="search" /></ng-template>
  `,
  styles: `
    :host { display: block; }
    nz-input-group { width: 100%; }
  `,
})
export class SearchInputComponent {
  readonly value = model('');
  readonly placeholder = input('');
  readonly testId = input<string | null>(null);
  /** E.g. a clear button. */
  readonly suffix = input<TemplateRef<void> | undefined>(undefined);
}
