import type { Sql } from '@luoshi/server/platform';

/** What reminders read of a task: its deadline and state to plan by, its owner and lead department to deliver to. */
export interface ReminderTaskRow {
  id: string;
  planId: string | null;
  title: string;
  status: string;
  /** YYYY-MM-DD, or null when the task has no deadline. */
  dueDate: string | null;
  ownerUserId: string | null;
  leadDepartmentId: string | null;
}

/**
 * Tasks by id (unknown ids absent), read in the caller's transaction. The tasks capability owns the
 * rows and provides this port: tasks imports reminders, so reminders cannot import tasks.
 */
export interface ReminderTasks {
  refs(m: Sql, ids: readonly string[]): Promise<Map<string, ReminderTaskRow>>;
}
export const REMINDER_TASKS = Symbol('REMINDER_TASKS');
