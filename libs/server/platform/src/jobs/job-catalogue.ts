import type { JobsOptions } from 'bullmq';
import type { AppConfig } from '../config';

/**
 * One job of the catalogue: its payload (a type only: ids, the database holds the state) and its
 * default options, built once from the configuration when the queues are created.
 */
export interface JobSpec<P> {
  readonly options: (config: AppConfig) => JobsOptions;
  /** Never set: it carries the payload type for the compiler. */
  readonly payload?: P;
}

export interface QueueSpec {
  /** Jobs run at once by one worker process (WORKER_CONCURRENCY when absent). */
  readonly concurrency?: number;
  readonly jobs: Readonly<Record<string, JobSpec<unknown>>>;
}

export type Catalogue = Readonly<Record<string, QueueSpec>>;

const job = <P>(options: (config: AppConfig) => JobsOptions): JobSpec<P> => ({ options });

/** A job that leaves no trace when it ends: its row in the database tells what happened. */
const ONE_SHOT = { removeOnComplete: true, removeOnFail: true } as const;

/** Completed and failed runs of a job scheduler kept for inspection: bounded, never forever. */
export const SCHEDULER_JOB_RETENTION = { removeOnComplete: 50, removeOnFail: 200 } as const;

/** A job run by a job scheduler (a reconciler, a daily run): no payload, its recent runs kept. */
const scheduled = () => job<Record<string, never>>(() => SCHEDULER_JOB_RETENTION);

/** Sending attempts of a queued delivery before it ends as failed (BullMQ retries, the row counts). */
export const DELIVERY_ATTEMPTS = 5;

/**
 * Every queue and job: queue name → job name → payload and default options. Each job needs exactly
 * one @JobHandler (start-up fails otherwise); producers take their options from here.
 */
export const JOB_CATALOGUE = {
  reminders: {
    jobs: {
      'deliver-reminder': job<{ reminderId: string }>(() => ONE_SHOT),
      'reconcile-reminders': scheduled(),
    },
  },
  approvals: {
    jobs: {
      'approval-timeout': job<{ instanceId: string }>(() => ONE_SHOT),
      'reconcile-approval-timeouts': scheduled(),
    },
  },
  notifications: {
    jobs: {
      'send-delivery': job<{ deliveryId: string }>((config) => ({
        ...ONE_SHOT,
        attempts: DELIVERY_ATTEMPTS,
        backoff: { type: 'exponential', delay: config.DELIVERY_BACKOFF_MS },
      })),
      'send-digests': scheduled(),
    },
  },
  reports: {
    concurrency: 1,
    jobs: { 'ensure-report-drafts': scheduled() },
  },
  tasks: {
    concurrency: 1,
    // Moves the stored task colours to today and folds the dashboards' pending counts (TaskHealthRollup).
    jobs: { 'move-health-clock': scheduled() },
  },
} as const satisfies Catalogue;

/** Replaces the catalogue in tests (a registry over a small catalogue of their own). */
export const JOB_CATALOGUE_TOKEN = Symbol('JOB_CATALOGUE');

type Jobs = typeof JOB_CATALOGUE;
export type QueueName = keyof Jobs;
export type JobName<Q extends QueueName> = keyof Jobs[Q]['jobs'] & string;
export type JobPayload<Q extends QueueName, J extends JobName<Q>> = Jobs[Q]['jobs'][J] extends JobSpec<infer P> ? P : never;
/** A queue's jobs: job name → payload. */
export type QueueJobs<Q extends QueueName> = { [J in JobName<Q>]: JobPayload<Q, J> };

/** Every job's default options, built once: queue → job → options. */
export function buildJobOptions(catalogue: Catalogue, config: AppConfig): Map<string, Map<string, JobsOptions>> {
  return new Map(
    Object.entries(catalogue).map(([queue, spec]) => [queue, new Map(Object.entries(spec.jobs).map(([name, j]) => [name, j.options(config)]))]),
  );
}
