import { CalendarError } from './calendar-error';
import {
  addDays,
  compareIsoDates,
  daysInMonth,
  formatIsoDate,
  fromDayNumber,
  isIsoDate,
  isWeekend,
  lastDayOfMonth,
  parseIsoDate,
  toDayNumber,
  weekdayOf,
} from './iso-date';

describe(isIsoDate.name, () => {
  it.each(['2025-01-01', '2024-02-29', '2026-12-31', '2000-02-29'])('accepts the real date %s', (s) => {
    expect(isIsoDate(s)).toBe(true);
  });

  it.each(['2025-02-29', '1900-02-29', '2025-13-01', '2025-00-10', '2025-04-31', '2025-1-1', '2025/01/01', '20250101', '', ' 2025-01-01', '2025-01-01T00:00:00Z'])(
    'rejects %p',
    (s) => {
      expect(isIsoDate(s)).toBe(false);
    },
  );

  it('rejects values that are not strings', () => {
    expect(isIsoDate(20250101 as unknown as string)).toBe(false);
    expect(isIsoDate(undefined as unknown as string)).toBe(false);
  });
});

describe(parseIsoDate.name, () => {
  it('splits a date into numbers', () => {
    expect(parseIsoDate('2026-02-14')).toEqual({ year: 2026, month: 2, day: 14 });
  });

  it('throws a CalendarError with code BAD_DATE and a Chinese message for an impossible date', () => {
    expect(() => parseIsoDate('2025-02-30')).toThrow(CalendarError);
    try {
      parseIsoDate('2025-02-30');
    } catch (e) {
      expect((e as CalendarError).code).toBe('BAD_DATE');
      expect((e as CalendarError).message).toContain('日期格式错误');
    }
  });
});

describe(formatIsoDate.name, () => {
  it('pads month and day', () => {
    expect(formatIsoDate(2027, 3, 5)).toBe('2027-03-05');
  });

  it('refuses to roll an impossible date over into the next month', () => {
    expect(() => formatIsoDate(2025, 2, 29)).toThrow(CalendarError);
    expect(() => formatIsoDate(2025, 13, 1)).toThrow(CalendarError);
  });
});

describe('date arithmetic', () => {
  it('adds days across month, year and leap-day boundaries', () => {
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2027-02-28', 1)).toBe('2027-03-01');
    expect(addDays('2025-01-01', 365)).toBe('2026-01-01');
  });

  it('round-trips day numbers', () => {
    expect(toDayNumber('1970-01-01')).toBe(0);
    for (const d of ['1969-12-31', '2025-06-15', '2099-12-31']) {
      expect(fromDayNumber(toDayNumber(d))).toBe(d);
    }
  });

  it('knows the weekday of well-known dates', () => {
    expect(weekdayOf('1970-01-01')).toBe(4); // Thursday
    expect(weekdayOf('1969-12-28')).toBe(0); // Sunday before the epoch
    expect(weekdayOf('2025-01-01')).toBe(3); // Wednesday
    expect(weekdayOf('2026-02-14')).toBe(6); // Saturday
    expect(isWeekend('2026-02-14')).toBe(true);
    expect(isWeekend('2026-02-13')).toBe(false);
  });

  it('agrees with the JavaScript Date weekday for every day of 2024–2028', () => {
    for (let d = '2024-01-01'; d <= '2028-12-31'; d = addDays(d, 1)) {
      expect(weekdayOf(d)).toBe(new Date(`${d}T00:00:00Z`).getUTCDay());
    }
  });

  it('knows month lengths including leap years', () => {
    expect(daysInMonth(2025, 2)).toBe(28);
    expect(daysInMonth(2028, 2)).toBe(29);
    expect(daysInMonth(2100, 2)).toBe(28);
    expect(lastDayOfMonth(2027, 6)).toBe('2027-06-30');
    expect(lastDayOfMonth(2027, 12)).toBe('2027-12-31');
  });

  it('compares dates in calendar order', () => {
    expect(compareIsoDates('2025-09-30', '2025-10-01')).toBe(-1);
    expect(compareIsoDates('2025-10-01', '2025-10-01')).toBe(0);
    expect(compareIsoDates('2026-01-01', '2025-12-31')).toBe(1);
  });
});
