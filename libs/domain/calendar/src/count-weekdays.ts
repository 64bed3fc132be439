import { parseIsoDate, toDayNumber, type IsoDate } from './iso-date';

/** Monday–Friday among day numbers 1..n after a Thursday-aligned origin, in closed form. */
function weekdaysUpTo(dayNumber: number): number {
  // Day numbers count from 1970-01-01 (a Thursday). Shift so that day 0 is a Monday (1970-01-05 = 4).
  const shifted = dayNumber - 4;
  const weeks = Math.floor(shifted / 7);
  const rest = shifted - weeks * 7; // 0 = Monday … 6 = Sunday
  return weeks * 5 + Math.min(rest + 1, 5);
}

/**
 * Weekdays (Monday–Friday) in (from, to], without walking the days: constant time whatever the
 * distance. Negative when to < from, like countWorkingDays.
 */
export function countWeekdays(from: IsoDate, to: IsoDate): number {
  parseIsoDate(from);
  parseIsoDate(to);
  const diff = weekdaysUpTo(toDayNumber(to)) - weekdaysUpTo(toDayNumber(from));
  return diff === 0 ? 0 : diff;
}
