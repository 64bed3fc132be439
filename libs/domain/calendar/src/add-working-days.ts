import { CalendarError } from './calendar-error';
import { addDays, type IsoDate } from './iso-date';

export type IsWorkingDay = (date: IsoDate) => boolean;

/**
 * No real calendar has a year of rest days; if we scan this far something is wrong with the
 * data (e.g. every day marked as a holiday) and looping forever would hang the server.
 */
const MAX_SCAN_DAYS = 366;

export function assertWholeNumber(n: number, field: string): void {
  if (!Number.isSafeInteger(n)) {
    throw new CalendarError('BAD_WORKING_DAYS', `${field} 必须是整数，实际为 ${String(n)}`);
  }
}

/** The first working day strictly after (step = 1) or strictly before (step = -1) `date`. */
export function stepToWorkingDay(isWorkingDay: IsWorkingDay, date: IsoDate, step: 1 | -1): IsoDate {
  let d = date;
  for (let i = 0; i < MAX_SCAN_DAYS; i++) {
    d = addDays(d, step);
    if (isWorkingDay(d)) return d;
  }
  throw new CalendarError('NO_WORKING_DAY', `从 ${date} 起 ${MAX_SCAN_DAYS} 天内没有工作日，请检查节假日数据`);
}

/** `date` itself when it is a working day, otherwise the next working day. */
export function findWorkingDayOnOrAfter(isWorkingDay: IsWorkingDay, date: IsoDate): IsoDate {
  return isWorkingDay(date) ? date : stepToWorkingDay(isWorkingDay, date, 1);
}

/** `date` itself when it is a working day, otherwise the last working day before it. */
export function findWorkingDayOnOrBefore(isWorkingDay: IsWorkingDay, date: IsoDate): IsoDate {
  return isWorkingDay(date) ? date : stepToWorkingDay(isWorkingDay, date, -1);
}

/**
 * n > 0: the n-th working day strictly after `date` (date itself never counts, so a Saturday
 *        + 1 is the Monday, the same as Friday + 1).
 * n < 0: the |n|-th working day strictly before `date`.
 * n = 0: `date` if it is a working day, else the next working day — "due on day 0" must still
 *        be a day someone is at work.
 */
export function addWorkingDays(isWorkingDay: IsWorkingDay, date: IsoDate, n: number): IsoDate {
  assertWholeNumber(n, '工作日天数');
  if (n === 0) return findWorkingDayOnOrAfter(isWorkingDay, date);
  const step = n > 0 ? 1 : -1;
  let d = date;
  for (let left = Math.abs(n); left > 0; left--) d = stepToWorkingDay(isWorkingDay, d, step);
  return d;
}
