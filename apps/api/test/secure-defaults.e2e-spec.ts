import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { sign } from 'jsonwebtoken';
import request from 'supertest';
import { loadConfig } from '@luoshi/server/platform';
import { createApp } from '../src/create-app';
import { DEMO_PASSWORD, useTestApp } from './test-app';

const ROOT = join(__dirname, '../../..');
const PUBLISHED_SECRET = 'luoshi-development-secret-change-me';

/** Creates a second application on the same database with some settings overridden, seeding nothing. */
async function appWith(env: Record<string, string>): Promise<INestApplication> {
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  Object.assign(process.env, env);
  try {
    const app = await createApp({ logs: false });
    await app.init();
    return app;
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

describe('Secure defaults (issue 12 rows 2 and 8)', () => {
  const t = useTestApp();

  it('refuses a token forged with the published development secret, even with a real session', async () => {
    const login = await t.http().post('/api/auth/login').send({ username: 'viewer', password: DEMO_PASSWORD }).expect(200);
    const [office] = await t.dataSource.query(`SELECT id FROM app_user WHERE username = 'office'`);
    const [session] = await t.dataSource.query(`SELECT id FROM auth_session WHERE user_id = (SELECT id FROM app_user WHERE username = 'viewer') ORDER BY created_at DESC LIMIT 1`);
    const forged = sign({ sub: office.id, sid: session.id }, PUBLISHED_SECRET, { issuer: 'luoshi', expiresIn: '3650d' });
    await t.http().get('/api/auth/me').set('Authorization', `Bearer ${forged}`).expect(401);
    await t.http().get('/api/auth/me').set('Authorization', `Bearer ${login.body.accessToken}`).expect(200);
  });

  it('refuses a token with a lifetime longer than the configured one, even correctly signed', async () => {
    const [viewer] = await t.dataSource.query(`SELECT id FROM app_user WHERE username = 'viewer'`);
    const [session] = await t.dataSource.query(`SELECT id FROM auth_session WHERE user_id = $1 ORDER BY created_at DESC LIMIT 1`, [viewer.id]);
    const secret = loadConfig().JWT_SECRET;
    const longLived = sign({ sub: viewer.id, sid: session.id, iat: Math.floor(Date.now() / 1000) - 400 * 86400 }, secret, {
      issuer: 'luoshi',
      expiresIn: '3650d',
    });
    await t.http().get('/api/auth/me').set('Authorization', `Bearer ${longLived}`).expect(401);
  });

  it('generates the start script secret once, outside the tracked files, readable only by its owner', () => {
    const dir = mkdtempSync(join(tmpdir(), 'luoshi-state-'));
    try {
      const env = { ...process.env, LUOSHI_STATE_DIR: dir, JWT_SECRET: '' };
      const first = spawnSync(process.execPath, ['tools/lib/secrets.mjs'], { cwd: ROOT, env, encoding: 'utf8' });
      expect(first.status).toBe(0);
      const file = join(dir, 'secrets/jwt-secret');
      const secret = readFileSync(file, 'utf8').trim();
      expect(statSync(file).mode & 0o077).toBe(0);
      expect(() => loadConfig({ NODE_ENV: 'production', JWT_SECRET: secret })).not.toThrow();
      const second = spawnSync(process.execPath, ['tools/lib/secrets.mjs'], { cwd: ROOT, env, encoding: 'utf8' });
      expect(second.status).toBe(0);
      expect(readFileSync(file, 'utf8').trim()).toBe(secret);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('in production, demo users in the database cannot sign in and the API docs are not served', async () => {
    const devToken = await t.login('office');
    const prod = await appWith({
      NODE_ENV: 'production',
      JWT_SECRET: 'q8Vf2L-x9TzR4mWc7Yh1Kp3NsB6dJgE0aU5oZiXe',
      WORKERS_IN_PROCESS: 'false',
    });
    try {
      const http = () => request(prod.getHttpServer());
      const [row] = await t.dataSource.query(`SELECT count(*)::int AS n FROM app_user WHERE demo AND active`);
      expect(row.n).toBeGreaterThan(0); // the database still holds active demo users
      const res = await http().post('/api/auth/login').send({ username: 'office', password: DEMO_PASSWORD }).expect(401);
      expect(res.body.code).toBe('BAD_CREDENTIALS');
      await http().get('/api/auth/me').set('Authorization', devToken).expect(401);
      await http().get('/api/docs-json').expect(404);
      await http().get('/api/docs').expect(404);
    } finally {
      await prod.close();
    }
    await t.http().get('/api/docs-json').expect(200);
  });

  it('keeps the refresh token in an HttpOnly cookie the web app refreshes with (no token needs browser storage)', async () => {
    const login = await t.http().post('/api/auth/login').send({ username: 'reviewer', password: DEMO_PASSWORD }).expect(200);
    const cookie = (login.headers['set-cookie'] as unknown as string[]).find((c) => c.startsWith('luoshi_refresh='))!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    expect(cookie).toMatch(/Path=\/api\/auth/);
    const refreshed = await t.http().post('/api/auth/refresh').set('Cookie', cookie.split(';')[0]).send({}).expect(200);
    await t.http().get('/api/auth/me').set('Authorization', `Bearer ${refreshed.body.accessToken}`).expect(200);
    // The cookie rotated: the old one no longer works, the new one does.
    await t.http().post('/api/auth/refresh').set('Cookie', cookie.split(';')[0]).send({}).expect(401);
    const next = (refreshed.headers['set-cookie'] as unknown as string[]).find((c) => c.startsWith('luoshi_refresh='))!;
    const again = await t.http().post('/api/auth/refresh').set('Cookie', next.split(';')[0]).send({}).expect(200);
    const logout = await t.http().post('/api/auth/logout').set('Authorization', `Bearer ${again.body.accessToken}`).expect(204);
    expect((logout.headers['set-cookie'] as unknown as string[]).join(';')).toMatch(/luoshi_refresh=;/);
    await t.http().post('/api/auth/refresh').send({}).expect(401);
  });
});
