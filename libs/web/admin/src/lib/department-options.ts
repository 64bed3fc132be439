import { DEPARTMENT_KINDS, type DepartmentKind, type DepartmentResponse } from '@luoshi/contracts';

export interface DepartmentGroup {
  kind: DepartmentKind;
  departments: DepartmentResponse[];
}

/** Departments grouped by kind, in the kinds' canonical order (office, provincial, city, county). */
export function groupByKind(departments: readonly DepartmentResponse[]): DepartmentGroup[] {
  return DEPARTMENT_KINDS.map((kind) => ({ kind, departments: departments.filter((d) => d.kind === kind) })).filter(
    (group) => group.departments.length > 0,
  );
}
