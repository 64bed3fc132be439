import type { IsWorkingDay } from './add-working-days';
import { addDays, compareIsoDates, parseIsoDate, type IsoDate } from './iso-date';

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

export { countWeekdays } from './count-weekdays';
