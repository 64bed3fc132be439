import { useTestApp, DEMO_PASSWORD } from './test-app';

describe('Authentication', () => {
  const t = useTestApp();

  it('logs a demo user in and returns tokens and the user with department and roles', async () => {
    const res = await t.http().post('/api/auth/login').send({ username: 'jtt.liaison', password: DEMO_PASSWORD }).expect(200);
    expect(res.body.accessToken).toEqual(expect.any(String));
    expect(res.body.refreshToken).toEqual(expect.any(String));
    expect(res.body.user).toMatchObject({ username: 'jtt.liaison', roles: ['dept_liaison'], department: { code: 'jtt', name: '省交通运输厅' } });
    const me = await t.http().get('/api/auth/me').set('Authorization', `Bearer ${res.body.accessToken}`).expect(200);
    expect(me.body.username).toBe('jtt.liaison');
  });

  it('stores passwords as argon2id hashes', async () => {
    const [row] = await t.dataSource.query(`SELECT password_hash FROM app_user WHERE username = 'office'`);
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
  });

  it('refuses a wrong password with 401 and the error shape', async () => {
    const res = await t.http().post('/api/auth/login').send({ username: 'leader', password: 'wrong-password' }).expect(401);
    expect(res.body).toMatchObject({ statusCode: 401, code: 'BAD_CREDENTIALS', message: expect.stringContaining('密码') });
  });

  it('answers 429 after repeated wrong passwords for one account within a minute', async () => {
    const office = await t.login('office');
    await t
      .http()
      .post('/api/users')
      .set('Authorization', office)
      .send({ username: 'throttle.target', displayName: '限流测试', password: 'Correct#Pass1', departmentCode: 'czt', roles: ['dept_liaison'] })
      .expect(201);
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      const res = await t.http().post('/api/auth/login').send({ username: 'throttle.target', password: `wrong-${i}` });
      statuses.push(res.status);
    }
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses[5]).toBe(429);
    // Locked even with the right password until the window passes.
    const locked = await t.http().post('/api/auth/login').send({ username: 'throttle.target', password: 'Correct#Pass1' }).expect(429);
    expect(locked.body.code).toBe('LOGIN_THROTTLED');
  });

  it('rotates the refresh token: the new one works, the old one no longer does', async () => {
    const login = await t.http().post('/api/auth/login').send({ username: 'viewer', password: DEMO_PASSWORD }).expect(200);
    const refreshed = await t.http().post('/api/auth/refresh').send({ refreshToken: login.body.refreshToken }).expect(200);
    expect(refreshed.body.refreshToken).not.toBe(login.body.refreshToken);
    await t.http().post('/api/auth/refresh').send({ refreshToken: login.body.refreshToken }).expect(401);
    await t.http().get('/api/auth/me').set('Authorization', `Bearer ${refreshed.body.accessToken}`).expect(200);
  });

  it('revokes the session on logout: its access and refresh tokens stop working', async () => {
    const login = await t.http().post('/api/auth/login').send({ username: 'reviewer', password: DEMO_PASSWORD }).expect(200);
    const auth = `Bearer ${login.body.accessToken}`;
    await t.http().post('/api/auth/logout').set('Authorization', auth).expect(204);
    await t.http().get('/api/auth/me').set('Authorization', auth).expect(401);
    await t.http().post('/api/auth/refresh').send({ refreshToken: login.body.refreshToken }).expect(401);
  });

  it('refuses a forged token', async () => {
    await t.http().get('/api/auth/me').set('Authorization', 'Bearer not.a.token').expect(401);
  });
});
