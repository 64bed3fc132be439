/**
 * The one error type this library throws. `code` is stable for callers (the API maps it to an
 * ApiErrorResponse); `message` is Chinese because it is shown to office staff as is.
 * `details` carries one message per problem when several are found at once (e.g. a CSV upload).
 */
export class CalendarError extends Error {
  constructor(
    public readonly code: string,
    message: string,
    public readonly details: readonly string[] = [],
  ) {
    super(message);
    this.name = 'CalendarError';
  }
}
