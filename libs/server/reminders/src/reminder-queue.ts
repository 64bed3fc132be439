export const REMINDERS_QUEUE = 'reminders';

/** Job catalogue of the reminders queue: job name → payload (ids only; the row holds the state). */
export interface ReminderJobs {
  'deliver-reminder': { reminderId: string };
  'reconcile-reminders': Record<string, never>;
}

/** BullMQ job ids may not contain ':'; the row id is a UUID, so it serves as is. */
export function reminderJobId(reminderId: string): string {
  return reminderId;
}

/**
 * The delay of a reminder's job: its due time less the write-ahead (REMINDER_WRITE_AHEAD_MS), never
 * negative. Reminders are written ahead of time and shown on time: the job writes the notifications
 * with their visible time (created_at) set to the due moment, so a burst of thousands due at once is
 * visible to every user when due, not seconds later (issue 12 row 19). Until then they are hidden
 * from the inbox, and a cancellation removes them.
 */
export function reminderJobDelay(fireAt: Date, writeAheadMs: number, now = Date.now()): number {
  return Math.max(0, fireAt.getTime() - writeAheadMs - now);
}
