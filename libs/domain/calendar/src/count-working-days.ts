import type { IsWorkingDay } from './add-working-days';
import { addDays, compareIsoDates, parseIsoDate, toDayNumber, type IsoDate } from './iso-date';

/**
 * Working days in the half-open interval (from, to]: `from` is excluded, `to` included, the way
 * "how many working days until the deadline" is counted (today does not count, the deadline does).
 *
 * If to < from the result is minus the count for (to, from], so for all a, b, c:
 *   count(a, a) = 0,  count(a, b) = -count(b, a),  count(a, b) + count(b, c) = count(a, c),
 * and for working days a, b: addWorkingDays(a, count(a, b)) = b.
 */
export function countWorkingDays(isWorkingDay: IsWorkingDay, from: IsoDate, to: IsoDate): number {
  parseIsoDate(from);
  parseIsoDate(to);
  const order = compareIsoDates(from, to);
  if (order === 0) return 0;
  if (order > 0) {
    const backwards = countWorkingDays(isWorkingDay, to, from);
    return backwards === 0 ? 0 : -backwards; // never -0
  }
  let count = 0;
  for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) {
    if (isWorkingDay(d)) count++;
  }
  return count;
}

/**
 * Monday–Friday dates in (from, to] for from <= to, by arithmetic: constant time whatever the span
 * (a deadline decades away must not cost a loop per day on every list).
 */
export function countWeekdays(from: IsoDate, to: IsoDate): number {
  return weekdaysUpTo(toDayNumber(to)) - weekdaysUpTo(toDayNumber(from));
}

/** Weekdays among day numbers (−∞, day] relative to a fixed Monday; only differences are used. */
function weekdaysUpTo(day: number): number {
  // Day number 4 (1970-01-05) was a Monday; shift so that weeks start on Monday at offset 0.
  const sinceMonday = day - 4;
  const weeks = Math.floor(sinceMonday / 7);
  const rest = sinceMonday - weeks * 7; // 0 = Monday … 6 = Sunday
  return weeks * 5 + Math.min(rest + 1, 5);
}
