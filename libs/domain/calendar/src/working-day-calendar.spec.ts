import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CalendarError } from './calendar-error';
import type { HolidayYear } from './holiday-types';
import { addDays, isWeekend, type IsoDate } from './iso-date';
import { validateHolidayYear } from './validate-holiday-year';
import { WorkingDayCalendar } from './working-day-calendar';

/** The shipped seed file for a year (read from disk: test code only, the library does no I/O). */
const loadSeed = (year: number): unknown =>
  JSON.parse(readFileSync(join(__dirname, '../../../../seeds/holidays', `${year}.json`), 'utf8'));
const seed2025 = loadSeed(2025);
const seed2026 = loadSeed(2026);
const seed2027 = loadSeed(2027);

const y2025 = validateHolidayYear(seed2025);
const y2026 = validateHolidayYear(seed2026);
const y2027 = validateHolidayYear(seed2027);
const calendar = new WorkingDayCalendar([y2025, y2026, y2027]);

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(CalendarError);
    return (e as CalendarError).code;
  }
  return undefined;
}

/** A small deterministic generator so "property" loops are reproducible. */
function* pseudoRandomDates(count: number, from: IsoDate, spanDays: number, seed = 42): Generator<IsoDate> {
  let s = seed;
  for (let i = 0; i < count; i++) {
    s = (s * 1103515245 + 12345) % 2147483648;
    yield addDays(from, s % spanDays);
  }
}

