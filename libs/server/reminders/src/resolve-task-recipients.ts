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
  const rows: { reminder_id: string; user_id: string }[] = await m.query(
    `SELECT DISTINCT c.reminder_id, u.id AS user_id
       FROM jsonb_to_recordset($1::jsonb) AS c(reminder_id uuid, task_id uuid, rules text[])
       JOIN task t ON t.id = c.task_id
       JOIN app_user u ON u.active AND (
            ('assignee' = ANY(c.rules) AND (u.id = t.owner_user_id OR (t.owner_user_id IS NULL AND u.department_id = t.lead_department_id AND 'dept_liaison' = ANY(u.roles))))
         OR ('lead_liaison' = ANY(c.rules) AND u.department_id = t.lead_department_id AND 'dept_liaison' = ANY(u.roles))
         OR ('lead_head' = ANY(c.rules) AND u.department_id = t.lead_department_id AND 'dept_head' = ANY(u.roles))
         OR ('office' = ANY(c.rules) AND u.roles && ARRAY['office_admin', 'office_reviewer']::text[])
         OR ('leader' = ANY(c.rules) AND 'leader' = ANY(u.roles)))`,
    [JSON.stringify(reminders.map((r) => ({ reminder_id: r.reminderId, task_id: r.taskId, rules: r.rules })))],
  );
  const byReminder = new Map<string, string[]>();
  for (const row of rows) byReminder.set(row.reminder_id, [...(byReminder.get(row.reminder_id) ?? []), row.user_id]);
  return byReminder;
}
