import { computed, inject } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import type { NzSelectOptionInterface } from 'ng-zorro-antd/select';
import { DEPARTMENT_KINDS, type DepartmentResponse } from '@luoshi/contracts';
import { DirectoryApi, I18nService } from '@luoshi/web/core';

/** nz-select options for departments (value: the code), grouped by kind in the kinds' canonical order. */
export function departmentOptions(
  departments: readonly DepartmentResponse[],
  kindLabel: (kind: DepartmentResponse['kind']) => string,
): NzSelectOptionInterface[] {
  return DEPARTMENT_KINDS.flatMap((kind) => departments.filter((d) => d.kind === kind).map((d) => ({ label: d.name, value: d.code, groupLabel: kindLabel(kind) })));
}

/**
 * The department directory as a page loads it for its pickers: the list (empty until loaded) and
 * its select options grouped by kind in the current language. `keep` narrows both (e.g. no office).
 * Create with `departmentDirectory()` in a field initializer.
 */
export function departmentDirectory(keep: (department: DepartmentResponse) => boolean = () => true) {
  const i18n = inject(I18nService);
  const directory = inject(DirectoryApi);
  const resource = rxResource({ stream: () => directory.departments() });
  const list = computed(() => (resource.hasValue() ? resource.value().filter(keep) : []));
  return {
    resource,
    list,
    options: computed(() => departmentOptions(list(), (kind) => i18n.kindLabel(kind))),
  };
}
