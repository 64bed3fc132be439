import type { IsoDate, WorkingDayCalendar } from '@luoshi/domain/calendar';
import { defaultLevelFor, type RecipientRule, type ReminderLevel, type ReminderRule } from './reminder-rule';
import { assertValidInstant, moveValidatedOutOfQuietHours } from './move-out-of-quiet-hours';
import { fromShanghaiLocal, parseTimeOfDay, toShanghaiLocal } from './shanghai-time';
import { assertValidReminderRule } from './validate-reminder-rule';

export interface PlannedReminder {
  /**
   * 'offset:-5', 'offset:0', 'offset:1', 'escalation:3' — deterministic and unique within one
   * subject + deadline. It does not contain the deadline: the database row that carries a planned
   * reminder is its identity (its id is the BullMQ job id), and a moved deadline replaces the rows.
   */
  key: string;
  fireAt: Date;
  level: ReminderLevel;
  recipients: RecipientRule[];
  /** Working days relative to the deadline (negative = before; escalations are positive). */
  offsetWorkingDays: number;
}

export interface ComputeReminderScheduleInput {
  /** The due date (Asia/Shanghai calendar date). */
  deadline: IsoDate;
  rule: ReminderRule;
  calendar: WorkingDayCalendar;
  /** The current instant; reminders before it are dropped. Passed in so the function is pure. */
  now: Date;
  /** A completed subject gets no reminders at all. */
  subjectCompleted?: boolean;
}

/**
 * The reminders to store and enqueue for one deadline.
 *
 * Days: an offset of -k or 0 counts back from the due day — the deadline itself, or, if the
 * deadline is a rest day, the last working day before it (nobody can act on a Sunday deadline
 * on Sunday, and "due" must not arrive after the date has passed). An offset of +k and an
 * escalation after k working days are the k-th working day strictly after the deadline, i.e.
 * the first days on which the subject is really late. So every reminder is on a working day and
 * distinct offsets never collide on one day.
 *
 * Time: every reminder fires at rule.sendAt (09:00) Shanghai time on its day, which validation
 * guarantees is outside quiet hours; moveOutOfQuietHours is applied as a final safeguard.
 *
 * Past reminders (fireAt < now) are dropped, with one exception: the due-day reminder
 * (offset 0) is kept when `now` is still on the due day — a task created or re-dated at 14:00 on
 * its due day should still say "due today". It then fires at `now` (moved out of quiet hours);
 * if that would fall after the due day (e.g. now is 21:00), it is dropped, since the +1
 * reminder covers it.
 *
 * Output is sorted by fireAt (offsets before escalations, then by offset, on ties) and keys are
 * unique.
 */
export function computeReminderSchedule(input: ComputeReminderScheduleInput): PlannedReminder[] {
  const { deadline, calendar, now } = input;
  const rule = assertValidReminderRule(input.rule);
  assertValidInstant(now, 'now');
  // Validates the deadline (throws CalendarError('BAD_DATE')) even for completed subjects.
  const dueDay = calendar.workingDayOnOrBefore(deadline);
  if (input.subjectCompleted) return [];

  const sendAt = parseTimeOfDay(rule.sendAt);
  const today = toShanghaiLocal(now).date;
  const planned: (PlannedReminder & { order: number })[] = [];

  const add = (key: string, day: IsoDate, level: ReminderLevel, recipients: RecipientRule[], offset: number, order: number) => {
    let fireAt = moveValidatedOutOfQuietHours(fromShanghaiLocal(day, sendAt), rule, calendar);
    if (fireAt.getTime() < now.getTime()) {
      const isDueToday = key === 'offset:0' && day === today;
      if (!isDueToday) return;
      fireAt = moveValidatedOutOfQuietHours(now, rule, calendar);
      if (toShanghaiLocal(fireAt).date !== day) return;
    }
    planned.push({ key, fireAt, level, recipients: [...recipients], offsetWorkingDays: offset, order });
  };

  for (const o of rule.offsets) {
    const day = o.workingDays <= 0 ? calendar.addWorkingDays(dueDay, o.workingDays) : calendar.addWorkingDays(deadline, o.workingDays);
    add(`offset:${o.workingDays}`, day, o.level ?? defaultLevelFor(o.workingDays), o.recipients, o.workingDays, 0);
  }
  for (const e of rule.escalation) {
    const day = calendar.addWorkingDays(deadline, e.afterWorkingDays);
    add(`escalation:${e.afterWorkingDays}`, day, 'escalation', e.recipients, e.afterWorkingDays, 1);
  }

  planned.sort(
    (a, b) => a.fireAt.getTime() - b.fireAt.getTime() || a.order - b.order || a.offsetWorkingDays - b.offsetWorkingDays,
  );
  // Keys are unique by validation (no repeated offset or escalation day); no merging needed.
  return planned.map(({ order: _order, ...reminder }) => reminder);
}
