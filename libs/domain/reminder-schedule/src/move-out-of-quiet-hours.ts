import type { WorkingDayCalendar } from '@luoshi/domain/calendar';
import type { ReminderRule } from './reminder-rule';
import { ReminderScheduleError } from './reminder-schedule-error';
import { fromShanghaiLocal, isInQuietHours, parseTimeOfDay, toShanghaiLocal } from './shanghai-time';
import { assertValidReminderRule } from './validate-reminder-rule';

/**
 * The earliest acceptable delivery time for a reminder wanted at `at`.
 *
 * - On a working day outside quiet hours: `at` unchanged (an urge 催办 at 15:10 goes at 15:10).
 * - On a working day before `rule.sendAt` while still in quiet hours (e.g. 07:00): that day at
 *   sendAt.
 * - Otherwise (evening quiet hours, a weekend, a holiday): the next working day at sendAt.
 *
 * Moved reminders always land on `rule.sendAt` (09:00 by default), not on the bare end of quiet
 * hours (08:00), so ad-hoc and scheduled reminders arrive together and the rule has a single
 * "delivery time". Always returns a new Date.
 */
export function moveOutOfQuietHours(at: Date, rule: ReminderRule, calendar: WorkingDayCalendar): Date {
  assertValidInstant(at, 'at');
  return moveValidatedOutOfQuietHours(at, assertValidReminderRule(rule), calendar);
}

/** moveOutOfQuietHours for callers that have already validated `at` and the rule. */
export function moveValidatedOutOfQuietHours(at: Date, valid: ReminderRule, calendar: WorkingDayCalendar): Date {
  const local = toShanghaiLocal(at);
  const working = calendar.isWorkingDay(local.date);
  if (working && !isInQuietHours(local.minutes, valid.quietHours)) return new Date(at.getTime());
  const sendAt = parseTimeOfDay(valid.sendAt);
  if (working && local.minutes < sendAt) return fromShanghaiLocal(local.date, sendAt);
  return fromShanghaiLocal(calendar.nextWorkingDay(local.date), sendAt);
}

export function assertValidInstant(at: unknown, field: string): asserts at is Date {
  if (!(at instanceof Date) || Number.isNaN(at.getTime())) {
    throw new ReminderScheduleError('BAD_TIME', `${field}（时间）必须是有效的 Date`);
  }
}
