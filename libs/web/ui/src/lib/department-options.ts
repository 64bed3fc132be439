import type { NzSelectOptionInterface } from 'ng-zorro-antd/select';
import { DEPARTMENT_KINDS, type DepartmentResponse } from '@luoshi/contracts';

/** nz-select options for departments (value: the code), grouped by kind in the kinds' canonical order. */
export function departmentOptions(
  departments: readonly DepartmentResponse[],
  kindLabel: (kind: DepartmentResponse['kind']) => string,
): NzSelectOptionInterface[] {
  return DEPARTMENT_KINDS.flatMap((kind) => departments.filter((d) => d.kind === kind).map((d) => ({ label: d.name, value: d.code, groupLabel: kindLabel(kind) })));
}
