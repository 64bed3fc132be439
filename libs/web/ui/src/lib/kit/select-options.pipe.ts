import { Pipe, type PipeTransform } from '@angular/core';
import type { NzSelectOptionInterface } from 'ng-zorro-antd/select';

/** A field of the item, or a function of it. */
export type OptionPart<T> = keyof T | ((item: T) => string | number | null);

/**
 * A list of records as an nz-select's [nzOptions] (one value and one label each), so that a select
 * of plans, departments or people needs no @for of nz-option:
 * `[nzOptions]="plans() | selectOptions: 'id' : 'title'"`.
 */
@Pipe({ name: 'selectOptions' })
export class SelectOptionsPipe implements PipeTransform {
  transform<T>(items: readonly T[] | null | undefined, value: OptionPart<T>, label: OptionPart<T>): NzSelectOptionInterface[] {
    return (items ?? []).map((item) => ({ value: read(item, value), label: String(read(item, label) ?? '') }));
  }
}

function read<T>(item: T, part: OptionPart<T>): unknown {
  return typeof part === 'function' ? part(item) : item[part];
}
