import { addDays } from '@luoshi/domain/calendar';
import { SUPPORTED_TIME_ZONE } from './reminder-rule';
import { ReminderScheduleError } from './reminder-schedule-error';
import { assertValidInstant } from './move-out-of-quiet-hours';
import { fromShanghaiLocal, toShanghaiLocal } from './shanghai-time';

export interface DigestWindow {
  /** The local calendar date 'YYYY-MM-DD': one digest per user per key. */
  key: string;
  /** Local midnight starting the day (inclusive). */
  start: Date;
  /** The next local midnight (exclusive). */
  end: Date;
}

/**
 * The per-user daily digest bucket an instant belongs to. Buckets are local calendar days, so
 * 23:59 and 00:01 Shanghai time land in different digests even though UTC says otherwise.
 */
export function digestWindow(at: Date, timeZone: 'Asia/Shanghai' = SUPPORTED_TIME_ZONE): DigestWindow {
  assertValidInstant(at, 'at');
  if (timeZone !== SUPPORTED_TIME_ZONE) {
    throw new ReminderScheduleError('BAD_TIME_ZONE', `时区只支持 ${SUPPORTED_TIME_ZONE}，实际为 ${String(timeZone)}`);
  }
  const { date } = toShanghaiLocal(at);
  return { key: date, start: fromShanghaiLocal(date, 0), end: fromShanghaiLocal(addDays(date, 1), 0) };
}
