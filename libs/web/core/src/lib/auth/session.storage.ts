import type { LoginResponse, UserResponse } from '@luoshi/contracts';

/**
 * What the browser keeps across reloads and tabs: who is signed in, never a token. The access
 * token lives in memory only; the refresh token is an HttpOnly cookie the page cannot read.
 */
export interface StoredSession {
  user: UserResponse;
}

export const SESSION_STORAGE_KEY = 'luoshi.session';

export function sessionFrom(response: Pick<LoginResponse, 'user'>): StoredSession {
  return { user: response.user };
}

function isStoredSession(value: unknown): value is StoredSession {
  if (typeof value !== 'object' || value === null) return false;
  const s = value as Partial<Record<keyof StoredSession, unknown>>;
  return typeof s.user === 'object' && s.user !== null && Array.isArray((s.user as Partial<UserResponse>).roles);
}

/** Reads a stored session; older stored sessions with tokens keep only their user. */
export function parseSession(raw: string | null): StoredSession | null {
  if (!raw) return null;
  try {
    const value: unknown = JSON.parse(raw);
    return isStoredSession(value) ? { user: value.user } : null;
  } catch {
    return null;
  }
}

export function readSession(storage: Storage | undefined): StoredSession | null {
  try {
    return parseSession(storage?.getItem(SESSION_STORAGE_KEY) ?? null);
  } catch {
    return null;
  }
}

export function writeSession(storage: Storage | undefined, session: StoredSession | null): void {
  try {
    if (session) storage?.setItem(SESSION_STORAGE_KEY, JSON.stringify({ user: session.user }));
    else storage?.removeItem(SESSION_STORAGE_KEY);
  } catch {
    // Storage may be full or disabled (private mode); the session then lives in memory only.
  }
}
