import { Inject, Injectable, OnApplicationBootstrap, OnModuleInit } from '@nestjs/common';
import { DiscoveryService, MetadataScanner } from '@nestjs/core';
import type { Job, Queue } from 'bullmq';
import { APP_CONFIG, type AppConfig, runsWorkers } from '../config';
import { QueueFactory } from '../queues';
import { JobHandlerMeta, type JobSchedule } from './job-handler.decorator';

interface Handler {
  queue: string;
  job: string;
  schedule?: JobSchedule;
  /** Provider and method, for messages. */
  owner: string;
  run: (data: unknown) => Promise<unknown>;
}

/**
 * The job handlers, found by their @JobHandler decorator. Start-up fails when a catalogued job has
 * no handler, two handlers claim one job, or a handler names a job the catalogue does not list.
 * Where workers run (WORKERS_IN_PROCESS, or an apps/worker process), it starts one worker per
 * queue, dispatching by job name, and the schedules the handlers declare.
 */
@Injectable()
export class JobRegistry implements OnModuleInit, OnApplicationBootstrap {
  /** queue → job name → handler */
  private readonly handlers = new Map<string, Map<string, Handler>>();

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly queues: QueueFactory,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    const problems: string[] = [];
    const seen = new Set<object>();
    for (const wrapper of this.discovery.getProviders()) {
      const instance: unknown = wrapper.instance;
      // Handlers are singletons (a request-scoped provider has no instance to run jobs on).
      if (!instance || typeof instance !== 'object' || !wrapper.isDependencyTreeStatic() || seen.has(instance)) continue;
      seen.add(instance);
      for (const method of this.scanner.getAllMethodNames(Object.getPrototypeOf(instance))) {
        const meta = this.discovery.getMetadataByDecorator(JobHandlerMeta, wrapper, method);
        if (!meta) continue;
        const fn = (instance as Record<string, (data: unknown) => Promise<unknown>>)[method];
        const owner = `${instance.constructor.name}.${method}`;
        const problem = this.add({ ...meta, owner, run: (data) => fn.call(instance, data) });
        if (problem) problems.push(problem);
      }
    }
    for (const [queue, spec] of Object.entries(this.queues.catalogue)) {
      for (const job of Object.keys(spec.jobs)) {
        if (!this.handlers.get(queue)?.has(job)) problems.push(`job "${queue}/${job}" has no handler: mark a provider's method with @JobHandler('${queue}', '${job}')`);
      }
    }
    if (problems.length > 0) throw new Error(`配置错误 / invalid job handlers:\n  ${problems.join('\n  ')}`);
  }

  private add(handler: Handler): string | null {
    const { queue, job, owner } = handler;
    if (!this.queues.catalogue[queue]?.jobs[job]) return `${owner} handles job "${queue}/${job}", which the job catalogue does not list`;
    const jobs = this.handlers.get(queue) ?? new Map<string, Handler>();
    this.handlers.set(queue, jobs);
    const other = jobs.get(job);
    if (other) return `job "${queue}/${job}" has two handlers: ${other.owner} and ${owner}`;
    jobs.set(job, handler);
    return null;
  }

  onApplicationBootstrap(): void {
    if (!runsWorkers(this.config)) return;
    for (const [queue, spec] of Object.entries(this.queues.catalogue)) {
      this.queues.worker(queue, (job: Job) => this.dispatch(queue, job), spec.concurrency);
      for (const h of this.handlers.get(queue)?.values() ?? []) {
        if (h.schedule === 'reconcile') this.queues.startReconciler(queue, { jobName: h.job, run: () => h.run({}) });
        else if (h.schedule) void this.queues.schedule(queue, h.job, h.schedule);
      }
    }
  }

  /** Runs a job through its handler; a job name without one fails the job, saying so. */
  dispatch(queue: string, job: Pick<Job, 'name' | 'data'>): Promise<unknown> {
    const handler = this.handlers.get(queue)?.get(job.name);
    if (!handler) {
      const known = [...(this.handlers.get(queue)?.keys() ?? [])].join(', ') || 'none';
      return Promise.reject(new Error(`no handler for job "${job.name}" on queue "${queue}" (its jobs: ${known})`));
    }
    return handler.run(job.data);
  }

  /** Every catalogued queue (Bull Board shows these). */
  queueList(): Queue[] {
    return Object.keys(this.queues.catalogue).map((name) => this.queues.queue(name));
  }
}
