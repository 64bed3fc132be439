import type { EntityManager } from 'typeorm';

/**
 * Turns recipient rules into users at delivery time, so a reassignment or a new liaison is
 * respected: assignee = the task's owner (or the lead liaisons when none is named).
 */
export async function resolveTaskRecipients(m: EntityManager, taskId: string, rules: string[]): Promise<string[]> {
  const rows: { id: string }[] = await m.query(
    `WITH t AS (SELECT lead_department_id, owner_user_id FROM task WHERE id = $1)
     SELECT DISTINCT u.id FROM app_user u, t
      WHERE u.active AND (
        ('assignee' = ANY($2) AND (u.id = t.owner_user_id OR (t.owner_user_id IS NULL AND u.department_id = t.lead_department_id AND 'dept_liaison' = ANY(u.roles))))
        OR ('lead_liaison' = ANY($2) AND u.department_id = t.lead_department_id AND 'dept_liaison' = ANY(u.roles))
        OR ('lead_head' = ANY($2) AND u.department_id = t.lead_department_id AND 'dept_head' = ANY(u.roles))
        OR ('office' = ANY($2) AND u.roles && ARRAY['office_admin', 'office_reviewer']::text[])
        OR ('leader' = ANY($2) AND 'leader' = ANY(u.roles)))`,
    [taskId, rules],
  );
  return rows.map((r) => r.id);
}
