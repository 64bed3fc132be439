import { formatIsoDate, parseIsoDate, type IsoDate } from '@luoshi/domain/calendar';

/**
 * Asia/Shanghai has had no daylight saving time since 1991, so local time is always UTC+08:00.
 * A constant offset keeps this library free of Intl/tz data and independent of the host's zone.
 */
export const SHANGHAI_OFFSET_MINUTES = 8 * 60;
const MS_PER_MINUTE = 60_000;

export interface LocalMoment {
  date: IsoDate;
  /** Minutes since local midnight, 0–1439. */
  minutes: number;
}

/** The Shanghai calendar date and time of day of an instant. */
export function toShanghaiLocal(at: Date): LocalMoment {
  const shifted = new Date(at.getTime() + SHANGHAI_OFFSET_MINUTES * MS_PER_MINUTE);
  return {
    date: formatIsoDate(shifted.getUTCFullYear(), shifted.getUTCMonth() + 1, shifted.getUTCDate()),
    minutes: shifted.getUTCHours() * 60 + shifted.getUTCMinutes(),
  };
}

/** The instant at which it is `minutes` past midnight on `date` in Shanghai. */
export function fromShanghaiLocal(date: IsoDate, minutes: number): Date {
  const { year, month, day } = parseIsoDate(date);
  return new Date(Date.UTC(year, month - 1, day) + (minutes - SHANGHAI_OFFSET_MINUTES) * MS_PER_MINUTE);
}

const TIME_OF_DAY = /^([01]\d|2[0-3]):([0-5]\d)$/;

export function isTimeOfDay(s: unknown): s is string {
  return typeof s === 'string' && TIME_OF_DAY.test(s);
}

/** 'HH:mm' → minutes since midnight; the caller has validated the string. */
export function parseTimeOfDay(s: string): number {
  const m = TIME_OF_DAY.exec(s);
  if (!m) throw new Error(`Invalid time of day: ${s}`);
  return Number(m[1]) * 60 + Number(m[2]);
}

/** Start inclusive, end exclusive; a window whose start is after its end wraps midnight. */
export function isInQuietHours(minutes: number, quiet: { start: string; end: string }): boolean {
  const start = parseTimeOfDay(quiet.start);
  const end = parseTimeOfDay(quiet.end);
  return start < end ? minutes >= start && minutes < end : minutes >= start || minutes < end;
}
