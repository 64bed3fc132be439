import { DiscoveryService } from '@nestjs/core';
import type { JobName, JobPayload, QueueName } from './job-catalogue';

/**
 * When a handler's job runs without a producer: `'reconcile'` — every RECONCILE_EVERY_SECONDS by a
 * job scheduler, put back by an in-process timer after a Redis flush and run at once when Redis
 * returns (QueueFactory.startReconciler); or a cron pattern in a time zone (a daily run).
 */
export type JobSchedule = 'reconcile' | { pattern: string; tz: string };

export interface JobHandlerMetadata {
  queue: string;
  job: string;
  schedule?: JobSchedule;
}

/** The discoverable metadata behind @JobHandler (JobRegistry reads it). */
export const JobHandlerMeta = DiscoveryService.createDecorator<JobHandlerMetadata>();

/**
 * Marks a provider's method as the handler of one catalogued job. The compiler checks that the
 * method takes the job's payload; JobRegistry finds it at start-up and dispatches the job to it.
 *
 *   @JobHandler('reminders', 'deliver-reminder')
 *   async handleDeliverReminder({ reminderId }: QueueJobs<'reminders'>['deliver-reminder']) { … }
 */
export function JobHandler<Q extends QueueName, J extends JobName<Q>>(queue: Q, job: J, options: { schedule?: JobSchedule } = {}) {
  return <M extends (data: JobPayload<Q, J>) => Promise<unknown>>(target: object, key: string | symbol, descriptor: TypedPropertyDescriptor<M>): void => {
    JobHandlerMeta({ queue, job, ...options })(target, key, descriptor);
  };
}
