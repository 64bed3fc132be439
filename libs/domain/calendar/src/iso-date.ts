import { CalendarError } from './calendar-error';

/**
 * A calendar date in Asia/Shanghai written 'YYYY-MM-DD'. It carries no time and no zone: all
 * arithmetic below is done on UTC midnights so the host's time zone can never shift a day.
 */
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/** Day of week as JavaScript numbers it: 0 = Sunday … 6 = Saturday. */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

export interface DateParts {
  year: number;
  month: number; // 1–12
  day: number; // 1–31
}

/** True only for a real calendar date in strict 'YYYY-MM-DD' form (2025-02-29 is false). */
export function isIsoDate(s: string): boolean {
  if (typeof s !== 'string') return false;
  const m = ISO_DATE.exec(s);
  if (!m) return false;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** Splits a date into numbers; throws CalendarError('BAD_DATE') for anything but a real date. */
export function parseIsoDate(s: IsoDate): DateParts {
  if (!isIsoDate(s)) {
    throw new CalendarError('BAD_DATE', `日期格式错误：“${String(s)}”，应为 YYYY-MM-DD 格式的有效日期`);
  }
  return { year: Number(s.slice(0, 4)), month: Number(s.slice(5, 7)), day: Number(s.slice(8, 10)) };
}

/** Inverse of parseIsoDate; validates so a bad month/day never becomes a silently rolled-over date. */
export function formatIsoDate(year: number, month: number, day: number): IsoDate {
  const s = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  if (!Number.isInteger(year) || year < 0 || year > 9999 || !isIsoDate(s)) {
    throw new CalendarError('BAD_DATE', `无效日期：${year}年${month}月${day}日`);
  }
  return s;
}

export function daysInMonth(year: number, month: number): number {
  // Day 0 of the next month is the last day of this one.
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Days since 1970-01-01: an integer that makes stepping and comparing dates trivial. */
export function toDayNumber(date: IsoDate): number {
  const { year, month, day } = parseIsoDate(date);
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

export function fromDayNumber(dayNumber: number): IsoDate {
  return new Date(dayNumber * MS_PER_DAY).toISOString().slice(0, 10);
}

export function addDays(date: IsoDate, n: number): IsoDate {
  return fromDayNumber(toDayNumber(date) + n);
}

export function weekdayOf(date: IsoDate): Weekday {
  // 1970-01-01 was a Thursday (4); the double modulo keeps pre-1970 dates positive.
  return ((((toDayNumber(date) + 4) % 7) + 7) % 7) as Weekday;
}

export function isWeekend(date: IsoDate): boolean {
  const w = weekdayOf(date);
  return w === 0 || w === 6;
}

export function yearOf(date: IsoDate): number {
  return parseIsoDate(date).year;
}

export function lastDayOfMonth(year: number, month: number): IsoDate {
  return formatIsoDate(year, month, daysInMonth(year, month));
}

/** Plain string comparison is a correct date comparison for this fixed-width format. */
export function compareIsoDates(a: IsoDate, b: IsoDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
