import type { LoginResponse, UserResponse } from '@luoshi/contracts';

export interface StoredSession {
  accessToken: string;
  refreshToken: string;
  /** Epoch milliseconds when the access token expires. */
  expiresAt: number;
  user: UserResponse;
}

export const SESSION_STORAGE_KEY = 'luoshi.session';

export function sessionFrom(response: LoginResponse, now = Date.now()): StoredSession {
  return {
    accessToken: response.accessToken,
    refreshToken: response.refreshToken,
    expiresAt: now + response.expiresIn * 1000,
    user: response.user,
  };
}

function isStoredSession(value: unknown): value is StoredSession {
  if (typeof value !== 'object' || value === null) return false;
  const s = value as Partial<Record<keyof StoredSession, unknown>>;
  return (
    typeof s.accessToken === 'string' &&
    typeof s.refreshToken === 'string' &&
    typeof s.expiresAt === 'number' &&
    typeof s.user === 'object' &&
    s.user !== null &&
    Array.isArray((s.user as Partial<UserResponse>).roles)
  );
}

export function parseSession(raw: string | null): StoredSession | null {
  if (!raw) return null;
  try {
    const value: unknown = JSON.parse(raw);
    return isStoredSession(value) ? value : null;
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
    if (session) storage?.setItem(SESSION_STORAGE_KEY, JSON.stringify(session));
    else storage?.removeItem(SESSION_STORAGE_KEY);
  } catch {
    // Storage may be full or disabled (private mode); the session then lives in memory only.
  }
}
