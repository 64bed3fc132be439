import { randomBytes } from 'node:crypto';
import { Queue } from 'bullmq';
import { REMINDERS_QUEUE } from '@luoshi/server/reminders';
import { isoDaysFromToday } from './approvals-fixture';
import { importFixturePlan, insertTask, waitFor } from './fixtures';
import { buildServer, freePort, type ServerProcess, startQuietApiProcess, startWorkerProcess } from './processes';
import { ApiClient, inPool, percentile, SseClient } from './scale-out-helpers';
import { startTestApp, type TestApp } from './test-app';

/**
 * Several machines on one PostgreSQL and one Redis: 2 API processes and 3 worker processes
 * (WORKERS_IN_PROCESS=false). Reminders are delivered exactly once whichever worker takes them;
 * approvals decided twice at once (the same decision sent to both API instances) are applied
 * exactly once; a user on SSE at one instance hears what happened through the other or a worker.
 *
 * Sizes: LUOSHI_SCALE_REMINDERS / LUOSHI_SCALE_APPROVALS; `npm test` runs 1,000 / 100, and
 * `node tools/test-scale-out.mjs` runs the full 10,000 / 1,000.
 */
const REMINDERS = Number(process.env['LUOSHI_SCALE_REMINDERS'] || 1000);
const APPROVALS = Number(process.env['LUOSHI_SCALE_APPROVALS'] || 100);
const BIG = REMINDERS >= 10_000;

