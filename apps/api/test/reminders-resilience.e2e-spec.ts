import Redis from 'ioredis';
import { waitFor } from './fixtures';
import { freePort } from './processes';
import { useReminderWorkerRig } from './reminder-worker-rig';
import { DEMO_PASSWORD } from './test-app';

/**
 * Worker processes against a Redis of the test's own: two workers, a flushed Redis, a worker
 * killed mid-batch, Redis stopped for 30 s. Every reminder must arrive, and only once.
 */
describe('Reminder delivery under failure', () => {
  const rig = useReminderWorkerRig({
    name: 'chaos',
    taskCode: 'CHAOS',
    reminderTitle: '压力测试提醒',
    env: { RECONCILE_EVERY_SECONDS: '1', WORKER_LOCK_MS: '2000', WORKER_CONCURRENCY: '10' },
    setupTimeoutMs: 180_000,
  });

  const insertReminders = async (n: number, inMs: number): Promise<string[]> => (await rig.insertReminders(n, inMs)).map((r) => r.id);

  async function enqueue(ids: string[], delayMs: number): Promise<void> {
    const queue = rig.queue();
    await queue.addBulk(ids.map((id) => ({ name: 'deliver-reminder', data: { reminderId: id }, opts: { jobId: id, delay: delayMs, removeOnComplete: true } })));
    await queue.close();
  }

  async function expectDeliveredOnce(ids: string[], timeoutMs: number): Promise<void> {
    await waitFor(
      () => rig.t.dataSource.query(`SELECT count(*)::int AS n FROM reminder WHERE id = ANY($1::uuid[]) AND status = 'sent'`, [ids]),
      (r) => r[0].n === ids.length,
      timeoutMs,
      `${ids.length} reminders sent`,
    );
    const [counts] = await rig.t.dataSource.query(
      `SELECT count(*)::int AS total, count(DISTINCT reminder_id)::int AS reminders, max(c)::int AS most
         FROM (SELECT reminder_id, count(*) OVER (PARTITION BY reminder_id, user_id) AS c FROM notification WHERE reminder_id = ANY($1::uuid[])) x`,
      [ids],
    );
    expect(counts).toEqual({ total: ids.length, reminders: ids.length, most: 1 });
  }

  it('delivers every reminder once with two worker processes', async () => {
    const ids = await insertReminders(300, 2000);
    await rig.startWorker();
    await rig.startWorker();
    await enqueue(ids, 2000);
    await expectDeliveredOnce(ids, 60_000);
  }, 120_000);

  it('delivers all 1,000 pending reminders once after FLUSHALL', async () => {
    const ids = await insertReminders(1000, 3000);
    await enqueue(ids, 3000);
    const client = new Redis(rig.redis.url);
    await client.flushall();
    expect(await client.dbsize()).toBe(0);
    client.disconnect();
    await rig.startWorker();
    await expectDeliveredOnce(ids, 90_000);
  }, 150_000);

  it('delivers all after a worker is killed with SIGKILL mid-batch, none twice', async () => {
    const ids = await insertReminders(1000, 0);
    // One reminder per job and two at a time, so the kill lands mid-batch.
    const first = await rig.startWorker({ WORKER_CONCURRENCY: '2', REMINDER_DELIVERY_BATCH: '1' });
    await enqueue(ids, 0);
    await waitFor(
      () => rig.t.dataSource.query(`SELECT count(*)::int AS n FROM reminder WHERE id = ANY($1::uuid[]) AND status = 'sent'`, [ids]),
      (r) => r[0].n >= 50,
      60_000,
      'the first deliveries',
    );
    await first.stop('SIGKILL');
    const [midway] = await rig.t.dataSource.query(`SELECT count(*)::int AS n FROM reminder WHERE id = ANY($1::uuid[]) AND status = 'sent'`, [ids]);
    expect(midway.n).toBeLessThan(ids.length);
    await rig.startWorker();
    await expectDeliveredOnce(ids, 120_000);
  }, 180_000);

  it('keeps the API serving while Redis is stopped for 30 s, reports degraded, and catches up', async () => {
    const port = await freePort();
    await rig.startApi({ PORT: String(port) });
    const base = `http://127.0.0.1:${port}`;
    const login = async () => {
      const res = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username: 'office', password: DEMO_PASSWORD }) });
      expect(res.status).toBe(200);
      return `Bearer ${((await res.json()) as { accessToken: string }).accessToken}`;
    };
    const office = await login();

    await rig.redis.stop();
    const downSince = Date.now();
    const health = await fetch(`${base}/api/health`);
    expect(health.status).toBe(200);
    expect(((await health.json()) as { status: string }).status).toBe('degraded');
    // Reads, logins and changes keep working without Redis.
    await login();
    const created = await fetch(`${base}/api/users`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: office },
      body: JSON.stringify({ username: 'outage.user', displayName: '停机期间新建', password: 'Outage#Pass1', departmentCode: 'hz', roles: ['viewer'] }),
    });
    expect(created.status).toBe(201);
    // Reminders falling due during the outage wait in the database.
    const ids = await insertReminders(50, 1000);
    const remaining = 30_000 - (Date.now() - downSince);
    if (remaining > 0) await new Promise((r) => setTimeout(r, remaining));
    const [during] = await rig.t.dataSource.query(`SELECT count(*)::int AS n FROM reminder WHERE id = ANY($1::uuid[]) AND status = 'sent'`, [ids]);
    expect(during.n).toBe(0);

    await rig.redis.start();
    await expectDeliveredOnce(ids, 60_000);
    // The API's own Redis client reconnects on its back-off, which may end after the workers caught up.
    const healthStatus = async () => ((await (await fetch(`${base}/api/health`)).json()) as { status: string }).status;
    await waitFor(healthStatus, (status) => status === 'ok', 30_000, 'health ok after Redis returned');
  }, 180_000);
});
