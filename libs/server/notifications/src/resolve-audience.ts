import type { EntityManager } from 'typeorm';
import { type Audience, AUDIENCES } from './notification-matrix';

export interface AudienceQuery {
  audience: readonly Audience[];
  taskId?: string | null;
  /** Replaces the task's co-departments for `co_departments` (only the newly added ones, say). */
  departmentIds?: string[] | null;
}

/**
 * The users of each query's task audiences (lead department, co-departments, office): active
 * users with the liaison or head role of the department, or an office role. One statement for any
 * number of queries; queries without a task audience cost nothing.
 */
export async function resolveTaskAudiences(m: EntityManager, queries: AudienceQuery[]): Promise<string[][]> {
  const result: string[][] = queries.map(() => []);
  const wanted = queries
    .map((q, ord) => ({ ord, task_id: q.taskId ?? null, audience: q.audience.filter((a) => AUDIENCES[a].fromTask), department_ids: q.departmentIds ?? null }))
    .filter((q) => q.audience.length > 0);
  if (wanted.length === 0) return result;
  const rows: { ord: number; user_id: string }[] = await m.query(
    `SELECT DISTINCT x.ord, u.id AS user_id
       FROM jsonb_to_recordset($1::jsonb) AS x(ord int, task_id uuid, audience text[], department_ids uuid[])
       LEFT JOIN task t ON t.id = x.task_id
       JOIN app_user u ON u.active AND (
            ('lead_department' = ANY(x.audience) AND u.department_id = t.lead_department_id AND u.roles && ARRAY['dept_liaison', 'dept_head']::text[])
         OR ('co_departments' = ANY(x.audience) AND u.department_id = ANY(COALESCE(x.department_ids, t.co_department_ids))
             AND u.roles && ARRAY['dept_liaison', 'dept_head']::text[])
         OR ('office' = ANY(x.audience) AND u.roles && ARRAY['office_admin', 'office_reviewer']::text[]))`,
    [JSON.stringify(wanted)],
  );
  for (const row of rows) result[row.ord].push(row.user_id);
  return result;
}
