import type { HolidayResponse } from '@luoshi/contracts';

/** Days scanned for the next working day at most: no real calendar rests longer (the server's bound too). */
const MAX_SCAN_DAYS = 366;

/** 'YYYY-MM-DD' of a local date (what a date picker hands back). */
export function localIsoDate(date: Date): string {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

function utcDate(iso: string): Date {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1));
}

export function addIsoDays(iso: string, n: number): string {
  const date = utcDate(iso);
  date.setUTCDate(date.getUTCDate() + n);
  return date.toISOString().slice(0, 10);
}

export function isIsoWeekend(iso: string): boolean {
  const day = utcDate(iso).getUTCDay();
  return day === 0 || day === 6;
}

/** The server's WorkingDayCalendar rule: Mon–Fri unless a holiday; Sat/Sun only as a make-up day. */
export function isWorkingDayIn(entries: ReadonlyMap<string, HolidayResponse>, iso: string): boolean {
  const entry = entries.get(iso);
  if (entry) return entry.kind === 'makeupWorkday';
  return !isIsoWeekend(iso);
}

/** `iso` when it is a working day, else the first working day after it. */
export function workingDayOnOrAfterIn(entries: ReadonlyMap<string, HolidayResponse>, iso: string): string {
  let day = iso;
  for (let i = 0; i < MAX_SCAN_DAYS && !isWorkingDayIn(entries, day); i++) day = addIsoDays(day, 1);
  return day;
}
