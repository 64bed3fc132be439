import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { countWeekdays } from './count-weekdays';
import { countWorkingDays } from './count-working-days';
import { addDays, isWeekend } from './iso-date';
import { validateHolidayYear } from './validate-holiday-year';
import { WorkingDayCalendar } from './working-day-calendar';

const seed = (year: number) =>
  validateHolidayYear(JSON.parse(readFileSync(join(__dirname, '../../../../seeds/holidays', `${year}.json`), 'utf8')));
const calendar = new WorkingDayCalendar([seed(2025), seed(2026), seed(2027)]);

describe(countWeekdays.name, () => {
  it('counts Monday–Friday in (from, to]', () => {
    expect(countWeekdays('2025-06-09', '2025-06-13')).toBe(4); // Mon → Fri
    expect(countWeekdays('2025-06-08', '2025-06-13')).toBe(5); // Sun → Fri
    expect(countWeekdays('2025-06-13', '2025-06-15')).toBe(0); // Fri → Sun
    expect(countWeekdays('2025-06-13', '2025-06-09')).toBe(-4);
    expect(countWeekdays('2025-06-13', '2025-06-13')).toBe(0);
    expect(Object.is(countWeekdays('2025-06-14', '2025-06-15'), 0)).toBe(true); // never -0
  });

  it('agrees with walking the days for every pair of start and length over two years, before and after 1970', () => {
    for (const origin of ['1969-12-25', '2025-01-01']) {
      for (let start = 0; start < 14; start++) {
        const from = addDays(origin, start);
        for (let length = -30; length <= 730; length += 7 + (length % 3)) {
          const to = addDays(from, length);
          expect([from, to, countWeekdays(from, to)]).toEqual([from, to, countWorkingDays((d) => !isWeekend(d), from, to)]);
        }
      }
    }
  });

  it('counts a thousand years at once (no day-by-day loop), consistently when the range is split', () => {
    const n = countWeekdays('2000-01-01', '2999-12-31');
    expect(n).toBe(countWeekdays('2000-01-01', '2499-12-31') + countWeekdays('2499-12-31', '2999-12-31'));
    expect(Math.abs(n - (365_242 * 5) / 7)).toBeLessThan(3);
  });
});

describe('WorkingDayCalendar.countWorkingDays (closed form with holiday exceptions)', () => {
  it('agrees with walking the days across 春节, 国庆 and their 调休 make-up days', () => {
    const walk = (from: string, to: string) => countWorkingDays((d) => calendar.isWorkingDay(d), from, to);
    for (let start = 0; start < 1100; start += 5) {
      const from = addDays('2024-12-20', start);
      for (const length of [-40, -9, -1, 0, 1, 3, 8, 17, 45, 120, 400]) {
        const to = addDays(from, length);
        expect([from, to, calendar.countWorkingDays(from, to)]).toEqual([from, to, walk(from, to)]);
      }
    }
  });

  it('skips the 2025 国庆 holiday and counts its Saturday make-up day', () => {
    expect(calendar.countWorkingDays('2025-09-30', '2025-10-09')).toBe(1);
    expect(calendar.countWorkingDays('2025-09-26', '2025-09-28')).toBe(1); // Sun 09-28 is 调休上班
  });

  it('answers for a deadline a thousand years away', () => {
    expect(calendar.countWorkingDays('2026-01-01', '2999-12-31')).toBeGreaterThan(250_000);
  });
});
