/** Thrown for invalid input; `message` is Chinese for display, `details` lists each problem. */
export class ReminderScheduleError extends Error {
  constructor(
    public readonly code: string,
    message: string,
    public readonly details: readonly string[] = [],
  ) {
    super(message);
    this.name = 'ReminderScheduleError';
  }
}
