import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { type ConnectionOptions, type JobsOptions, Queue, Worker, type Processor } from 'bullmq';
import { APP_CONFIG, type AppConfig } from './config';
import { redisConnectionOptions } from './redis-connection';

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

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** ioredis options (direct or through Sentinel); BullMQ's own option type is looser than ioredis'. */
  private connection(extra: { enableOfflineQueue?: boolean; maxRetriesPerRequest: number | null }): ConnectionOptions {
    return { ...redisConnectionOptions(this.config), ...extra } as ConnectionOptions;
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
      lockDuration: this.config.WORKER_LOCK_MS,
      stalledInterval: this.config.WORKER_LOCK_MS,
    });
    worker.on('error', (err) => this.logger.warn(`worker ${name}: ${err.message}`));
    worker.on('failed', (job, err) => this.logger.warn(`job ${name}/${job?.name}/${job?.id} failed: ${err.message}`));
    this.workers.push(worker);
    return worker;
  }

  /**
   * A worker for a queue whose state lives in the database, with its reconciler: a BullMQ job
   * scheduler runs `reconcile` every RECONCILE_EVERY_SECONDS, and an in-process timer puts the
   * scheduler back (a flushed Redis loses it) and reconciles directly, so nothing depends on
   * Redis having kept anything.
   */
  startReconciledWorker(name: string, processor: Processor, reconcile: { jobName: string; run: () => Promise<unknown> }): void {
    this.worker(name, processor);
    const every = this.config.RECONCILE_EVERY_SECONDS * 1000;
    const ensureScheduler = () =>
      this.queue(name)
        .upsertJobScheduler(reconcile.jobName, { every }, { name: reconcile.jobName, data: {} })
        .catch((err: Error) => this.logger.warn(`${name}: ${reconcile.jobName} scheduler not registered now: ${err.message}`));
    void ensureScheduler();
    const timer = setInterval(() => {
      void ensureScheduler();
      void reconcile.run().catch((err: Error) => this.logger.warn(`${name}: ${reconcile.jobName} failed: ${err.message}`));
    }, every);
    timer.unref();
    this.timers.push(timer);
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
