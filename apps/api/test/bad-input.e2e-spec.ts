import { useTestApp } from './test-app';

describe('Bad input at the edge', () => {
  const t = useTestApp();

  const expectErrorShape = (body: Record<string, unknown>, statusCode: number, code: string) => {
    expect(body).toMatchObject({ statusCode, code, message: expect.any(String) });
    expect(body).not.toHaveProperty('stack');
  };

  it('answers malformed JSON with 400 MALFORMED_JSON', async () => {
    const res = await t.http().post('/api/auth/login').set('Content-Type', 'application/json').send('{"username": "office",').expect(400);
    expectErrorShape(res.body, 400, 'MALFORMED_JSON');
  });

  it('answers unknown fields with 400 naming the field', async () => {
    const res = await t.http().post('/api/auth/login').send({ username: 'office', password: 'x', isAdmin: true }).expect(400);
    expectErrorShape(res.body, 400, 'VALIDATION_FAILED');
    expect(res.body.message).toContain('isAdmin');
  });

  it('answers wrong types with 400 naming the field', async () => {
    const res = await t.http().post('/api/auth/login').send({ username: 42, password: ['x'] }).expect(400);
    expectErrorShape(res.body, 400, 'VALIDATION_FAILED');
    expect(res.body.message).toContain('username');
    expect(res.body.message).toContain('password');
  });

  it('answers an oversized body with 413', async () => {
    const res = await t
      .http()
      .post('/api/auth/login')
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ username: 'x'.repeat(2 * 1024 * 1024), password: 'y' }))
      .expect(413);
    expectErrorShape(res.body, 413, 'PAYLOAD_TOO_LARGE');
  });

  it('answers a request without a token with 401', async () => {
    const res = await t.http().get('/api/users').expect(401);
    expectErrorShape(res.body, 401, 'UNAUTHENTICATED');
  });

  it('answers a department user calling an office_admin route with 403', async () => {
    const res = await t.http().get('/api/users').set('Authorization', await t.login('jtt.head')).expect(403);
    expectErrorShape(res.body, 403, 'FORBIDDEN');
    await t.http().get('/api/audit').set('Authorization', await t.login('hz.liaison')).expect(403);
    await t
      .http()
      .post('/api/departments')
      .set('Authorization', await t.login('leader'))
      .send({ code: 'x', name: 'x', kind: 'city' })
      .expect(403);
  });

  it('answers a malformed id with 400, not 500', async () => {
    const res = await t.http().patch('/api/users/not-a-uuid').set('Authorization', await t.login('office')).send({ displayName: 'x' }).expect(400);
    expect(res.body.statusCode).toBe(400);
  });

  it('answers an unknown route with 404 in the error shape', async () => {
    const res = await t.http().get('/api/no-such-thing').set('Authorization', await t.login('office')).expect(404);
    expect(res.body.statusCode).toBe(404);
  });
});
