import { useTestApp } from './test-app';

/** Issue 12 row 7: security headers everywhere, HSTS and Secure cookies behind TLS, no X-Powered-By. */
describe('Security headers', () => {
  const t = useTestApp();

  it('sends CSP (no framing, scripts from our origin only), nosniff, Referrer-Policy and no X-Powered-By on API answers', async () => {
    for (const res of [await t.http().get('/api/health'), await t.http().get('/api/tasks'), await t.http().get('/api/docs/')]) {
      const csp = res.headers['content-security-policy'];
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("default-src 'self'");
      expect(csp).toMatch(/script-src 'self' 'unsafe-hashes' 'sha256-[A-Za-z0-9+/=]+'(;|$)/);
      expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-frame-options']).toBe('DENY');
      expect(res.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
      expect(res.headers['x-powered-by']).toBeUndefined();
      expect(res.headers['strict-transport-security']).toBeUndefined();
    }
  });

  it('sends HSTS only when the request came over TLS through a trusted proxy', async () => {
    const tls = await t.http().get('/api/health').set('X-Forwarded-Proto', 'https');
    expect(tls.headers['strict-transport-security']).toMatch(/max-age=\d{7,}/);
    const plain = await t.http().get('/api/health').set('X-Forwarded-Proto', 'http');
    expect(plain.headers['strict-transport-security']).toBeUndefined();
  });

  it('serves Bull Board without X-Powered-By, with the session cookie Secure behind TLS', async () => {
    const office = await t.login('office');
    const plain = await t.http().post('/api/reminders/queue-board-session').set('Authorization', office).expect(204);
    expect(plain.headers['set-cookie'][0]).not.toMatch(/;\s*Secure/i);
    const tls = await t.http().post('/api/reminders/queue-board-session').set('Authorization', office).set('X-Forwarded-Proto', 'https').expect(204);
    const cookie = tls.headers['set-cookie'][0] as string;
    expect(cookie).toMatch(/;\s*Secure/i);
    expect(cookie).toMatch(/HttpOnly/i);
    const board = await t.http().get('/admin/queues').set('Cookie', cookie.split(';')[0]);
    expect(board.status).toBe(200);
    expect(board.headers['x-powered-by']).toBeUndefined();
    expect(board.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    const refused = await t.http().get('/admin/queues/api/queues');
    expect(refused.status).toBe(401);
    expect(refused.headers['x-powered-by']).toBeUndefined();
  });
});
