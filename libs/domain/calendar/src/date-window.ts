import { isIsoDate, type IsoDate } from './iso-date';

/**
 * The dates Luoshi accepts anywhere (deadlines, extensions, plan dates, calendar, filters): a plan
 * runs within this century. Far dates are typing mistakes or probes; refusing them keeps every
 * date computation (working days, reminders, periods) bounded.
 */
export const DATE_WINDOW = { min: '2000-01-01', max: '2100-12-31', minYear: 2000, maxYear: 2100 } as const;

/** A real 'YYYY-MM-DD' date within DATE_WINDOW. */
export function isDateInWindow(value: unknown): value is IsoDate {
  return typeof value === 'string' && isIsoDate(value) && value >= DATE_WINDOW.min && value <= DATE_WINDOW.max;
}
