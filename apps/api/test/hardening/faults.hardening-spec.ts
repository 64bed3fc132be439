import { Client } from 'pg';
import { acceptTask, draftTasks, openReport } from '../approvals-fixture';
import { waitFor } from '../fixtures';
import { buildServer, freePort, PrivateRedis, type ServerProcess, startApiProcess } from '../processes';
import { DEMO_PASSWORD, startTestApp, type TestApp } from '../test-app';
import { errorShapeProblems } from './harness';
import { PrivatePostgres } from './private-postgres';

const PASSWORD = 'Fault#Restart-2026-xq';

/**
 * Faults: PostgreSQL restarted (a cluster of the test's own) during a burst of writes, and the
 * API process killed during report submissions. After each: the API answers again, and every
 * write is whole or absent.
 */
describe('Faults', () => {
  const saved = { db: process.env['DATABASE_URL'], workers: process.env['WORKERS_IN_PROCESS'] };
  const figures: string[] = [];

  beforeAll(() => {
    process.env['WORKERS_IN_PROCESS'] = 'false';
  });
  afterAll(() => {
    process.env['DATABASE_URL'] = saved.db;
    if (saved.workers === undefined) delete process.env['WORKERS_IN_PROCESS'];
    else process.env['WORKERS_IN_PROCESS'] = saved.workers;
    console.log(`[hardening] faults (${new Date().toISOString()})\n  ${figures.join('\n  ')}`);
  });

  it('PostgreSQL restarted during a burst of writes: the API answers again, no half writes', async () => {
    const pg = await PrivatePostgres.start();
    let t: TestApp | undefined;
    try {
      const name = `luoshi_it_fault_${process.pid}`;
      const admin = new Client({ connectionString: `${pg.url}/postgres` });
      await admin.connect();
      await admin.query(`CREATE DATABASE "${name}"`);
      await admin.end();
      process.env['DATABASE_URL'] = `${pg.url}/${name}`;
      t = await startTestApp();
      process.env['DATABASE_URL'] = saved.db;
      const app = t;
      const office = await app.login('office');

      const usernames = Array.from({ length: 80 }, (_, i) => `fault.${process.pid}.${i}`);
      const statuses: number[] = [];
      const badShapes: string[] = [];
      let next = 0;
      let restarted: Promise<void> | undefined;
      const lane = async () => {
        while (next < usernames.length) {
          const username = usernames[next++];
          // The restart starts once a tenth of the burst is in: writes are in flight when it lands.
          if (next === 8) restarted = pg.restart();
          const res = await app.http().post('/api/users').set('Authorization', office).send({ username, displayName: '故障测试', password: PASSWORD, departmentCode: 'hz', roles: ['viewer'] });
          statuses.push(res.status);
          badShapes.push(...errorShapeProblems(res.status, res.body).map((p) => `${res.status}: ${p}`));
          if (res.status >= 500 && (!res.body || res.body.statusCode !== res.status || !res.body.code)) badShapes.push(`${res.status} without the error shape`);
        }
      };
      await Promise.all([lane(), lane(), lane(), lane()]);
      await restarted;
      // The API answers again once the server is back (its pool reconnects by itself).
      await waitFor(async () => (await app.http().get('/api/users').set('Authorization', office)).status, (s) => s === 200, 120_000, 'the API answering after the restart');

      const rows: { username: string; id: string; audits: number }[] = await app.dataSource.query(
        `SELECT u.username, u.id, (SELECT count(*)::int FROM audit_event a WHERE a.subject_id = u.id::text AND a.action = 'user.create') AS audits
           FROM app_user u WHERE u.username = ANY($1)`,
        [usernames],
      );
      const created = statuses.filter((s) => s === 201).length;
      const byStatus = statuses.reduce<Record<number, number>>((acc, s) => ({ ...acc, [s]: (acc[s] ?? 0) + 1 }), {});
      figures.push(`PostgreSQL restart during 80 user creations: answers ${JSON.stringify(byStatus)}, ${rows.length} users stored, each with its audit row: ${rows.every((r) => r.audits === 1)}`);
      // Whole or absent: every stored user has exactly its audit row, every 201 is stored.
      expect(rows.filter((r) => r.audits !== 1)).toEqual([]);
      expect(rows.length).toBeGreaterThanOrEqual(created);
      const [orphans] = await app.dataSource.query(
        `SELECT count(*)::int AS n FROM audit_event a WHERE a.action = 'user.create' AND a.after->>'username' LIKE $1 AND NOT EXISTS (SELECT 1 FROM app_user u WHERE u.id::text = a.subject_id)`,
        [`fault.${process.pid}.%`],
      );
      expect(orphans.n).toBe(0);
      expect(badShapes).toEqual([]);
      // The outage answers are "service unavailable", not crashes.
      expect(statuses.filter((s) => s !== 201 && s !== 503)).toEqual([]);
    } finally {
      process.env['DATABASE_URL'] = saved.db;
      await t?.close().catch(() => undefined);
      pg.stop();
    }
  });

  it('the API killed (SIGKILL) during report submissions: each report whole or absent', async () => {
    buildServer();
    const t = await startTestApp();
    const redis = await PrivateRedis.start();
    let api: ServerProcess | undefined;
    try {
      const drafts = await draftTasks(t, `HARD-KILL-${process.pid}`);
      const reportIds: string[] = [];
      const liaison = await t.login('jtt.liaison');
      for (const task of drafts.slice(0, 16)) {
        const taskId = await acceptTask(t, task, { lead: 'jtt' });
        const report = await openReport(t, taskId);
        const edited = await t.http().patch(`/api/reports/${report.id}`).set('Authorization', liaison).send({ content: '本季度完成了项目前期工作。', progress: 40, risks: '无', nextSteps: '开工', version: report.version });
        if (edited.status !== 200) throw new Error(`edit failed: ${edited.status} ${JSON.stringify(edited.body)}`);
        reportIds.push(report.id);
      }
      const port = await freePort();
      api = await startApiProcess({ DATABASE_URL: process.env['DATABASE_URL']!, REDIS_URL: redis.url, REDIS_PREFIX: `luoshi-kill-${process.pid}`, PORT: String(port), WORKERS_IN_PROCESS: 'false' });
      const base = `http://127.0.0.1:${port}`;
      const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username: 'jtt.liaison', password: DEMO_PASSWORD }) });
      const token = `Bearer ${((await login.json()) as { accessToken: string }).accessToken}`;
      const versions: { id: string; version: number }[] = await t.dataSource.query(`SELECT id, version FROM progress_report WHERE id = ANY($1::uuid[])`, [reportIds]);
      const submissions = versions.map((r) =>
        fetch(`${base}/api/reports/${r.id}/submit`, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: token }, body: JSON.stringify({ version: r.version }) })
          .then((res) => res.status)
          .catch(() => 0),
      );
      // Kill as soon as the first submission has committed: the others are in flight.
      await waitFor(
        () => t.dataSource.query(`SELECT count(*)::int AS n FROM progress_report WHERE id = ANY($1::uuid[]) AND status <> 'draft'`, [reportIds]),
        (r) => r[0].n >= 1,
        120_000,
        'a first submission',
      );
      await api.stop('SIGKILL');
      const answered = await Promise.all(submissions);

      const rows: { id: string; status: string; instances: number; audits: number }[] = await t.dataSource.query(
        `SELECT r.id, r.status,
                (SELECT count(*)::int FROM approval_instance i WHERE i.subject_id = r.id) AS instances,
                (SELECT count(*)::int FROM audit_event a WHERE a.subject_id = r.id::text AND a.action = 'progress_report.submit') AS audits
           FROM progress_report r WHERE r.id = ANY($1::uuid[])`,
        [reportIds],
      );
      const whole = rows.filter((r) => r.status !== 'draft');
      figures.push(`API SIGKILL during 16 report submissions: ${whole.length} submitted whole, ${rows.length - whole.length} absent (still drafts), ${answered.filter((s) => s === 0).length} requests cut off`);
      expect(whole.length).toBeGreaterThanOrEqual(1);
      expect(whole.filter((r) => r.instances !== 1 || r.audits !== 1)).toEqual([]);
      expect(rows.filter((r) => r.status === 'draft' && (r.instances !== 0 || r.audits !== 0))).toEqual([]);
      // The survivors still answer for the reports (a new API on the same database).
      const report = await t.http().get(`/api/reports/${whole[0].id}`).set('Authorization', liaison);
      expect(report.status).toBe(200);
    } finally {
      await api?.stop('SIGKILL');
      await redis.stop();
      await t.close();
    }
  });
});
