import { Inject, Injectable, Logger, OnApplicationShutdown, Optional } from '@nestjs/common';
import { type ConnectionOptions, type JobsOptions, Queue, Worker, type Processor, type RepeatOptions } from 'bullmq';
import Redis from 'ioredis';
import { APP_CONFIG, type AppConfig } from './config';
import { buildJobOptions, type Catalogue, JOB_CATALOGUE, JOB_CATALOGUE_TOKEN, type JobName, type JobPayload, type QueueName } from './jobs/job-catalogue';
import { redisConnectionOptions, redisRetryDelay } from './redis-connection';

/** One job a producer adds: its payload, its deterministic id and delay; the rest comes from the catalogue. */
export interface JobRequest<Q extends QueueName, J extends JobName<Q>> {
  data: JobPayload<Q, J>;
  jobId: string;
  delay?: number;
}

interface Reconciler {
  queue: string;
  jobName: string;
  run: () => Promise<unknown>;
}

/**
 * Creates BullMQ queues and workers with the installation's Redis and key prefix, and closes
 * them on shutdown. The queue carries ids only; the database holds the state.
 */
@Injectable()
export class QueueFactory implements OnApplicationShutdown {
  private readonly logger = new Logger(QueueFactory.name);
  private readonly queues = new Map<string, Queue>();
  private readonly workers: Worker[] = [];
  private readonly timers: NodeJS.Timeout[] = [];
  private readonly reconcilers: Reconciler[] = [];
  private watcher?: Redis;
  private stalled = new Map<string, number>();
  private stalledTimer?: NodeJS.Timeout;
  private readonly jobOptions: Map<string, Map<string, JobsOptions>>;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Optional() @Inject(JOB_CATALOGUE_TOKEN) readonly catalogue: Catalogue = JOB_CATALOGUE,
  ) {
    this.jobOptions = buildJobOptions(catalogue, config);
  }

  /** A catalogued job's default options (built once, from the configuration). */
  optionsOf<Q extends QueueName>(queue: Q, job: JobName<Q>): JobsOptions {
    const options = this.jobOptions.get(queue)?.get(job);
    if (!options) throw new Error(`job "${queue}/${job}" is not in the job catalogue`);
    return options;
  }

  private requests<Q extends QueueName, J extends JobName<Q>>(queue: Q, job: J, requests: JobRequest<Q, J>[]) {
    const options = this.optionsOf(queue, job);
    return requests.map(({ data, jobId, delay }) => ({ name: job, data, opts: { ...options, jobId, ...(delay === undefined ? {} : { delay }) } }));
  }

  /** Adds catalogued jobs with their options; never hangs a request (see addBulkSafely). */
  enqueue<Q extends QueueName, J extends JobName<Q>>(queue: Q, job: J, requests: JobRequest<Q, J>[], timeoutMs?: number): Promise<boolean> {
    return this.addBulkSafely(queue, this.requests(queue, job, requests), timeoutMs);
  }

  /** Re-creates the catalogued jobs Redis lost, with their options (see addMissingSafely). */
  enqueueMissing<Q extends QueueName, J extends JobName<Q>>(queue: Q, job: J, requests: JobRequest<Q, J>[], timeoutMs?: number): Promise<number> {
    return this.addMissingSafely(queue, this.requests(queue, job, requests), timeoutMs);
  }

  /** ioredis options (direct or through Sentinel); BullMQ's own option type is looser than ioredis'. */
  private connection(extra: { enableOfflineQueue?: boolean; maxRetriesPerRequest: number | null }): ConnectionOptions {
    return { ...redisConnectionOptions(this.config), retryStrategy: redisRetryDelay, ...extra } as ConnectionOptions;
  }

  queue(name: string): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = new Queue(name, {
        prefix: this.config.REDIS_PREFIX,
        // Producers fail fast while Redis is down; the reconciler re-enqueues from the database.
        connection: this.connection({ enableOfflineQueue: false, maxRetriesPerRequest: 1 }),
      });
      queue.on('error', (err) => this.logger.warn(`queue ${name}: ${err.message}`));
      this.queues.set(name, queue);
    }
    return queue;
  }

  worker(name: string, processor: Processor, concurrency = this.config.WORKER_CONCURRENCY): Worker {
    const worker = new Worker(name, processor, {
      prefix: this.config.REDIS_PREFIX,
      connection: this.connection({ maxRetriesPerRequest: null }),
      concurrency,
      // A killed worker's job is taken over within lock + one check (about 3.3 s by default); a job
      // run twice delivers once (the database claims rows), so a short lock costs no duplicates.
      lockDuration: this.config.WORKER_LOCK_MS,
      stalledInterval: Math.max(250, Math.round(this.config.WORKER_LOCK_MS / 3)),
      maxStalledCount: 5,
    });
    worker.on('error', (err) => this.logger.warn(`worker ${name}: ${err.message}`));
    worker.on('stalled', () => this.countStalled(name));
    worker.on('failed', (job, err) => this.logger.warn(`job ${name}/${job?.name}/${job?.id} failed: ${err.message}`));
    this.workers.push(worker);
    return worker;
  }

  /**
   * The reconciler of a queue whose state lives in the database (its worker runs the job too): a
   * BullMQ job scheduler runs `reconcile` every RECONCILE_EVERY_SECONDS, and an in-process timer
   * puts the scheduler back (a flushed Redis loses it) and reconciles directly, so nothing depends
   * on Redis having kept anything.
   */
  startReconciler(name: string, reconcile: { jobName: string; run: () => Promise<unknown> }): void {
    const entry: Reconciler = { queue: name, ...reconcile };
    this.reconcilers.push(entry);
    this.watchRedis();
    void this.ensureScheduler(entry);
    const timer = setInterval(() => void this.reconcileNow(entry), this.config.RECONCILE_EVERY_SECONDS * 1000);
    timer.unref();
    this.timers.push(timer);
  }

  /** Registers (or updates) a job scheduler with the job's catalogued options; a Redis outage is logged. */
  schedule(queue: string, jobName: string, repeat: Omit<RepeatOptions, 'key'>): Promise<unknown> {
    const opts = this.jobOptions.get(queue)?.get(jobName);
    return this.queue(queue)
      .upsertJobScheduler(jobName, repeat, { name: jobName, data: {}, opts })
      .catch((err: Error) => this.logger.warn(`${queue}: ${jobName} scheduler not registered now: ${err.message}`));
  }

  private ensureScheduler(r: Reconciler): Promise<unknown> {
    return this.schedule(r.queue, r.jobName, { every: this.config.RECONCILE_EVERY_SECONDS * 1000 });
  }

  private async reconcileNow(r: Reconciler): Promise<void> {
    await this.ensureScheduler(r);
    await r.run().catch((err: Error) => this.logger.warn(`${r.queue}: ${r.jobName} failed: ${err.message}`));
  }

  /**
   * One small connection that notices Redis coming back: the reconcilers run at once (a restarted
   * Redis may have lost every job) instead of at their next tick, and the outage is logged.
   */
  private watchRedis(): void {
    if (this.watcher) return;
    const watcher = new Redis({ ...redisConnectionOptions(this.config), connectionName: 'luoshi-queue-watch', enableOfflineQueue: false, maxRetriesPerRequest: 1, retryStrategy: redisRetryDelay });
    let downSince = 0;
    watcher.on('error', () => {
      downSince ||= Date.now();
    });
    watcher.on('close', () => {
      downSince ||= Date.now();
    });
    watcher.on('ready', () => {
      if (!downSince) return;
      const seconds = ((Date.now() - downSince) / 1000).toFixed(1);
      downSince = 0;
      this.logger.log(`Redis is back after ${seconds} s: workers resume, reconciling ${this.reconcilers.map((r) => r.queue).join(', ')} now`);
      for (const r of this.reconcilers) void this.reconcileNow(r);
    });
    this.watcher = watcher;
  }

  /** Stalled jobs (their worker died) come back to the queue: logged with their count, once per burst. */
  private countStalled(name: string): void {
    this.stalled.set(name, (this.stalled.get(name) ?? 0) + 1);
    if (this.stalledTimer) return;
    this.stalledTimer = setTimeout(() => {
      this.stalledTimer = undefined;
      for (const [queue, count] of this.stalled) this.logger.warn(`${queue}: ${count} stalled job(s) of a stopped worker returned to the queue`);
      this.stalled.clear();
    }, 500);
    this.stalledTimer.unref();
  }

  /**
   * Re-creates the jobs among `jobs` that Redis no longer holds (flushed, restarted, evicted) and
   * logs how many it repaired; jobs still there are left alone. Returns the number re-created,
   * or -1 when Redis is unreachable now.
   */
  async addMissingSafely(name: string, jobs: { name: string; data: unknown; opts: JobsOptions & { jobId: string } }[], timeoutMs = 10_000): Promise<number> {
    if (jobs.length === 0) return 0;
    try {
      const queue = this.queue(name);
      const client = this.watcher ?? new Redis({ ...redisConnectionOptions(this.config), lazyConnect: true, maxRetriesPerRequest: 1 });
      const pipeline = client.pipeline();
      for (const job of jobs) pipeline.exists(`${this.config.REDIS_PREFIX}:${name}:${job.opts.jobId}`);
      const replies = (await withTimeout(pipeline.exec(), timeoutMs)) ?? [];
      if (client !== this.watcher) client.disconnect();
      const missing = jobs.filter((_, i) => replies[i]?.[1] === 0);
      if (missing.length === 0) return 0;
      await withTimeout(queue.addBulk(missing), timeoutMs);
      this.logger.warn(`${name}: re-created ${missing.length} job(s) missing from Redis (flushed or restarted), of ${jobs.length} due`);
      return missing.length;
    } catch (error) {
      this.logger.warn(`${name}: could not check or re-create ${jobs.length} job(s) now (${(error as Error).message}); next reconcile will`);
      return -1;
    }
  }

  /** Adds jobs without ever hanging a request: a Redis outage is logged, and the reconciler catches up. */
  async addBulkSafely(name: string, jobs: { name: string; data: unknown; opts?: JobsOptions }[], timeoutMs = 2000): Promise<boolean> {
    if (jobs.length === 0) return true;
    try {
      await withTimeout(this.queue(name).addBulk(jobs), timeoutMs);
      return true;
    } catch (error) {
      this.logger.warn(`could not enqueue ${jobs.length} ${name} job(s) now (${(error as Error).message}); the reconciler will`);
      return false;
    }
  }

  async removeSafely(name: string, jobIds: string[], timeoutMs = 2000): Promise<void> {
    if (jobIds.length === 0) return;
    try {
      const queue = this.queue(name);
      await withTimeout(Promise.all(jobIds.map((id) => queue.remove(id))), timeoutMs);
    } catch (error) {
      // A stale job left behind is harmless: its handler finds the row cancelled and skips it.
      this.logger.warn(`could not remove ${jobIds.length} ${name} job(s): ${(error as Error).message}`);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    this.timers.forEach(clearInterval);
    if (this.stalledTimer) clearTimeout(this.stalledTimer);
    this.watcher?.disconnect();
    await Promise.allSettled(this.workers.map((w) => w.close()));
    await Promise.allSettled([...this.queues.values()].map((q) => q.close()));
  }
}

export function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
    promise.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      (e: unknown) => {
        clearTimeout(timer);
        reject(e);
      },
    );
  });
}
