import {
  addWorkingDays,
  findWorkingDayOnOrAfter,
  findWorkingDayOnOrBefore,
  stepToWorkingDay,
} from './add-working-days';
import { CalendarError } from './calendar-error';
import { countWeekdays } from './count-weekdays';
import type { HolidayEntry, HolidayYear } from './holiday-types';
import { compareIsoDates, isWeekend, parseIsoDate, type IsoDate } from './iso-date';
import { validateHolidayYear } from './validate-holiday-year';

/**
 * The Chinese working-day calendar (工作日历): Monday–Friday are working days unless the State
 * Council's notice makes them holidays; Saturdays and Sundays are rest days unless the notice
 * makes them make-up working days (调休上班).
 *
 * Years with no HolidayYear are not an error: they fall back to "weekends only", because a
 * deadline two years out must still be computable. isYearKnown/unconfirmedYears let the UI say
 * such dates are provisional.
 *
 * Immutable after construction; build a new one when the office uploads a year.
 */
export class WorkingDayCalendar {
  private readonly years = new Map<number, HolidayYear>();
  private readonly entries = new Map<IsoDate, HolidayEntry>();
  /** Dates whose entry changes what the weekday rule says (a weekday holiday, a weekend make-up day), ascending. */
  private readonly exceptions: { date: IsoDate; delta: 1 | -1 }[] = [];

  constructor(years: readonly HolidayYear[]) {
    for (const raw of years) {
      const year = validateHolidayYear(raw);
      if (this.years.has(year.year)) {
        throw new CalendarError('DUPLICATE_HOLIDAY_YEAR', `${year.year} 年的节假日安排重复提供`);
      }
      this.years.set(year.year, year);
      for (const e of year.entries) this.entries.set(e.date, e);
    }
    for (const [date, entry] of this.entries) {
      const weekend = isWeekend(date);
      if (entry.kind === 'makeupWorkday' && weekend) this.exceptions.push({ date, delta: 1 });
      if (entry.kind !== 'makeupWorkday' && !weekend) this.exceptions.push({ date, delta: -1 });
    }
    this.exceptions.sort((a, b) => compareIsoDates(a.date, b.date));
  }

  /** Mon–Fri unless a holiday; Sat/Sun only if a make-up working day. */
  isWorkingDay(date: IsoDate): boolean {
    parseIsoDate(date);
    const entry = this.entries.get(date);
    if (entry) return entry.kind === 'makeupWorkday';
    return !isWeekend(date);
  }

  /** The holiday or make-up entry for a date, for showing "国庆节" next to it; undefined otherwise. */
  entryFor(date: IsoDate): HolidayEntry | undefined {
    parseIsoDate(date);
    return this.entries.get(date);
  }

  /**
   * n > 0: the n-th working day strictly after `date`; n < 0: the |n|-th strictly before.
   * n = 0: `date` if it is a working day, else the next working day.
   * Example: 2025-09-30 + 1 = 2025-10-09 (国庆 2025-10-01…08 is skipped).
   */
  addWorkingDays(date: IsoDate, n: number): IsoDate {
    return addWorkingDays((d) => this.isWorkingDay(d), parseAndReturn(date), n);
  }

  /** The first working day strictly after `date`. */
  nextWorkingDay(date: IsoDate): IsoDate {
    return stepToWorkingDay((d) => this.isWorkingDay(d), parseAndReturn(date), 1);
  }

  /** The last working day strictly before `date`. */
  previousWorkingDay(date: IsoDate): IsoDate {
    return stepToWorkingDay((d) => this.isWorkingDay(d), parseAndReturn(date), -1);
  }

  /** `date` if it is a working day, else the next one. */
  workingDayOnOrAfter(date: IsoDate): IsoDate {
    return findWorkingDayOnOrAfter((d) => this.isWorkingDay(d), parseAndReturn(date));
  }

  /** `date` if it is a working day, else the last one before it (e.g. a month-end deadline). */
  workingDayOnOrBefore(date: IsoDate): IsoDate {
    return findWorkingDayOnOrBefore((d) => this.isWorkingDay(d), parseAndReturn(date));
  }

  /**
   * Working days in (from, to] — `from` excluded, `to` included. If to < from, the result is
   * -(working days in (to, from]). Hence count(a, b) = -count(b, a) and
   * count(a, b) + count(b, c) = count(a, c); for working days a and b,
   * addWorkingDays(a, countWorkingDays(a, b)) = b.
   */
  countWorkingDays(from: IsoDate, to: IsoDate): number {
    const order = compareIsoDates(parseAndReturn(from), parseAndReturn(to));
    if (order === 0) return 0;
    if (order > 0) {
      const backwards = this.countWorkingDays(to, from);
      return backwards === 0 ? 0 : -backwards; // never -0
    }
    // Weekdays in closed form, corrected by the calendar's exceptions in the range (binary search):
    // bounded by the number of holiday entries, never by the distance between the dates.
    let count = countWeekdays(from, to);
    for (let i = this.firstExceptionAfter(from); i < this.exceptions.length; i++) {
      const exception = this.exceptions[i];
      if (!exception || exception.date > to) break;
      count += exception.delta;
    }
    return count;
  }

  /** Index of the first exception dated strictly after `date`. */
  private firstExceptionAfter(date: IsoDate): number {
    let low = 0;
    let high = this.exceptions.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if ((this.exceptions[mid]?.date ?? '') <= date) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  /** True if a HolidayYear (confirmed or not) was supplied for the year. */
  isYearKnown(year: number): boolean {
    return this.years.has(year);
  }

  /** True only if the year was supplied and marked confirmed. Unknown years are not confirmed. */
  isYearConfirmed(year: number): boolean {
    return this.years.get(year)?.confirmed === true;
  }

  /** Supplied years still marked confirmed: false, ascending. Unknown years are not listed. */
  unconfirmedYears(): number[] {
    return [...this.years.values()]
      .filter((y) => !y.confirmed)
      .map((y) => y.year)
      .sort((a, b) => a - b);
  }

  /** Every supplied year, ascending. */
  knownYears(): number[] {
    return [...this.years.keys()].sort((a, b) => a - b);
  }

  /** The supplied arrangement for a year (a copy), or undefined. */
  holidayYear(year: number): HolidayYear | undefined {
    const y = this.years.get(year);
    return y ? { ...y, entries: y.entries.map((e) => ({ ...e })) } : undefined;
  }
}

function parseAndReturn(date: IsoDate): IsoDate {
  parseIsoDate(date);
  return date;
}
