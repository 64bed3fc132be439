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
