/** Beijing time has no daylight saving: UTC+8 all year. */
const BEIJING_OFFSET_MS = 8 * 3_600_000;

function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return h * 60 + m;
}

/**
 * When `now` lies inside the quiet hours [start, end) (Beijing time, HH:mm; end before start spans
 * midnight), the moment they end; otherwise null. Equal start and end means no quiet hours.
 */
export function quietHoursEnd(now: Date, start: string | null, end: string | null): Date | null {
  if (!start || !end) return null;
  const s = minutesOf(start);
  const e = minutesOf(end);
  if (s === e) return null;
  const local = new Date(now.getTime() + BEIJING_OFFSET_MS);
  const minute = local.getUTCHours() * 60 + local.getUTCMinutes();
  const inside = s < e ? minute >= s && minute < e : minute >= s || minute < e;
  if (!inside) return null;
  const dayStart = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate()) - BEIJING_OFFSET_MS;
  const endsTomorrow = s > e && minute >= s;
  return new Date(dayStart + (endsTomorrow ? 86_400_000 : 0) + e * 60_000);
}
