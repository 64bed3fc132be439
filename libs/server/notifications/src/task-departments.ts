import type { Sql } from '@luoshi/server/platform';

/** The departments of a task, which its task audiences (lead department, co-departments) name. */
export interface TaskDepartmentsRow {
  leadDepartmentId: string | null;
  coDepartmentIds: string[];
}

/**
 * Tasks by id (unknown ids absent), read in the caller's transaction. The tasks capability owns the
 * rows and provides this port: tasks imports notifications, so notifications cannot import tasks.
 */
export interface TaskDepartments {
  refs(m: Sql, ids: readonly string[]): Promise<Map<string, TaskDepartmentsRow>>;
}
export const TASK_DEPARTMENTS = Symbol('TASK_DEPARTMENTS');