describe(`Scale-out: 2 API instances, 3 workers, ${REMINDERS} reminders, ${APPROVALS} approvals`, () => {
  let t: TestApp;
  let planId: string;
  let measureId: string;
  const apis: ApiClient[] = [];
  const processes: ServerProcess[] = [];
  const streams: SseClient[] = [];
  const figures: Record<string, unknown> = { date: new Date().toISOString(), reminders: REMINDERS, approvals: APPROVALS };
  const saved = { WORKERS_IN_PROCESS: process.env['WORKERS_IN_PROCESS'], REDIS_PREFIX: process.env['REDIS_PREFIX'] };
  // Under the run's prefix, so the global teardown removes these keys too.
  const prefix = `${process.env['REDIS_PREFIX'] ?? 'luoshi-it'}-scale`;
  const redisUrl = process.env['REDIS_URL'] || 'redis://127.0.0.1:6379';
  let taskSeq = 0;
  const newTask = (leadCode: string, dueDate: string | null, status = 'in_progress') =>
    insertTask(t, { planId, measureId, code: `SCALE-${++taskSeq}`, leadCode, dueDate, status });

  beforeAll(async () => {
    buildServer();
    // Only the processes under test run workers; the test's own app just migrates, seeds and reads.
    process.env['WORKERS_IN_PROCESS'] = 'false';
    process.env['REDIS_PREFIX'] = prefix;
    t = await startTestApp();
    ({ planId, measureIds: [measureId] } = await importFixturePlan(t, 1));
    const env = {
      DATABASE_URL: process.env['DATABASE_URL']!,
      REDIS_URL: redisUrl,
      REDIS_PREFIX: prefix,
      WORKERS_IN_PROCESS: 'false',
      RECONCILE_EVERY_SECONDS: '5',
      WORKER_LOCK_MS: '15000',
      WORKER_CONCURRENCY: '10',
      // Every instance must verify the others' tokens: one secret for all (without it each process draws its own).
      JWT_SECRET: randomBytes(32).toString('hex'),
    };
    const ports = [await freePort(), await freePort()];
    // One at a time: on a small shared machine parallel boots only race for the same two cores.
    for (const port of ports) processes.push(await startQuietApiProcess({ ...env, PORT: String(port) }, 180_000));
    for (let i = 0; i < 3; i++) processes.push(await startWorkerProcess(env));
    apis.push(...ports.map((port) => new ApiClient(`http://127.0.0.1:${port}`)));
  }, 600_000);

  afterAll(async () => {
    streams.forEach((s) => s.close());
    await Promise.all(processes.map((p) => p.stop('SIGTERM')));
    await t?.close();
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
    console.log(`[scale-out figures] ${JSON.stringify(figures)}`);
  });

  async function enqueueReminders(ids: { id: string; delay: number }[]): Promise<void> {
    const queue = new Queue(REMINDERS_QUEUE, { connection: { url: redisUrl }, prefix });
    for (let i = 0; i < ids.length; i += 1000) {
      await queue.addBulk(
        ids.slice(i, i + 1000).map(({ id, delay }) => ({ name: 'deliver-reminder', data: { reminderId: id }, opts: { jobId: id, delay, removeOnComplete: true, removeOnFail: 1000 } })),
      );
    }
    await queue.close();
  }

  /** Reminder rows for tasks, firing from `startInMs` over `spreadMs`, enqueued as the planner does. */
  async function insertReminders(taskIds: string[], n: number, startInMs: number, spreadMs: number, key: string): Promise<string[]> {
    const rows: { id: string; delay: number }[] = await t.dataSource.query(
      `INSERT INTO reminder (subject_type, subject_id, deadline, key, fire_at, level, recipients, title)
       SELECT 'task', ($1::uuid[])[1 + (i % cardinality($1::uuid[]))], '2027-12-31', $2 || ':' || i,
              now() + make_interval(secs => ($3 + $4 * i::float / $5) / 1000), 'due', ARRAY['lead_head'], '扩展测试提醒'
         FROM generate_series(0, $5 - 1) AS i
       RETURNING id, greatest(0, extract(epoch FROM fire_at - now()) * 1000)::int AS delay`,
      [taskIds, key, startInMs, spreadMs, n],
    );
    await enqueueReminders(rows);
    return rows.map((r) => r.id);
  }

  it('runs two API instances and three workers on the same Redis', async () => {
    const queue = new Queue(REMINDERS_QUEUE, { connection: { url: redisUrl }, prefix });
    // Each worker process holds its own worker connections; the reminders queue sees all three.
    const workers = await waitFor(() => queue.getWorkersCount(), (n) => n >= 3, 60_000, 'three reminder workers connected');
    expect(workers).toBeGreaterThanOrEqual(3);
    await queue.close();
    for (const api of apis) expect((await api.request('GET', '/api/health', null)).body).toMatchObject({ status: 'ok' });
  });

  it('pushes over SSE at one instance what was caused through the other instance or by a worker', async () => {
    const [a, b] = apis;
    const reviewerStream = await SseClient.open(a.base, await a.login('reviewer'));
    const hzHeadStream = await SseClient.open(b.base, await b.login('hz.head'));
    streams.push(reviewerStream, hzHeadStream);
    await waitFor(async () => [reviewerStream.events.length, hzHeadStream.events.length], ([x, y]) => x >= 1 && y >= 1, 30_000, 'the hello events');

    // An extension request through B; its department head approves through B; the reviewer, on A, hears of it.
    const taskId = await newTask('jtt', isoDaysFromToday(90));
    const created = await b.request<{ approvalId: string }>('POST', `/api/tasks/${taskId}/requests`, await b.login('jtt.liaison'), {
      kind: 'extension_request',
      reason: '跨实例推送测试',
      payload: { newDueDate: isoDaysFromToday(180) },
    });
    expect(created.status).toBe(201);
    const approved = await b.request('POST', `/api/approvals/${created.body.approvalId}/actions`, await b.login('jtt.head'), { type: 'approve', version: 1 });
    expect(approved.status).toBe(200);
    const pushed = await waitFor(async () => reviewerStream.events.filter((e) => e.type === 'notification'), (e) => e.length >= 1, 30_000, 'the push at instance A');
    const [stored] = await t.dataSource.query(`SELECT n.id, n.title FROM notification n JOIN app_user u ON u.id = n.user_id WHERE u.username = 'reviewer' AND n.subject_id = $1`, [
      created.body.approvalId,
    ]);
    expect(pushed[0]).toMatchObject({ notificationId: stored.id, title: stored.title });

    // A reminder delivered by one of the worker processes reaches hz.head's stream at instance B.
    const hzTask = await newTask('hz', isoDaysFromToday(1));
    const [reminderId] = await insertReminders([hzTask], 1, 0, 0, 'sse');
    // (The new task's 交办 notice reaches the same stream: look for the reminder's own notification.)
    const [delivered] = await waitFor(
      () => t.dataSource.query(`SELECT id, title FROM notification WHERE reminder_id = $1`, [reminderId]),
      (rows) => rows.length === 1,
      60_000,
      'the reminder written',
    );
    const fromWorker = await waitFor(
      async () => hzHeadStream.events.filter((e) => e.type === 'notification' && e.notificationId === delivered.id),
      (e) => e.length >= 1,
      60_000,
      'the reminder push at instance B',
    );
    expect(fromWorker[0]).toMatchObject({ notificationId: delivered.id, title: delivered.title });
    reviewerStream.close();
    hzHeadStream.close();
  }, 180_000);

  it(`delivers each of ${REMINDERS} reminders exactly once across the three workers`, async () => {
    // Heads of several departments receive them; the SSE users above are not among them.
    const taskIds = await Promise.all(['jtt', 'fgw'].map((code) => newTask(code, isoDaysFromToday(30))));
    const spreadMs = Math.max(5000, REMINDERS); // about 1,000 a second
    const started = Date.now();
    const ids = await insertReminders(taskIds, REMINDERS, 5000, spreadMs, 'scale');
    figures['remindersInsertAndEnqueueMs'] = Date.now() - started;
    await waitFor(
      () => t.dataSource.query(`SELECT count(*)::int AS n FROM reminder WHERE id = ANY($1::uuid[]) AND status = 'sent'`, [ids]),
      (r) => r[0].n === ids.length,
      (BIG ? 900_000 : 300_000) + spreadMs,
      `${ids.length} reminders sent`,
    );
    const [counts] = await t.dataSource.query(
      `SELECT count(*)::int AS notifications, count(DISTINCT n.reminder_id)::int AS reminders,
              count(DISTINCT (n.reminder_id, n.user_id))::int AS pairs
         FROM notification n WHERE n.reminder_id = ANY($1::uuid[])`,
      [ids],
    );
    // Every reminder reached its department's head(s), and nobody twice: one notification per (reminder, user).
    expect(counts.reminders).toBe(ids.length);
    expect(counts.pairs).toBe(counts.notifications);
    expect(counts.notifications).toBeGreaterThanOrEqual(ids.length);
    const lateness: { ms: number }[] = await t.dataSource.query(
      `SELECT (extract(epoch FROM sent_at - fire_at) * 1000)::int AS ms FROM reminder WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    const [span] = await t.dataSource.query(
      `SELECT (extract(epoch FROM max(sent_at) - min(fire_at)) * 1000)::int AS ms FROM reminder WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    const ms = lateness.map((r) => r.ms);
    Object.assign(figures, {
      reminderLatenessP50Ms: percentile(ms, 50),
      reminderLatenessP99Ms: percentile(ms, 99),
      reminderLatenessMaxMs: percentile(ms, 100),
      // Due over spreadMs; delivered from the first due time to the last delivery.
      reminderDueSpreadMs: spreadMs,
      reminderDeliverySpanMs: span.ms,
    });
  }, 1_500_000);

  it(`applies each of ${APPROVALS} approvals exactly once when both instances get the same decision`, async () => {
    const due = isoDaysFromToday(60);
    const later = isoDaysFromToday(150);
    const taskIds: string[] = [];
    for (let i = 0; i < APPROVALS; i++) taskIds.push(await newTask('jtt', due));
    const tokens = new Map<string, string>();
    const token = async (username: string) => tokens.get(username) ?? (tokens.set(username, await apis[0].login(username)), tokens.get(username)!);
    const liaison = await token('jtt.liaison');

    const started = Date.now();
    // Requests alternate between the instances.
    const requests = await inPool(taskIds, 6, (taskId, i) =>
      apis[i % 2].request<{ id: string; approvalId: string }>('POST', `/api/tasks/${taskId}/requests`, liaison, { kind: 'extension_request', reason: `扩展测试延期 ${i}`, payload: { newDueDate: later } }),
    );
    expect(requests.map((r) => r.status)).toEqual(taskIds.map(() => 201));
    const approvalIds = requests.map((r) => r.body.approvalId);
    figures['approvalsCreateMs'] = Date.now() - started;

    const outcomes = { won: 0, lost: 0, other: [] as string[] };
    const decidingStarted = Date.now();
    for (let round = 0; round < 6; round++) {
      const open: { id: string; version: number; approver: string }[] = await t.dataSource.query(
        `SELECT i.id, i.version, u.username AS approver FROM approval_instance i JOIN app_user u ON u.id = i.pending_approvers[1]
          WHERE i.id = ANY($1::uuid[]) AND i.status = 'in_progress'`,
        [approvalIds],
      );
      if (open.length === 0) break;
      await inPool(open, 4, async (instance) => {
        const auth = await token(instance.approver);
        const body = { type: 'approve', comment: '同意', version: instance.version };
        // The same decision at the same version, to both instances at once: exactly one may win.
        const answers = await Promise.all(apis.map((api) => api.request<{ code?: string }>('POST', `/api/approvals/${instance.id}/actions`, auth, body)));
        const statuses = answers.map((a) => a.status).sort();
        if (statuses[0] === 200 && statuses[1] === 409) {
          outcomes.won += 1;
          outcomes.lost += 1;
        } else outcomes.other.push(`${instance.id}: ${answers.map((a) => `${a.status} ${a.body.code ?? ''}`).join(' / ')}`);
      });
    }
    figures['approvalsDecideMs'] = Date.now() - decidingStarted;
    expect(outcomes.other).toEqual([]);

    const [summary] = await t.dataSource.query(
      `SELECT count(*) FILTER (WHERE i.status = 'approved')::int AS approved,
              count(*) FILTER (WHERE x.status = 'approved')::int AS "requestsApproved",
              count(*) FILTER (WHERE t.due_date = $2::date)::int AS "tasksMoved",
              count(*) FILTER (WHERE t.version = 2)::int AS "tasksWrittenOnce"
         FROM approval_instance i
         JOIN task_request x ON x.approval_instance_id = i.id AND x.kind = 'extension_request'
         JOIN task t ON t.id = x.task_id
        WHERE i.id = ANY($1::uuid[])`,
      [approvalIds, later],
    );
    expect(summary).toEqual({ approved: APPROVALS, requestsApproved: APPROVALS, tasksMoved: APPROVALS, tasksWrittenOnce: APPROVALS });
    // One accepted approve per step, one audit record per decision, one deadline move per task.
    const [steps] = await t.dataSource.query(
      `SELECT (SELECT count(*) FROM approval_action a WHERE a.instance_id = ANY($1::uuid[]) AND a.action = 'approve')::int AS approves,
              (SELECT count(*) FROM audit_event e WHERE e.subject_id = ANY($1::text[]) AND e.action = 'approval.approve')::int AS "approveAudits",
              (SELECT count(*) FROM audit_event e WHERE e.subject_id = ANY($2::text[]) AND e.action = 'task.extend')::int AS "extendAudits"`,
      [approvalIds, taskIds],
    );
    expect(steps.approves).toBe(outcomes.won);
    expect(steps.approveAudits).toBe(outcomes.won);
    expect(steps.extendAudits).toBe(APPROVALS);
    expect(outcomes.won).toBeGreaterThanOrEqual(APPROVALS);
    Object.assign(figures, { approvalDecisions: outcomes.won, duplicateDecisionsRefused: outcomes.lost });
  }, 1_800_000);
});
