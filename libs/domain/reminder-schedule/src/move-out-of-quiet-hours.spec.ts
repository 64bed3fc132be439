import { moveOutOfQuietHours } from './move-out-of-quiet-hours';
import { DEFAULT_REMINDER_RULE, type ReminderRule } from './reminder-rule';
import { ReminderScheduleError } from './reminder-schedule-error';
import { seedCalendar } from '@luoshi/domain/calendar/testing';


const calendar = seedCalendar([2025, 2026]);
const rule = DEFAULT_REMINDER_RULE;
const sh = (date: string, time: string) => new Date(`${date}T${time}:00+08:00`);

describe(moveOutOfQuietHours.name, () => {
  it.each([
    ['a working afternoon', '2025-06-11', '15:10'],
    ['just before quiet hours start', '2025-06-11', '19:59'],
    ['the moment quiet hours end', '2025-06-11', '08:00'],
    ['a make-up Saturday', '2026-02-14', '11:00'],
  ])('leaves %s unchanged', (_label, date, time) => {
    const at = sh(date, time);
    const moved = moveOutOfQuietHours(at, rule, calendar);
    expect(moved).toEqual(at);
    expect(moved).not.toBe(at);
  });

  it.each([
    ['an early working-day morning to 09:00 the same day', '2025-06-11', '07:00', sh('2025-06-11', '09:00')],
    ['just after midnight to 09:00 the same day', '2025-06-11', '00:30', sh('2025-06-11', '09:00')],
    ['the start of quiet hours to 09:00 the next working day', '2025-06-11', '20:00', sh('2025-06-12', '09:00')],
    ['a late evening to 09:00 the next working day', '2025-06-10', '23:30', sh('2025-06-11', '09:00')],
    ['a Friday evening to Monday', '2025-06-13', '21:00', sh('2025-06-16', '09:00')],
    ['a Saturday to Monday', '2025-06-14', '10:00', sh('2025-06-16', '09:00')],
    ['the eve of 国庆 past the holiday', '2025-09-30', '22:00', sh('2025-10-09', '09:00')],
    ['a holiday morning past the holiday', '2025-10-08', '07:00', sh('2025-10-09', '09:00')],
    ['a holiday afternoon past the holiday', '2025-10-03', '15:00', sh('2025-10-09', '09:00')],
    ['the eve of 春节 2026 onto the make-up Saturday', '2026-02-13', '21:00', sh('2026-02-14', '09:00')],
    ['a make-up Saturday evening past 春节', '2026-02-14', '20:30', sh('2026-02-24', '09:00')],
    ['New Year’s Eve 2025 onto the make-up Sunday', '2025-12-31', '20:00', sh('2026-01-04', '09:00')],
  ])('moves %s', (_label, date, time, expected) => {
    expect(moveOutOfQuietHours(sh(date, time), rule, calendar)).toEqual(expected);
  });

  it('moves to the rule’s send time, not the bare end of quiet hours', () => {
    const late: ReminderRule = { ...rule, sendAt: '10:15' };
    expect(moveOutOfQuietHours(sh('2025-06-11', '06:00'), late, calendar)).toEqual(sh('2025-06-11', '10:15'));
    expect(moveOutOfQuietHours(sh('2025-06-11', '21:00'), late, calendar)).toEqual(sh('2025-06-12', '10:15'));
  });

  it('handles a quiet window that does not cross midnight by moving to the next working day at the send time', () => {
    const lunch: ReminderRule = { ...rule, quietHours: { start: '12:00', end: '13:30' } };
    expect(moveOutOfQuietHours(sh('2025-06-11', '12:30'), lunch, calendar)).toEqual(sh('2025-06-12', '09:00'));
    expect(moveOutOfQuietHours(sh('2025-06-11', '13:30'), lunch, calendar)).toEqual(sh('2025-06-11', '13:30'));
    expect(moveOutOfQuietHours(sh('2025-06-11', '22:00'), lunch, calendar)).toEqual(sh('2025-06-11', '22:00'));
  });

  it('rejects an invalid instant or rule', () => {
    expect(() => moveOutOfQuietHours(new Date('x'), rule, calendar)).toThrow(ReminderScheduleError);
    expect(() => moveOutOfQuietHours(sh('2025-06-11', '07:00'), { ...rule, sendAt: '07:00' }, calendar)).toThrow(ReminderScheduleError);
  });
});
