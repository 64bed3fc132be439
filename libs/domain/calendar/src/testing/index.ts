import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateHolidayYear } from '../validate-holiday-year';
import { WorkingDayCalendar } from '../working-day-calendar';

/** The shipped seed file for a year (read from disk: test code only, the library itself does no I/O). */
export const loadHolidaySeed = (year: number): unknown =>
  JSON.parse(readFileSync(join(__dirname, '../../../../../seeds/holidays', `${year}.json`), 'utf8'));

/** The working-day calendar of the shipped seed years (2025–2027), for specs. */
export const seedCalendar = (years: readonly number[] = [2025, 2026, 2027]): WorkingDayCalendar =>
  new WorkingDayCalendar(years.map((y) => validateHolidayYear(loadHolidaySeed(y))));
