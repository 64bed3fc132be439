import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { countWeekdays, countWorkingDays } from './count-working-days';
import { DATE_WINDOW, isDateInWindow } from './date-window';
import { addDays, type IsoDate } from './iso-date';
import { validateHolidayYear } from './validate-holiday-year';
import { WorkingDayCalendar } from './working-day-calendar';

const seeds = [2025, 2026, 2027].map((year) =>
  validateHolidayYear(JSON.parse(readFileSync(join(__dirname, '../../../../seeds/holidays', `${year}.json`), 'utf8'))),
);
const calendar = new WorkingDayCalendar(seeds);

function* pseudoRandom(count: number, seed = 7): Generator<number> {
  let s = seed;
  for (let i = 0; i < count; i++) {
    s = (s * 1103515245 + 12345) % 2147483648;
    yield s;
  }
}

describe(countWeekdays.name, () => {
  it('matches a day-by-day count over every start weekday and short spans', () => {
    for (let start = 0; start < 14; start++) {
      for (let span = 0; span < 30; span++) {
        const from = addDays('2025-06-01', start);
        const to = addDays(from, span);
        expect(countWeekdays(from, to)).toBe(countWorkingDays((d) => ![0, 6].includes(new Date(`${d}T00:00:00Z`).getUTCDay()), from, to));
      }
    }
  });
});

describe('WorkingDayCalendar.countWorkingDays (closed form)', () => {
  const slow = (from: IsoDate, to: IsoDate) => countWorkingDays((d) => calendar.isWorkingDay(d), from, to);

  it('equals the day-by-day count for random spans across the holiday years, in both directions', () => {
    const numbers = [...pseudoRandom(400)];
    for (let i = 0; i < numbers.length; i += 2) {
      const from = addDays('2024-11-01', numbers[i] % 1300);
      const to = addDays('2024-11-01', numbers[i + 1] % 1300);
      expect(calendar.countWorkingDays(from, to)).toBe(slow(from, to));
    }
  });

  it('counts the whole date window without walking it (a century is a bounded number of steps)', () => {
    let calls = 0;
    const counting = new WorkingDayCalendar(seeds);
    const original = counting.isWorkingDay.bind(counting);
    counting.isWorkingDay = (d: IsoDate) => {
      calls++;
      return original(d);
    };
    const n = counting.countWorkingDays(DATE_WINDOW.min, DATE_WINDOW.max);
    expect(n).toBe(countWorkingDays((d) => calendar.isWorkingDay(d), DATE_WINDOW.min, DATE_WINDOW.max));
    expect(calls).toBe(0);
  });
});

describe(isDateInWindow.name, () => {
  it('accepts real dates from 2000-01-01 to 2100-12-31 and nothing else', () => {
    expect(isDateInWindow('2000-01-01')).toBe(true);
    expect(isDateInWindow('2100-12-31')).toBe(true);
    expect(isDateInWindow('2026-02-28')).toBe(true);
    for (const bad of ['1999-12-31', '2101-01-01', '9999-12-31', '0000-01-01', '2026-02-29', '2026-13-01', '2026-1-1', '', 42, null, undefined]) {
      expect(isDateInWindow(bad)).toBe(false);
    }
  });
});