describe(WorkingDayCalendar.name, () => {
  describe('isWorkingDay', () => {
    it.each([...y2025.entries, ...y2026.entries].filter((e) => e.kind === 'holiday').map((e) => [e.date, e.name]))(
      'treats %s (%s) as a day off',
      (date) => {
        expect(calendar.isWorkingDay(date)).toBe(false);
      },
    );

    it.each([...y2025.entries, ...y2026.entries].filter((e) => e.kind === 'makeupWorkday').map((e) => [e.date, e.name]))(
      'treats the weekend day %s (%s) as a working day',
      (date) => {
        expect(isWeekend(date)).toBe(true);
        expect(calendar.isWorkingDay(date)).toBe(true);
      },
    );

    it('treats an ordinary weekday as a working day and an ordinary weekend as a rest day', () => {
      expect(calendar.isWorkingDay('2025-06-11')).toBe(true); // Wednesday
      expect(calendar.isWorkingDay('2025-06-14')).toBe(false); // Saturday
      expect(calendar.isWorkingDay('2025-06-15')).toBe(false); // Sunday
    });

    it('agrees with "weekday, not a holiday, or a make-up day" for every day of 2025 and 2026', () => {
      const kinds = new Map([...y2025.entries, ...y2026.entries].map((e) => [e.date, e.kind]));
      for (let d = '2025-01-01'; d <= '2026-12-31'; d = addDays(d, 1)) {
        const kind = kinds.get(d);
        const expected = kind === 'makeupWorkday' || (kind === undefined && !isWeekend(d));
        expect([d, calendar.isWorkingDay(d)]).toEqual([d, expected]);
      }
    });

    it('rejects a malformed date with BAD_DATE', () => {
      expect(codeOf(() => calendar.isWorkingDay('2025-02-30'))).toBe('BAD_DATE');
      expect(codeOf(() => calendar.isWorkingDay('2025/10/01'))).toBe('BAD_DATE');
    });
  });

  describe('addWorkingDays', () => {
    it('skips the whole 国庆 2025 holiday: 2025-09-30 + 1 is 2025-10-09', () => {
      expect(calendar.addWorkingDays('2025-09-30', 1)).toBe('2025-10-09');
      expect(calendar.addWorkingDays('2025-09-30', 2)).toBe('2025-10-10');
      expect(calendar.addWorkingDays('2025-09-30', 3)).toBe('2025-10-11'); // Saturday make-up day
      expect(calendar.addWorkingDays('2025-09-30', 4)).toBe('2025-10-13');
    });

    it('lands on the Sunday make-up day before 国庆 2025', () => {
      expect(calendar.addWorkingDays('2025-09-26', 1)).toBe('2025-09-28');
      expect(calendar.addWorkingDays('2025-09-26', 2)).toBe('2025-09-29');
    });

    it('uses the make-up Saturdays around 春节 2026', () => {
      expect(calendar.addWorkingDays('2026-02-13', 1)).toBe('2026-02-14');
      expect(calendar.addWorkingDays('2026-02-14', 1)).toBe('2026-02-24');
      expect(calendar.addWorkingDays('2026-02-13', 2)).toBe('2026-02-24');
      expect(calendar.addWorkingDays('2026-02-27', 1)).toBe('2026-02-28');
      expect(calendar.addWorkingDays('2026-02-28', 1)).toBe('2026-03-02');
    });

    it('counts backwards for negative n', () => {
      expect(calendar.addWorkingDays('2025-10-09', -1)).toBe('2025-09-30');
      expect(calendar.addWorkingDays('2026-02-24', -1)).toBe('2026-02-14');
      expect(calendar.addWorkingDays('2026-02-24', -2)).toBe('2026-02-13');
      expect(calendar.addWorkingDays('2025-10-13', -4)).toBe('2025-09-30');
    });

    it('starts counting from a rest day as if from the rest day itself (Saturday + 1 is Monday)', () => {
      expect(calendar.addWorkingDays('2025-06-14', 1)).toBe('2025-06-16');
      expect(calendar.addWorkingDays('2025-06-14', -1)).toBe('2025-06-13');
      expect(calendar.addWorkingDays('2025-10-04', 1)).toBe('2025-10-09');
      expect(calendar.addWorkingDays('2025-10-04', -1)).toBe('2025-09-30');
    });

    it('returns the date itself for n = 0 on a working day and the next working day otherwise', () => {
      expect(calendar.addWorkingDays('2025-09-30', 0)).toBe('2025-09-30');
      expect(calendar.addWorkingDays('2026-02-14', 0)).toBe('2026-02-14');
      expect(calendar.addWorkingDays('2025-10-01', 0)).toBe('2025-10-09');
      expect(calendar.addWorkingDays('2025-06-14', 0)).toBe('2025-06-16');
    });

    it('crosses year boundaries, including the 2026 New Year make-up Sunday', () => {
      expect(calendar.addWorkingDays('2025-12-31', 1)).toBe('2026-01-04');
      expect(calendar.addWorkingDays('2025-12-31', 2)).toBe('2026-01-05');
      expect(calendar.addWorkingDays('2026-01-04', -1)).toBe('2025-12-31');
      expect(calendar.addWorkingDays('2024-12-31', 1)).toBe('2025-01-02');
      expect(calendar.addWorkingDays('2025-01-02', -1)).toBe('2024-12-31');
      expect(calendar.addWorkingDays('2026-12-31', 1)).toBe('2027-01-04'); // 2027-01-01 is a holiday
    });

    it('is undone by adding the opposite number from a working day', () => {
      for (const start of pseudoRandomDates(200, '2025-01-01', 730)) {
        const d = calendar.workingDayOnOrAfter(start);
        for (const n of [1, 3, 7, 20]) {
          expect(calendar.addWorkingDays(calendar.addWorkingDays(d, n), -n)).toBe(d);
        }
      }
    });

    it('rejects a fractional n', () => {
      expect(codeOf(() => calendar.addWorkingDays('2025-06-11', 1.5))).toBe('BAD_WORKING_DAYS');
      expect(codeOf(() => calendar.addWorkingDays('2025-06-11', Number.NaN))).toBe('BAD_WORKING_DAYS');
    });
  });

  describe('nextWorkingDay, previousWorkingDay, workingDayOnOrAfter and workingDayOnOrBefore', () => {
    it('nextWorkingDay is strictly after the date', () => {
      expect(calendar.nextWorkingDay('2025-09-29')).toBe('2025-09-30');
      expect(calendar.nextWorkingDay('2025-09-30')).toBe('2025-10-09');
      expect(calendar.nextWorkingDay('2026-02-13')).toBe('2026-02-14');
    });

    it('previousWorkingDay is strictly before the date', () => {
      expect(calendar.previousWorkingDay('2025-10-09')).toBe('2025-09-30');
      expect(calendar.previousWorkingDay('2026-02-24')).toBe('2026-02-14');
    });

    it('workingDayOnOrAfter keeps a working day and moves a rest day forward', () => {
      expect(calendar.workingDayOnOrAfter('2025-09-30')).toBe('2025-09-30');
      expect(calendar.workingDayOnOrAfter('2025-10-01')).toBe('2025-10-09');
      expect(calendar.workingDayOnOrAfter('2025-09-28')).toBe('2025-09-28');
    });

    it('workingDayOnOrBefore keeps a working day and moves a rest day back', () => {
      expect(calendar.workingDayOnOrBefore('2025-10-08')).toBe('2025-09-30');
      expect(calendar.workingDayOnOrBefore('2025-10-11')).toBe('2025-10-11');
      expect(calendar.workingDayOnOrBefore('2026-01-03')).toBe('2025-12-31');
    });
  });

  describe('countWorkingDays', () => {
    it('counts working days in (from, to]: the start is excluded and the end included', () => {
      expect(calendar.countWorkingDays('2025-06-09', '2025-06-13')).toBe(4); // Mon → Fri
      expect(calendar.countWorkingDays('2025-06-08', '2025-06-13')).toBe(5); // Sun → Fri
      expect(calendar.countWorkingDays('2025-06-13', '2025-06-15')).toBe(0); // Fri → Sun
    });

    it('returns 0 for the same date', () => {
      expect(calendar.countWorkingDays('2025-10-01', '2025-10-01')).toBe(0);
      expect(calendar.countWorkingDays('2025-09-30', '2025-09-30')).toBe(0);
    });

    it('skips holidays and counts make-up days across 国庆 2025 and 春节 2026', () => {
      expect(calendar.countWorkingDays('2025-09-30', '2025-10-09')).toBe(1);
      expect(calendar.countWorkingDays('2025-09-26', '2025-10-09')).toBe(4); // 9/28 Sun, 9/29, 9/30, 10/9
      expect(calendar.countWorkingDays('2026-02-13', '2026-02-24')).toBe(2); // 2/14 Sat, 2/24
      expect(calendar.countWorkingDays('2026-02-13', '2026-02-28')).toBe(6); // 2/14, 24, 25, 26, 27, 28
    });

    it('is negative when to is before from: minus the working days in (to, from]', () => {
      expect(calendar.countWorkingDays('2025-10-09', '2025-09-30')).toBe(-1);
      expect(calendar.countWorkingDays('2025-06-13', '2025-06-09')).toBe(-4);
      expect(calendar.countWorkingDays('2025-06-15', '2025-06-13')).toBe(0);
    });

    it('is antisymmetric: count(a, b) = -count(b, a)', () => {
      const ds = [...pseudoRandomDates(60, '2024-11-01', 820, 7)];
      for (let i = 0; i + 1 < ds.length; i++) {
        expect(calendar.countWorkingDays(ds[i], ds[i + 1])).toBe(-calendar.countWorkingDays(ds[i + 1], ds[i]));
      }
    });

    it('is additive: count(a, b) + count(b, c) = count(a, c) in any order', () => {
      const ds = [...pseudoRandomDates(90, '2024-11-01', 820, 11)];
      for (let i = 0; i + 2 < ds.length; i += 3) {
        const [a, b, c] = [ds[i], ds[i + 1], ds[i + 2]];
        expect(calendar.countWorkingDays(a, b) + calendar.countWorkingDays(b, c)).toBe(calendar.countWorkingDays(a, c));
      }
    });

    it('inverts addWorkingDays between working days', () => {
      for (const start of pseudoRandomDates(100, '2025-01-01', 700, 3)) {
        const a = calendar.workingDayOnOrAfter(start);
        for (const n of [-15, -4, -1, 1, 2, 9, 30]) {
          const b = calendar.addWorkingDays(a, n);
          expect(calendar.countWorkingDays(a, b)).toBe(n);
        }
      }
    });

    it('counts across the year boundary', () => {
      expect(calendar.countWorkingDays('2025-12-30', '2026-01-05')).toBe(3); // 12/31, 1/4 Sun make-up, 1/5
      expect(calendar.countWorkingDays('2026-01-05', '2025-12-30')).toBe(-3);
    });
  });

  describe('unknown and unconfirmed years', () => {
    it('falls back to weekends only for a year with no data', () => {
      expect(calendar.isYearKnown(2030)).toBe(false);
      expect(calendar.isWorkingDay('2030-01-01')).toBe(true); // a Tuesday; New Year unknown
      expect(calendar.isWorkingDay('2030-01-05')).toBe(false); // Saturday
      expect(calendar.addWorkingDays('2030-01-04', 1)).toBe('2030-01-07');
      expect(calendar.countWorkingDays('2029-12-31', '2030-12-31')).toBe(261);
    });

    it('reports which years are known and confirmed', () => {
      expect(calendar.isYearKnown(2025)).toBe(true);
      expect(calendar.isYearKnown(2027)).toBe(true);
      expect(calendar.isYearKnown(2024)).toBe(false);
      expect(calendar.isYearConfirmed(2025)).toBe(true);
      expect(calendar.isYearConfirmed(2027)).toBe(false);
      expect(calendar.isYearConfirmed(2030)).toBe(false);
      expect(calendar.unconfirmedYears()).toEqual([2027]);
      expect(calendar.knownYears()).toEqual([2025, 2026, 2027]);
    });

    it('works with no years at all', () => {
      const bare = new WorkingDayCalendar([]);
      expect(bare.isWorkingDay('2025-10-01')).toBe(true);
      expect(bare.unconfirmedYears()).toEqual([]);
      expect(bare.addWorkingDays('2025-09-30', 1)).toBe('2025-10-01');
    });

    it('uses the unconfirmed 2027 statutory days until the office confirms the year', () => {
      expect(calendar.isWorkingDay('2027-02-05')).toBe(false);
      expect(calendar.addWorkingDays('2027-02-04', 1)).toBe('2027-02-09');
    });
  });

  describe('entries and construction', () => {
    it('names the holiday or make-up day of a date', () => {
      expect(calendar.entryFor('2025-10-06')).toEqual({ date: '2025-10-06', kind: 'holiday', name: '国庆节、中秋节' });
      expect(calendar.entryFor('2026-02-14')?.kind).toBe('makeupWorkday');
      expect(calendar.entryFor('2025-06-11')).toBeUndefined();
    });

    it('returns a copy of a year so callers cannot change the calendar', () => {
      const copy = calendar.holidayYear(2025) as HolidayYear;
      copy.entries.length = 0;
      expect(calendar.holidayYear(2025)?.entries.length).toBe(y2025.entries.length);
      expect(calendar.holidayYear(2031)).toBeUndefined();
    });

    it('rejects the same year twice', () => {
      expect(codeOf(() => new WorkingDayCalendar([y2025, y2025]))).toBe('DUPLICATE_HOLIDAY_YEAR');
    });

    it('rejects bad entries, listing every problem in Chinese', () => {
      const bad = {
        year: 2028,
        confirmed: true,
        source: 'test',
        entries: [
          { date: '2028-01-03', kind: 'makeupWorkday', name: '周一补班' }, // a Monday
          { date: '2027-12-31', kind: 'holiday', name: '错年' },
          { date: '2028-02-30', kind: 'holiday', name: '无效日期' },
          { date: '2028-05-01', kind: 'vacation', name: '未知类型' },
          { date: '2028-05-02', kind: 'holiday', name: '' },
          { date: '2028-05-03', kind: 'holiday', name: '劳动节' },
          { date: '2028-05-03', kind: 'holiday', name: '劳动节' },
        ],
      } as unknown as HolidayYear;
      try {
        new WorkingDayCalendar([bad]);
        throw new Error('expected a CalendarError');
      } catch (e) {
        const err = e as CalendarError;
        expect(err.code).toBe('BAD_HOLIDAY_YEAR');
        expect(err.details).toHaveLength(6);
        expect(err.message).toContain('不是周六或周日');
        expect(err.message).toContain('不属于 2028 年');
        expect(err.message).toContain('日期格式错误');
        expect(err.message).toContain('类型错误');
        expect(err.message).toContain('名称不能为空');
        expect(err.message).toContain('重复出现');
      }
    });

    it('rejects a year object with missing fields', () => {
      expect(codeOf(() => validateHolidayYear({ year: 2028 }))).toBe('BAD_HOLIDAY_YEAR');
      expect(codeOf(() => validateHolidayYear(null))).toBe('BAD_HOLIDAY_YEAR');
      expect(codeOf(() => validateHolidayYear({ year: 20.5, confirmed: 'yes', source: '', entries: [] }))).toBe('BAD_HOLIDAY_YEAR');
    });

    it('stops with NO_WORKING_DAY instead of looping forever on absurd data', () => {
      const wholeYearOff = (year: number) => {
        const entries = [];
        for (let d = `${year}-01-01`; d <= `${year}-12-31`; d = addDays(d, 1)) entries.push({ date: d, kind: 'holiday' as const, name: '假' });
        return { year, confirmed: false, source: 'test', entries };
      };
      // One year off is still searchable (the scan limit is a little over a year)…
      const oneYear = new WorkingDayCalendar([wholeYearOff(2029)]);
      expect(oneYear.addWorkingDays('2029-01-01', 1)).toBe('2030-01-01');
      expect(oneYear.addWorkingDays('2029-12-31', 1)).toBe('2030-01-01');
      // …two are not.
      const twoYears = new WorkingDayCalendar([wholeYearOff(2028), wholeYearOff(2029)]);
      expect(codeOf(() => twoYears.addWorkingDays('2028-06-01', 1))).toBe('NO_WORKING_DAY');
    });
  });
});
