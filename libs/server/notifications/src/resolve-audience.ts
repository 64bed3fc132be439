import type { EntityManager } from 'typeorm';
import { DEPARTMENT_ROLES, OFFICE_ROLES } from '@luoshi/contracts';
import type { UserDirectory, UserProfileRow } from '@luoshi/server/identity';
import { type Audience, AUDIENCES } from './notification-matrix';
import type { TaskDepartments } from './task-departments';

export interface AudienceQuery {
  audience: readonly Audience[];
  taskId?: string | null;
  /** Replaces the task's co-departments for `co_departments` (only the newly added ones, say). */
  departmentIds?: string[] | null;
}

const holdsOneOf = (u: UserProfileRow, roles: readonly string[]) => u.roles.some((r) => roles.includes(r));

/**
 * The users of each query's task audiences (lead department, co-departments, office): active
 * users with the liaison or head role of the department, or an office role. One read of the tasks
 * (through their owner) and one of the users for any number of queries; queries without a task
 * audience cost nothing.
 */
export async function resolveTaskAudiences(
  m: EntityManager,
  queries: AudienceQuery[],
  owners: { tasks: TaskDepartments; users: UserDirectory },
): Promise<string[][]> {
  const result: string[][] = queries.map(() => []);
  const wanted = queries
    .map((q, ord) => ({ ord, taskId: q.taskId ?? null, audience: q.audience.filter((a) => AUDIENCES[a].fromTask), departmentIds: q.departmentIds ?? null }))
    .filter((q) => q.audience.length > 0);
  if (wanted.length === 0) return result;
  const tasks = await owners.tasks.refs(m, wanted.flatMap((q) => (q.taskId ? [q.taskId] : [])));
  const named = wanted.map((q) => {
    const task = q.taskId ? tasks.get(q.taskId) : undefined;
    return {
      ord: q.ord,
      lead: q.audience.includes('lead_department') ? (task?.leadDepartmentId ?? null) : null,
      co: q.audience.includes('co_departments') ? (q.departmentIds ?? task?.coDepartmentIds ?? []) : [],
      office: q.audience.includes('office'),
    };
  });
  const candidates = await owners.users.audience(m, {
    departmentIds: named.flatMap((q) => (q.lead ? [q.lead, ...q.co] : q.co)),
    departmentRoles: DEPARTMENT_ROLES,
    roles: named.some((q) => q.office) ? OFFICE_ROLES : [],
  });
  for (const q of named) {
    result[q.ord] = candidates
      .filter(
        (u) =>
          (u.departmentId !== null && (u.departmentId === q.lead || q.co.includes(u.departmentId)) && holdsOneOf(u, DEPARTMENT_ROLES)) ||
          (q.office && holdsOneOf(u, OFFICE_ROLES)),
      )
      .map((u) => u.id);
  }
  return result;
}
