import type { EntityManager } from 'typeorm';

/**
 * Turns recipient rules into users at delivery time, so a reassignment or a new liaison is
 * respected: assignee = the task's owner (or the lead liaisons when none is named). One query
 * for a whole batch of reminders.
 */
export async function resolveTaskRecipients(
  m: EntityManager,
  reminders: { reminderId: string; taskId: string; rules: string[] }[],
): Promise<Map<string, string[]>> {
  if (reminders.length === 0) return new Map();
  // One branch per rule, each a join an index answers (department members, or the few office users and
  // leaders): an OR of the rules in one join condition compared every reminder with every user.
  const rows: { reminder_id: string; user_id: string }[] = await m.query(
    `WITH c AS MATERIALIZED (
       SELECT c.reminder_id, c.rules, t.owner_user_id, t.lead_department_id
         FROM jsonb_to_recordset($1::jsonb) AS c(reminder_id uuid, task_id uuid, rules text[])
         JOIN task t ON t.id = c.task_id)
     SELECT c.reminder_id, u.id AS user_id FROM c JOIN app_user u ON u.id = c.owner_user_id
      WHERE 'assignee' = ANY(c.rules) AND u.active
     UNION
     SELECT c.reminder_id, u.id FROM c JOIN app_user u ON u.department_id = c.lead_department_id
      WHERE u.active AND 'dept_liaison' = ANY(u.roles)
        AND ('lead_liaison' = ANY(c.rules) OR ('assignee' = ANY(c.rules) AND c.owner_user_id IS NULL))
     UNION
     SELECT c.reminder_id, u.id FROM c JOIN app_user u ON u.department_id = c.lead_department_id
      WHERE u.active AND 'dept_head' = ANY(u.roles) AND 'lead_head' = ANY(c.rules)
     UNION
     SELECT c.reminder_id, u.id FROM c CROSS JOIN (SELECT id, roles FROM app_user WHERE active AND roles && ARRAY['office_admin', 'office_reviewer', 'leader']::text[]) u
      WHERE ('office' = ANY(c.rules) AND u.roles && ARRAY['office_admin', 'office_reviewer']::text[])
         OR ('leader' = ANY(c.rules) AND 'leader' = ANY(u.roles))`,
    [JSON.stringify(reminders.map((r) => ({ reminder_id: r.reminderId, task_id: r.taskId, rules: r.rules })))],
  );
  const byReminder = new Map<string, string[]>();
  for (const row of rows) byReminder.set(row.reminder_id, [...(byReminder.get(row.reminder_id) ?? []), row.user_id]);
  return byReminder;
}
