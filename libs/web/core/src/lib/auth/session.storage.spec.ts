import type { LoginResponse } from '@luoshi/contracts';
import { parseSession, readSession, SESSION_STORAGE_KEY, sessionFrom, writeSession } from './session.storage';

class MemoryStorage implements Storage {
  private readonly data = new Map<string, string>();
  get length(): number {
    return this.data.size;
  }
  clear(): void {
    this.data.clear();
  }
  getItem(key: string): string | null {
    return this.data.get(key) ?? null;
  }
  key(index: number): string | null {
    return [...this.data.keys()][index] ?? null;
  }
  removeItem(key: string): void {
    this.data.delete(key);
  }
  setItem(key: string, value: string): void {
    this.data.set(key, value);
  }
}

const login: LoginResponse = {
  accessToken: 'access',
  refreshToken: 'refresh-token-refresh-token',
  expiresIn: 3600,
  user: {
    id: 'u1',
    username: 'office',
    displayName: '王主任',
    roles: ['office_admin'],
    active: true,
    department: { id: 'd1', code: 'office', name: '办公室', shortName: '办公室', kind: 'office', parentId: null, aliases: [] },
  },
};

describe('session storage', () => {
  it('stores who is signed in and never a token', () => {
    const storage = new MemoryStorage();
    const session = sessionFrom(login);
    writeSession(storage, session);
    expect(readSession(storage)).toEqual({ user: login.user });
    const raw = storage.getItem(SESSION_STORAGE_KEY) ?? '';
    expect(raw).not.toContain(login.accessToken);
    expect(raw).not.toContain(login.refreshToken);
    writeSession(storage, null);
    expect(storage.getItem(SESSION_STORAGE_KEY)).toBeNull();
  });

  it('keeps only the user of a session stored by an older version with tokens', () => {
    const old = JSON.stringify({ accessToken: 'a', refreshToken: 'r', expiresAt: 1, user: login.user });
    expect(parseSession(old)).toEqual({ user: login.user });
  });

  it('ignores malformed or foreign values', () => {
    expect(parseSession(null)).toBeNull();
    expect(parseSession('not json')).toBeNull();
    expect(parseSession('{"accessToken":"a"}')).toBeNull();
    expect(parseSession(JSON.stringify({ user: null }))).toBeNull();
  });

  it('survives a storage that throws', () => {
    const broken = new MemoryStorage();
    broken.getItem = () => {
      throw new Error('denied');
    };
    broken.setItem = () => {
      throw new Error('quota');
    };
    expect(readSession(broken)).toBeNull();
    expect(() => writeSession(broken, sessionFrom(login))).not.toThrow();
  });
});
