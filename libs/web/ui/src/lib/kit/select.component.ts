import { booleanAttribute, ChangeDetectionStrategy, Component, input, model, type TemplateRef } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { NzSelectModule, type NzSelectOptionInterface, type NzSelectSizeType } from 'ng-zorro-antd/select';

/**
 * A select as the toolbars, bulk bars and grids use it: its options, a placeholder, the value as
 * two-way `value` (a cleared select gives null, never undefined), and the journeys' data-testid on
 * the nz-select itself. Size it with a class on the host. Flags: `search` (type to narrow the
 * options), `fit` (the dropdown as wide as its options, not as the box), `multiple`; a clear button
 * unless `[clearable]="false"`.
 */
@Component({
  selector: 'luoshi-select',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, NzSelectModule],
  // One line a concern: what it offers, how it behaves, its state, its tags, its value and handle.
  template: `
    <nz-select
      [nzOptions]="options()" [nzPlaceHolder]="placeholder()" [nzMode]="multiple() ? 'multiple' : 'default'"
      [nzAllowClear]="clearable()" [nzShowSearch]="search()" [nzDropdownMatchSelectWidth]="!fit()" [nzSize]="size()"
      [nzDisabled]="disabled()" [nzLoading]="loading()" [nzStatus]="invalid() ? 'error' : ''"
      [nzMaxTagCount]="maxTags()" [nzMaxTagPlaceholder]="moreTags()"
      [ngModel]="value()" (ngModelChange)="value.set($event ?? null)" [attr.data-testid]="testId()"
    />
  `,
  styles: `
    :host { display: inline-block; }
    nz-select { width: 100%; }
  `,
})
export class SelectComponent<T> {
  readonly options = input.required<NzSelectOptionInterface[]>();
  readonly value = model<T | null>(null);
  readonly placeholder = input('');
  readonly testId = input<string | null>(null);
  readonly clearable = input(true);
  readonly search = input(false, { transform: booleanAttribute });
  readonly fit = input(false, { transform: booleanAttribute });
  readonly multiple = input(false, { transform: booleanAttribute });
  readonly size = input<NzSelectSizeType>('default');
  readonly disabled = input(false);
  readonly loading = input(false);
  readonly invalid = input(false);
  /** With `multiple`: how many chosen tags show before "+n" (`moreTags` draws it). */
  readonly maxTags = input(Infinity);
  readonly moreTags = input<TemplateRef<{ $implicit: unknown[] }> | null>(null);
}
