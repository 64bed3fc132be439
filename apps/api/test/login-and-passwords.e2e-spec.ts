import { useTestApp } from './test-app';

/** Issue 12 rows 9 and 10: lockout slows the attacker, not the owner; passwords follow a policy. */
describe('Login back-off and password policy', () => {
  const t = useTestApp();

  const createUser = (username: string, password: string) =>
    t.login('office').then((office) =>
      t.http().post('/api/users').set('Authorization', office).send({ username, displayName: username, password, departmentCode: 'czt', roles: ['viewer'] }),
    );
  const login = (username: string, password: string, ip: string) =>
    t.http().post('/api/auth/login').set('X-Forwarded-For', ip).send({ username, password });

  it('blocks the attacking address with a Retry-After, while the owner signs in from another address', async () => {
    const password = 'Owner#Secure2026';
    await createUser('backoff.owner', password).then((r) => expect(r.status).toBe(201));
    const attacker = '203.0.113.7';
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await login('backoff.owner', `guess-${i}-wrong`, attacker)).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    const refused = await login('backoff.owner', password, attacker);
    expect([refused.status, refused.body.code]).toEqual([429, 'LOGIN_THROTTLED']);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(60);
    expect(refused.body.details.retryAfterSeconds).toBe(Number(refused.headers['retry-after']));
    // The owner, elsewhere, is not locked out.
    const owner = await login('backoff.owner', password, '198.51.100.20');
    expect(owner.status).toBe(200);
  });

  it('limits failures per address across accounts (password spraying) with a Retry-After', async () => {
    const ip = '203.0.113.9';
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++) statuses.push((await login(`nobody.${i}`, 'Spray#Guess2026', ip)).status);
    expect(statuses.slice(0, 30).every((s) => s === 401)).toBe(true);
    expect(statuses[30]).toBe(429);
    const next = await login('viewer', 'whatever-password', ip);
    expect(next.status).toBe(429);
    expect(Number(next.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('refuses short and common passwords, on creation and on reset, naming the reason', async () => {
    for (const password of ['12345678', 'password', 'Luoshi@2026', 'password1234', 'Password2026!', 'qwertyuiop123', 'aaaaaaaaaaaaaaaa']) {
      const res = await createUser(`weak.${Math.random().toString(36).slice(2, 8)}`, password);
      expect([password, res.status, res.body.code]).toEqual([password, 400, 'WEAK_PASSWORD']);
    }
    const created = await createUser('policy.user', 'Policy#Secure2026');
    expect(created.status).toBe(201);
    const office = await t.login('office');
    const reset = await t.http().patch(`/api/users/${created.body.id}`).set('Authorization', office).send({ password: 'policy.user2026!' });
    expect([reset.status, reset.body.code]).toEqual([400, 'WEAK_PASSWORD']);
    await login('policy.user', 'Policy#Secure2026', '198.51.100.30').then((r) => expect(r.status).toBe(200));
  });
});
