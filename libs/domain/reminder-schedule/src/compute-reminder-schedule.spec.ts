import { CalendarError, addDays, type IsoDate } from '@luoshi/domain/calendar';
import { computeReminderSchedule, type PlannedReminder } from './compute-reminder-schedule';
import { DEFAULT_REMINDER_RULE, type ReminderRule } from './reminder-rule';
import { ReminderScheduleError } from './reminder-schedule-error';
import { seedCalendar } from '@luoshi/domain/calendar/testing';


const calendar = seedCalendar();
const rule = DEFAULT_REMINDER_RULE;

/** An instant written in Shanghai local time, independent of the code under test. */
const sh = (date: IsoDate, time: string) => new Date(`${date}T${time}:00+08:00`);

/** Shanghai local date and 'HH:mm' of an instant, computed without the library. */
function local(at: Date): { date: IsoDate; time: string } {
  const iso = new Date(at.getTime() + 8 * 3_600_000).toISOString();
  return { date: iso.slice(0, 10), time: iso.slice(11, 16) };
}

const brief = (rs: PlannedReminder[]) => rs.map((r) => [r.key, `${local(r.fireAt).date} ${local(r.fireAt).time}`]);

describe(computeReminderSchedule.name, () => {
  it('plans every default reminder for a deadline a month away, at 09:00 Shanghai on working days', () => {
    const rs = computeReminderSchedule({ deadline: '2025-06-30', rule, calendar, now: sh('2025-06-01', '10:00') });
    expect(rs).toEqual([
      { key: 'offset:-5', fireAt: sh('2025-06-23', '09:00'), level: 'near_due', recipients: ['assignee'], offsetWorkingDays: -5 },
      { key: 'offset:-2', fireAt: sh('2025-06-26', '09:00'), level: 'near_due', recipients: ['assignee', 'lead_liaison'], offsetWorkingDays: -2 },
      { key: 'offset:0', fireAt: sh('2025-06-30', '09:00'), level: 'due', recipients: ['assignee', 'lead_liaison'], offsetWorkingDays: 0 },
      { key: 'offset:1', fireAt: sh('2025-07-01', '09:00'), level: 'overdue', recipients: ['assignee', 'lead_liaison'], offsetWorkingDays: 1 },
      { key: 'escalation:1', fireAt: sh('2025-07-01', '09:00'), level: 'escalation', recipients: ['lead_head'], offsetWorkingDays: 1 },
      { key: 'escalation:3', fireAt: sh('2025-07-03', '09:00'), level: 'escalation', recipients: ['office'], offsetWorkingDays: 3 },
      { key: 'escalation:5', fireAt: sh('2025-07-07', '09:00'), level: 'escalation', recipients: ['leader'], offsetWorkingDays: 5 },
    ]);
  });

  it('counts working days across 国庆 2025, using its make-up Sunday and Saturday', () => {
    const rs = computeReminderSchedule({ deadline: '2025-10-09', rule, calendar, now: sh('2025-09-01', '09:00') });
    expect(brief(rs)).toEqual([
      ['offset:-5', '2025-09-25 09:00'],
      ['offset:-2', '2025-09-29 09:00'],
      ['offset:0', '2025-10-09 09:00'],
      ['offset:1', '2025-10-10 09:00'],
      ['escalation:1', '2025-10-10 09:00'],
      ['escalation:3', '2025-10-13 09:00'], // 10/10, Saturday 10/11 (make-up), 10/13
      ['escalation:5', '2025-10-15 09:00'],
    ]);
  });

  it('counts working days across 春节 2026, firing on the make-up Saturday', () => {
    const rs = computeReminderSchedule({ deadline: '2026-02-24', rule, calendar, now: sh('2026-01-01', '09:00') });
    expect(brief(rs).slice(0, 3)).toEqual([
      ['offset:-5', '2026-02-10 09:00'],
      ['offset:-2', '2026-02-13 09:00'], // 2/14 Saturday (make-up) is -1
      ['offset:0', '2026-02-24 09:00'],
    ]);
    const rs2 = computeReminderSchedule({ deadline: '2026-02-13', rule, calendar, now: sh('2026-01-01', '09:00') });
    expect(brief(rs2).find(([k]) => k === 'offset:1')).toEqual(['offset:1', '2026-02-14 09:00']);
  });

  describe('a task due in N working days, computed at 10:00 on a working day', () => {
    const today = '2025-06-16'; // a Monday
    const now = sh(today, '10:00');
    it.each([0, 1, 2, 3, 4, 5, 6, 7, 10])('gets exactly the reminders still ahead when N = %i', (n) => {
      const deadline = calendar.addWorkingDays(today, n);
      const keys = computeReminderSchedule({ deadline, rule, calendar, now }).map((r) => r.key);
      const expected = [
        ...(n >= 6 ? ['offset:-5'] : []),
        ...(n >= 3 ? ['offset:-2'] : []),
        'offset:0',
        'offset:1',
        'escalation:1',
        'escalation:3',
        'escalation:5',
      ];
      expect(keys).toEqual(expected);
    });

    it('keeps the due-today reminder and fires it at once when it is already past 09:00', () => {
      const rs = computeReminderSchedule({ deadline: today, rule, calendar, now });
      expect(rs[0]).toEqual({ key: 'offset:0', fireAt: now, level: 'due', recipients: ['assignee', 'lead_liaison'], offsetWorkingDays: 0 });
    });
  });

  it('keeps a reminder due exactly now', () => {
    const rs = computeReminderSchedule({ deadline: '2025-06-30', rule, calendar, now: sh('2025-06-26', '09:00') });
    expect(rs[0].key).toBe('offset:-2');
    expect(rs[0].fireAt).toEqual(sh('2025-06-26', '09:00'));
  });

  it('drops the due-today reminder when it is already quiet hours on the due day', () => {
    const rs = computeReminderSchedule({ deadline: '2025-06-30', rule, calendar, now: sh('2025-06-30', '21:00') });
    expect(brief(rs)[0]).toEqual(['offset:1', '2025-07-01 09:00']);
    expect(rs.map((r) => r.key)).not.toContain('offset:0');
  });

  it('fires the due reminder at 09:00 as usual when computed early on the due day', () => {
    const rs = computeReminderSchedule({ deadline: '2025-06-30', rule, calendar, now: sh('2025-06-30', '07:00') });
    expect(brief(rs)[0]).toEqual(['offset:0', '2025-06-30 09:00']);
  });

  it('drops every reminder before now and keeps later escalations for an overdue task', () => {
    const rs = computeReminderSchedule({ deadline: '2025-06-30', rule, calendar, now: sh('2025-07-02', '12:00') });
    expect(brief(rs)).toEqual([
      ['escalation:3', '2025-07-03 09:00'],
      ['escalation:5', '2025-07-07 09:00'],
    ]);
    expect(computeReminderSchedule({ deadline: '2025-06-30', rule, calendar, now: sh('2025-07-08', '09:00') })).toEqual([]);
  });

  it('puts escalations only after the deadline', () => {
    const rs = computeReminderSchedule({ deadline: '2026-04-03', rule, calendar, now: sh('2026-03-01', '09:00') });
    for (const r of rs.filter((x) => x.level === 'escalation')) {
      expect(local(r.fireAt).date > '2026-04-03').toBe(true);
    }
    // 4/4–4/6 清明 off: the first day late is 4/7.
    expect(brief(rs.filter((x) => x.level === 'escalation'))).toEqual([
      ['escalation:1', '2026-04-07 09:00'],
      ['escalation:3', '2026-04-09 09:00'],
      ['escalation:5', '2026-04-13 09:00'],
    ]);
  });

  it('returns nothing for a completed subject', () => {
    expect(computeReminderSchedule({ deadline: '2025-06-30', rule, calendar, now: sh('2025-06-01', '09:00'), subjectCompleted: true })).toEqual([]);
  });

  it('for a deadline on a rest day reminds on the last working day before it, and counts lateness after it', () => {
    // Saturday 2025-10-04 is inside 国庆; the last working day before it is 9/30.
    const rs = computeReminderSchedule({ deadline: '2025-10-04', rule, calendar, now: sh('2025-09-01', '09:00') });
    expect(brief(rs)).toEqual([
      ['offset:-5', '2025-09-24 09:00'],
      ['offset:-2', '2025-09-28 09:00'], // the make-up Sunday
      ['offset:0', '2025-09-30 09:00'],
      ['offset:1', '2025-10-09 09:00'],
      ['escalation:1', '2025-10-09 09:00'],
      ['escalation:3', '2025-10-11 09:00'], // the make-up Saturday
      ['escalation:5', '2025-10-14 09:00'],
    ]);
  });

  it('is deterministic, with unique keys', () => {
    const input = { deadline: '2026-09-30', rule, calendar, now: sh('2026-08-01', '09:00') };
    const a = computeReminderSchedule(input);
    const b = computeReminderSchedule(input);
    expect(a).toEqual(b);
    expect(new Set(a.map((r) => r.key)).size).toBe(a.length);
  });

  it('gives a later set with the same keys when the deadline moves', () => {
    const now = sh('2025-06-01', '09:00');
    const before = computeReminderSchedule({ deadline: '2025-06-30', rule, calendar, now });
    const after = computeReminderSchedule({ deadline: '2025-07-15', rule, calendar, now });
    expect(after.map((r) => r.key)).toEqual(before.map((r) => r.key));
    for (let i = 0; i < before.length; i++) expect(after[i].fireAt.getTime()).toBeGreaterThan(before[i].fireAt.getTime());
  });

  it('honours a custom send time, custom levels and default levels', () => {
    const custom: ReminderRule = {
      offsets: [
        { workingDays: -3, recipients: ['assignee'] },
        { workingDays: 0, recipients: ['office'], level: 'near_due' },
        { workingDays: 2, recipients: ['assignee'] },
      ],
      escalation: [],
      sendAt: '10:30',
      quietHours: { start: '22:00', end: '07:00' },
      timeZone: 'Asia/Shanghai',
    };
    const rs = computeReminderSchedule({ deadline: '2025-06-30', rule: custom, calendar, now: sh('2025-06-01', '09:00') });
    expect(rs.map((r) => [r.key, r.level, `${local(r.fireAt).date} ${local(r.fireAt).time}`])).toEqual([
      ['offset:-3', 'near_due', '2025-06-25 10:30'],
      ['offset:0', 'near_due', '2025-06-30 10:30'],
      ['offset:2', 'overdue', '2025-07-02 10:30'],
    ]);
  });

  it('rejects an invalid rule, deadline or clock', () => {
    const badRule = { ...rule, sendAt: '25:00' } as ReminderRule;
    expect(() => computeReminderSchedule({ deadline: '2025-06-30', rule: badRule, calendar, now: new Date() })).toThrow(ReminderScheduleError);
    expect(() => computeReminderSchedule({ deadline: '2025-06-31', rule, calendar, now: sh('2025-06-01', '09:00') })).toThrow(CalendarError);
    expect(() => computeReminderSchedule({ deadline: '2025-06-30', rule, calendar, now: new Date('nope') })).toThrow(ReminderScheduleError);
  });

  describe('properties over every deadline in 2025–2026', () => {
    const deadlines: IsoDate[] = [];
    for (let d = '2025-01-01'; d <= '2026-12-31'; d = addDays(d, 1)) deadlines.push(d);

    // Violations are collected and compared once, so a failure lists every bad case at once.
    it('every reminder fires at 09:00 Shanghai on a working day, outside quiet hours, sorted, with unique keys', () => {
      const now = sh('2024-12-01', '09:00');
      const violations: string[] = [];
      for (const deadline of deadlines) {
        const rs = computeReminderSchedule({ deadline, rule, calendar, now });
        if (rs.length !== 7) violations.push(`${deadline}: ${rs.length} reminders`);
        if (new Set(rs.map((r) => r.key)).size !== rs.length) violations.push(`${deadline}: duplicate keys`);
        const dueDay = calendar.workingDayOnOrBefore(deadline);
        rs.forEach((r, i) => {
          const { date, time } = local(r.fireAt);
          const where = `${deadline} ${r.key} → ${date} ${time}`;
          if (!calendar.isWorkingDay(date)) violations.push(`${where}: not a working day`);
          if (time !== '09:00') violations.push(`${where}: not 09:00`);
          if (i > 0 && r.fireAt < rs[i - 1].fireAt) violations.push(`${where}: out of order`);
          // Before-deadline reminders are on or before it; overdue and escalation strictly after.
          const before = r.level === 'near_due' || r.level === 'due';
          if (before ? date > deadline : date <= deadline) violations.push(`${where}: wrong side of the deadline`);
          // Exactly as many working days from the deadline as the rule says.
          const base = r.offsetWorkingDays <= 0 && r.level !== 'escalation' ? dueDay : deadline;
          if (calendar.countWorkingDays(base, date) !== r.offsetWorkingDays) violations.push(`${where}: wrong distance`);
        });
      }
      expect(violations).toEqual([]);
    });

    it('never schedules anything before now or inside quiet hours, whatever time it is computed', () => {
      const times = ['00:30', '07:59', '08:00', '09:00', '09:01', '13:00', '19:59', '20:00', '23:59'];
      const violations: string[] = [];
      let checked = 0;
      for (let i = 0; i < deadlines.length; i += 2) {
        const deadline = deadlines[i];
        for (const back of [0, 1, 2, 6]) {
          const now = sh(addDays(deadline, -back), times[(i + back) % times.length]);
          for (const r of computeReminderSchedule({ deadline, rule, calendar, now })) {
            const { date, time } = local(r.fireAt);
            const where = `${deadline} now=${now.toISOString()} ${r.key} → ${date} ${time}`;
            if (r.fireAt < now) violations.push(`${where}: before now`);
            if (!calendar.isWorkingDay(date)) violations.push(`${where}: not a working day`);
            if (time < '08:00' || time >= '20:00') violations.push(`${where}: in quiet hours`);
            checked++;
          }
        }
      }
      expect(checked).toBeGreaterThan(5000);
      expect(violations).toEqual([]);
    });
  });
});
