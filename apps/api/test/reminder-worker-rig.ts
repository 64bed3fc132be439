import { Queue } from 'bullmq';
import { REMINDERS_QUEUE } from '@luoshi/server/reminders';
import { importFixturePlan, insertTask } from './fixtures';
import { buildServer, PrivateRedis, type ServerProcess, startApiProcess, startWorkerProcess } from './processes';
import { startTestApp, type TestApp } from './test-app';

export interface ReminderWorkerRigOptions {
  /** Names the suite's Redis prefixes (`luoshi-<name>-<pid>-<run>`) and reminder keys (`<name>:…`). */
  name: string;
  /** The code of the task the reminders are about. */
  taskCode: string;
  /** The title of the inserted reminders. */
  reminderTitle: string;
  /** What every process of the suite gets besides the database, its Redis and its prefix. */
  env: Record<string, string>;
  /** How long building the server, starting the app and the fixture may take. */
  setupTimeoutMs: number;
}

/** An inserted reminder: its id and when it falls due. */
export interface InsertedReminder {
  id: string;
  fire_at: Date;
}

export interface ReminderWorkerRig {
  /** The test's own app, which runs no workers. */
  readonly t: TestApp;
  /** A Redis of the suite's own, which a test may flush or stop. */
  readonly redis: PrivateRedis;
  /** This test's Redis prefix: every test starts on an empty queue. */
  prefix(): string;
  /** A process environment: the suite's, pointed at this test's prefix, with `extra` on top. */
  env(extra?: Record<string, string>): Record<string, string>;
  /** n reminders of the task, due `inMs` from now, each for one recipient (the lead department's head). */
  insertReminders(n: number, inMs: number): Promise<InsertedReminder[]>;
  /** The reminders queue under this test's prefix; the caller closes it. */
  queue(): Queue;
  /** A worker process with env(extra); killed after the test. */
  startWorker(extra?: Record<string, string>): Promise<ServerProcess>;
  /** An API process with env(extra); killed after the test. */
  startApi(extra?: Record<string, string>): Promise<ServerProcess>;
}

/**
 * The rig of the suites that measure reminder delivery by worker processes (reminders-resilience,
 * hardening/reminder-recovery): the compiled server, a test app without in-process workers, one task
 * to hang reminders on and a Redis of the suite's own. The processes a test starts are killed after it.
 */
export function useReminderWorkerRig(options: ReminderWorkerRigOptions): ReminderWorkerRig {
  let t: TestApp | undefined;
  let redis: PrivateRedis | undefined;
  let taskId: string;
  let run = 0;
  const processes: ServerProcess[] = [];
  const savedWorkersSetting = process.env['WORKERS_IN_PROCESS'];

  beforeAll(async () => {
    buildServer();
    // Only the processes under test may deliver: the test's own app runs no workers (they would
    // reconcile these rows through the shared Redis).
    process.env['WORKERS_IN_PROCESS'] = 'false';
    t = await startTestApp();
    const fixture = await importFixturePlan(t, 2);
    taskId = await insertTask(t, { planId: fixture.planId, measureId: fixture.measureIds[0], code: options.taskCode, leadCode: 'jtt', dueDate: '2027-12-31' });
    redis = await PrivateRedis.start();
  }, options.setupTimeoutMs);

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

  const started = <T>(what: string, value: T | undefined): T => {
    if (value === undefined) throw new Error(`the rig's ${what} is used before its beforeAll started it`);
    return value;
  };
  const track = async (starting: Promise<ServerProcess>): Promise<ServerProcess> => {
    const child = await starting;
    processes.push(child);
    return child;
  };

  const rig: ReminderWorkerRig = {
    get t() {
      return started('app', t);
    },
    get redis() {
      return started('Redis', redis);
    },
    prefix: () => `luoshi-${options.name}-${process.pid}-${run}`,
    env: (extra = {}) => ({
      DATABASE_URL: process.env['DATABASE_URL']!,
      REDIS_URL: rig.redis.url,
      REDIS_PREFIX: rig.prefix(),
      WORKERS_IN_PROCESS: 'true',
      ...options.env,
      ...extra,
    }),
    insertReminders: (n, inMs) =>
      rig.t.dataSource.query(
        `INSERT INTO reminder (subject_type, subject_id, deadline, key, fire_at, level, recipients, title)
         SELECT 'task', $1, '2027-12-31', $2::text || ':' || i, now() + make_interval(secs => $3::float / 1000), 'due', ARRAY['lead_head'], $5::text
           FROM generate_series(1, $4) AS i RETURNING id, fire_at`,
        [taskId, `${options.name}:${process.pid}-${run}`, inMs, n, options.reminderTitle],
      ),
    queue: () => new Queue(REMINDERS_QUEUE, { connection: { url: rig.redis.url }, prefix: rig.prefix() }),
    startWorker: (extra) => track(startWorkerProcess(rig.env(extra))),
    startApi: (extra) => track(startApiProcess(rig.env(extra))),
  };
  return rig;
}
