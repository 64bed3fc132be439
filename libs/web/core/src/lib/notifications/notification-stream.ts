import type { NotificationStreamEvent } from '@luoshi/contracts';

export const FEED_POLL_INTERVAL_MS = 60_000;
export const RECONNECT_BASE_MS = 1_000;
export const RECONNECT_MAX_MS = 5 * 60_000;

/** Delay before the n-th reconnect attempt (n ≥ 1): 1 s, 2 s, 4 s … capped at 5 minutes. */
export function reconnectDelay(attempt: number): number {
  return Math.min(RECONNECT_BASE_MS * 2 ** Math.max(0, attempt - 1), RECONNECT_MAX_MS);
}

/** Parses one server-sent event's data; anything unexpected is ignored. */
export function parseStreamEvent(data: unknown): NotificationStreamEvent | null {
  if (typeof data !== 'string' || data === '') return null;
  try {
    const value = JSON.parse(data) as Partial<NotificationStreamEvent>;
    if ((value.type !== 'hello' && value.type !== 'notification') || typeof value.unread !== 'number') return null;
    return value as NotificationStreamEvent;
  } catch {
    return null;
  }
}
