import type { EntityManager } from 'typeorm';
import { DEPARTMENT_ROLES, OFFICE_ROLES } from '@luoshi/contracts';
import type { UserDirectory, UserProfileRow } from '@luoshi/server/identity';
import type { ReminderTasks } from './reminder-tasks';

/** Whether user `u` receives a reminder of `task` under `rules` (each rule a group of people around the task). */
function receives(u: UserProfileRow, task: { ownerUserId: string | null; leadDepartmentId: string | null }, rules: string[]): boolean {
  const inLead = task.leadDepartmentId !== null && u.departmentId === task.leadDepartmentId;
  return (
    (rules.includes('assignee') && u.id === task.ownerUserId) ||
    (inLead && u.roles.includes('dept_liaison') && (rules.includes('lead_liaison') || (rules.includes('assignee') && task.ownerUserId === null))) ||
    (inLead && u.roles.includes('dept_head') && rules.includes('lead_head')) ||
    (rules.includes('office') && OFFICE_ROLES.some((role) => u.roles.includes(role))) ||
    (rules.includes('leader') && u.roles.includes('leader'))
  );
}

/**
 * Turns recipient rules into users at delivery time, so a reassignment or a new liaison is
 * respected: assignee = the task's owner (or the lead liaisons when none is named). One read of
 * the tasks (through their owner) and one of the users for a whole batch of reminders.
 */
export async function resolveTaskRecipients(
  m: EntityManager,
  reminders: { reminderId: string; taskId: string; rules: string[] }[],
  owners: { tasks: ReminderTasks; users: UserDirectory },
): Promise<Map<string, string[]>> {
  if (reminders.length === 0) return new Map();
  const tasks = await owners.tasks.refs(m, reminders.map((r) => r.taskId));
  const wanted = reminders.flatMap((r) => {
    const task = tasks.get(r.taskId);
    return task ? [{ ...r, task }] : [];
  });
  const rules = new Set(wanted.flatMap((r) => r.rules));
  const candidates = await owners.users.audience(m, {
    ids: wanted.flatMap((r) => (r.task.ownerUserId ? [r.task.ownerUserId] : [])),
    departmentIds: wanted.flatMap((r) => (r.task.leadDepartmentId ? [r.task.leadDepartmentId] : [])),
    departmentRoles: DEPARTMENT_ROLES,
    roles: [...(rules.has('office') ? OFFICE_ROLES : []), ...(rules.has('leader') ? ['leader'] : [])],
  });
  const byReminder = new Map<string, string[]>();
  for (const r of wanted) {
    const users = candidates.filter((u) => receives(u, r.task, r.rules)).map((u) => u.id);
    if (users.length > 0) byReminder.set(r.reminderId, users);
  }
  return byReminder;
}
