import { Queue } from 'bullmq';
import Redis from 'ioredis';
import { REMINDERS_QUEUE } from '@luoshi/server/reminders';
import { importFixturePlan, insertTask, waitFor } from './fixtures';
import { buildServer, freePort, PrivateRedis, type ServerProcess, startApiProcess, startWorkerProcess } from './processes';
import { DEMO_PASSWORD, startTestApp, type TestApp } from './test-app';

/**
 * Worker processes against a Redis of the test's own: two workers, a flushed Redis, a worker
 * killed mid-batch, Redis stopped for 30 s. Every reminder must arrive, and only once.
 */
describe('Reminder delivery under failure', () => {
  let t: TestApp;
  let redis: PrivateRedis;
  let taskId: string;
  let run = 0;
  const processes: ServerProcess[] = [];

  const prefix = () => `luoshi-chaos-${process.pid}-${run}`;
  const baseEnv = (): Record<string, string> => ({
    DATABASE_URL: process.env['DATABASE_URL']!,
    REDIS_URL: redis.url,
    REDIS_PREFIX: prefix(),
    RECONCILE_EVERY_SECONDS: '1',
    WORKERS_IN_PROCESS: 'true',
    WORKER_LOCK_MS: '2000',
    WORKER_CONCURRENCY: '10',
  });

  /** n reminder rows for one task, due `inMs` from now, each for one recipient (jtt.head). */
  async function insertReminders(n: number, inMs: number): Promise<string[]> {
    const rows: { id: string }[] = await t.dataSource.query(
      `INSERT INTO reminder (subject_type, subject_id, deadline, key, fire_at, level, recipients, title)
       SELECT 'task', $1, '2027-12-31', 'chaos:' || $2 || ':' || i, now() + make_interval(secs => $3::float / 1000), 'due', ARRAY['lead_head'], '压力测试提醒'
         FROM generate_series(1, $4) AS i RETURNING id`,
      [taskId, run, inMs, n],
    );
    return rows.map((r) => r.id);
  }

  async function enqueue(ids: string[], delayMs: number): Promise<void> {
    const queue = new Queue(REMINDERS_QUEUE, { connection: { url: redis.url }, prefix: prefix() });
    await queue.addBulk(ids.map((id) => ({ name: 'deliver-reminder', data: { reminderId: id }, opts: { jobId: id, delay: delayMs, removeOnComplete: true } })));
    await queue.close();
  }

  async function expectDeliveredOnce(ids: string[], timeoutMs: number): Promise<void> {
    await waitFor(
      () => t.dataSource.query(`SELECT count(*)::int AS n FROM reminder WHERE id = ANY($1::uuid[]) AND status = 'sent'`, [ids]),
      (r) => r[0].n === ids.length,
      timeoutMs,
      `${ids.length} reminders sent`,
    );
    const [counts] = await t.dataSource.query(
      `SELECT count(*)::int AS total, count(DISTINCT reminder_id)::int AS reminders, max(c)::int AS most
         FROM (SELECT reminder_id, count(*) OVER (PARTITION BY reminder_id, user_id) AS c FROM notification WHERE reminder_id = ANY($1::uuid[])) x`,
      [ids],
    );
    expect(counts).toEqual({ total: ids.length, reminders: ids.length, most: 1 });
  }

  const savedWorkersSetting = process.env['WORKERS_IN_PROCESS'];

  beforeAll(async () => {
    buildServer();
    // Only the processes under test may deliver: the test's own app runs no workers (they would
    // reconcile these rows through the shared Redis).
    process.env['WORKERS_IN_PROCESS'] = 'false';
    t = await startTestApp();
    const fixture = await importFixturePlan(t, 2);
    taskId = await insertTask(t, { planId: fixture.planId, measureId: fixture.measureIds[0], code: 'CHAOS', leadCode: 'jtt', dueDate: '2027-12-31' });
    redis = await PrivateRedis.start();
  }, 180_000);

  beforeEach(() => {
    run += 1;
  });

  afterEach(async () => {
    await Promise.all(processes.splice(0).map((p) => p.stop('SIGKILL')));
  });

  afterAll(async () => {
    if (savedWorkersSetting === undefined) delete process.env['WORKERS_IN_PROCESS'];
    else process.env['WORKERS_IN_PROCESS'] = savedWorkersSetting;
    await redis?.stop();
    await t?.close();
  });

  it('delivers every reminder once with two worker processes', async () => {
    const ids = await insertReminders(300, 2000);
    processes.push(await startWorkerProcess(baseEnv()), await startWorkerProcess(baseEnv()));
    await enqueue(ids, 2000);
    await expectDeliveredOnce(ids, 60_000);
  }, 120_000);

  it('delivers all 1,000 pending reminders once after FLUSHALL', async () => {
    const ids = await insertReminders(1000, 3000);
    await enqueue(ids, 3000);
    const client = new Redis(redis.url);
    await client.flushall();
    expect(await client.dbsize()).toBe(0);
    client.disconnect();
    processes.push(await startWorkerProcess(baseEnv()));
    await expectDeliveredOnce(ids, 90_000);
  }, 150_000);

  it('delivers all after a worker is killed with SIGKILL mid-batch, none twice', async () => {
    const ids = await insertReminders(1000, 0);
    // One reminder per job and two at a time, so the kill lands mid-batch.
    const first = await startWorkerProcess({ ...baseEnv(), WORKER_CONCURRENCY: '2', REMINDER_DELIVERY_BATCH: '1' });
    processes.push(first);
    await enqueue(ids, 0);
    await waitFor(
      () => t.dataSource.query(`SELECT count(*)::int AS n FROM reminder WHERE id = ANY($1::uuid[]) AND status = 'sent'`, [ids]),
      (r) => r[0].n >= 50,
      60_000,
      'the first deliveries',
    );
    await first.stop('SIGKILL');
    const [midway] = await t.dataSource.query(`SELECT count(*)::int AS n FROM reminder WHERE id = ANY($1::uuid[]) AND status = 'sent'`, [ids]);
    expect(midway.n).toBeLessThan(ids.length);
    processes.push(await startWorkerProcess(baseEnv()));
    await expectDeliveredOnce(ids, 120_000);
  }, 180_000);

  it('keeps the API serving while Redis is stopped for 30 s, reports degraded, and catches up', async () => {
    const port = await freePort();
    const api = await startApiProcess({ ...baseEnv(), PORT: String(port) });
    processes.push(api);
    const base = `http://127.0.0.1:${port}`;
    const login = async () => {
      const res = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username: 'office', password: DEMO_PASSWORD }) });
      expect(res.status).toBe(200);
      return `Bearer ${((await res.json()) as { accessToken: string }).accessToken}`;
    };
    const office = await login();

    await redis.stop();
    const downSince = Date.now();
    const health = await fetch(`${base}/api/health`);
    expect(health.status).toBe(200);
    expect(((await health.json()) as { status: string }).status).toBe('degraded');
    // Reads, logins and changes keep working without Redis.
    await login();
    const created = await fetch(`${base}/api/users`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: office },
      body: JSON.stringify({ username: `outage.${run}`, displayName: '停机期间新建', password: 'Outage#Pass1', departmentCode: 'hz', roles: ['viewer'] }),
    });
    expect(created.status).toBe(201);
    // Reminders falling due during the outage wait in the database.
    const ids = await insertReminders(50, 1000);
    const remaining = 30_000 - (Date.now() - downSince);
    if (remaining > 0) await new Promise((r) => setTimeout(r, remaining));
    const [during] = await t.dataSource.query(`SELECT count(*)::int AS n FROM reminder WHERE id = ANY($1::uuid[]) AND status = 'sent'`, [ids]);
    expect(during.n).toBe(0);

    await redis.start();
    await expectDeliveredOnce(ids, 60_000);
    // The API's own Redis client reconnects on its back-off, which may end after the workers caught up.
    const healthStatus = async () => ((await (await fetch(`${base}/api/health`)).json()) as { status: string }).status;
    await waitFor(healthStatus, (status) => status === 'ok', 30_000, 'health ok after Redis returned');
  }, 180_000);
});
