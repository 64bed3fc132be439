import type { JobRequest, QueueJobs, QueueName } from '@luoshi/server/platform';

export const REMINDERS_QUEUE = 'reminders' satisfies QueueName;

/** The reminders queue's jobs (the platform's job catalogue): job name → payload. */
export type ReminderJobs = QueueJobs<typeof REMINDERS_QUEUE>;

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

/** The delivery job of a reminder row, as planned and as reconciled: same id and delay, so no duplicates. */
export function reminderJob(reminderId: string, fireAt: Date, writeAheadMs: number, now: number): JobRequest<typeof REMINDERS_QUEUE, 'deliver-reminder'> {
  return { data: { reminderId }, jobId: reminderJobId(reminderId), delay: reminderJobDelay(fireAt, writeAheadMs, now) };
}
