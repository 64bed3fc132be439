import { WorkflowError } from './workflow.error';

/** A calendar date, `YYYY-MM-DD`. Plain string so it survives JSON unchanged. */
export type IsoDate = string;

/**
 * Offset used to turn an instant into a calendar date. The whole province runs on Beijing time
 * (UTC+8, no daylight saving), so a fixed offset is exact and keeps this library free of Intl/TZ data.
 */
export const WORKFLOW_UTC_OFFSET_MINUTES = 8 * 60;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const HAS_ZONE = /(Z|[+-]\d{2}:?\d{2})$/i;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Days since 1970-01-01 for a valid IsoDate; throws INVALID_DATE otherwise. */
export function isoDateToDayNumber(date: IsoDate): number {
  const m = ISO_DATE.exec(date);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const ms = Date.UTC(y, mo - 1, d);
    const back = new Date(ms);
    // Date.UTC silently rolls 2025-02-30 over to March; reject that instead.
    if (back.getUTCFullYear() === y && back.getUTCMonth() === mo - 1 && back.getUTCDate() === d) {
      return Math.round(ms / DAY_MS);
    }
  }
  throw new WorkflowError('INVALID_DATE', `日期格式无效：“${date}”，应为 YYYY-MM-DD`, `Invalid date "${date}", expected YYYY-MM-DD`, {
    value: date,
  });
}

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export function calendarDaysBetween(from: IsoDate, to: IsoDate): number {
  return isoDateToDayNumber(to) - isoDateToDayNumber(from);
}

/**
 * The Beijing calendar date of an instant. Accepts an IsoDate (returned as is), an ISO timestamp
 * with a zone (converted to UTC+8) or a zone-less local timestamp (its date part is taken).
 */
export function dateOfInstant(at: string): IsoDate {
  if (ISO_DATE.test(at)) {
    isoDateToDayNumber(at);
    return at;
  }
  if (HAS_ZONE.test(at)) {
    const ms = Date.parse(at);
    if (!Number.isNaN(ms)) {
      return new Date(ms + WORKFLOW_UTC_OFFSET_MINUTES * 60 * 1000).toISOString().slice(0, 10);
    }
  } else {
    const datePart = at.slice(0, 10);
    if (ISO_DATE.test(datePart) && !Number.isNaN(Date.parse(`${at}Z`))) {
      isoDateToDayNumber(datePart);
      return datePart;
    }
  }
  throw new WorkflowError('INVALID_DATE', `时间格式无效：“${at}”`, `Invalid timestamp "${at}"`, { value: at });
}
