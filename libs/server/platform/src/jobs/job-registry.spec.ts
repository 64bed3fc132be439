import { Injectable, Module, type Type } from '@nestjs/common';
import { DiscoveryModule, NestFactory } from '@nestjs/core';
import { APP_CONFIG, loadConfig } from '../config';
import { QueueFactory } from '../queues';
import { JOB_CATALOGUE, JOB_CATALOGUE_TOKEN, type QueueJobs } from './job-catalogue';
import { JobHandler } from './job-handler.decorator';
import { JobRegistry } from './job-registry';

/** The reminders queue alone: handlers for the others are not part of these tests. */
const CATALOGUE = { reminders: JOB_CATALOGUE.reminders };

@Injectable()
class ReminderHandlers {
  @JobHandler('reminders', 'deliver-reminder')
  async deliver({ reminderId }: QueueJobs<'reminders'>['deliver-reminder']): Promise<string> {
    return `delivered ${reminderId}`;
  }

  @JobHandler('reminders', 'reconcile-reminders', { schedule: 'reconcile' })
  async reconcile(): Promise<number> {
    return 3;
  }
}

@Injectable()
class DeliveryOnly {
  @JobHandler('reminders', 'deliver-reminder')
  async deliverAgain(): Promise<string> {
    return 'again';
  }
}

@Injectable()
class ApprovalHandler {
  @JobHandler('approvals', 'approval-timeout')
  async timeout(): Promise<string> {
    return 'timed out';
  }
}

/** A small Nest application context: discovery, the registry over CATALOGUE, and the given handlers. No workers (no Redis). */
async function start(handlers: Type[]) {
  @Module({
    imports: [DiscoveryModule],
    providers: [
      { provide: APP_CONFIG, useValue: loadConfig({ WORKERS_IN_PROCESS: 'false' }) },
      { provide: JOB_CATALOGUE_TOKEN, useValue: CATALOGUE },
      QueueFactory,
      JobRegistry,
      ...handlers,
    ],
  })
  class JobsTestModule {}
  return NestFactory.createApplicationContext(JobsTestModule, { logger: false, abortOnError: false });
}

describe(JobRegistry.name, () => {
  it('dispatches each job to its handler by name, with its payload', async () => {
    const app = await start([ReminderHandlers]);
    const registry = app.get(JobRegistry);
    await expect(registry.dispatch('reminders', { name: 'deliver-reminder', data: { reminderId: 'r1' } })).resolves.toBe('delivered r1');
    await expect(registry.dispatch('reminders', { name: 'reconcile-reminders', data: {} })).resolves.toBe(3);
    await app.close();
  });

  it('fails a job whose name has no handler, naming the queue, the job and the known jobs', async () => {
    const app = await start([ReminderHandlers]);
    await expect(app.get(JobRegistry).dispatch('reminders', { name: 'deliver-reminders', data: {} })).rejects.toThrow(
      'no handler for job "deliver-reminders" on queue "reminders" (its jobs: deliver-reminder, reconcile-reminders)',
    );
    await app.close();
  });

  it('refuses to start when a catalogued job has no handler', async () => {
    await expect(start([DeliveryOnly])).rejects.toThrow(`job "reminders/reconcile-reminders" has no handler: mark a provider's method with @JobHandler('reminders', 'reconcile-reminders')`);
  });

  it('refuses to start when two handlers claim one job', async () => {
    await expect(start([ReminderHandlers, DeliveryOnly])).rejects.toThrow('job "reminders/deliver-reminder" has two handlers: ReminderHandlers.deliver and DeliveryOnly.deliverAgain');
  });

  it('refuses to start when a handler names a job the catalogue does not list', async () => {
    await expect(start([ReminderHandlers, ApprovalHandler])).rejects.toThrow('ApprovalHandler.timeout handles job "approvals/approval-timeout", which the job catalogue does not list');
  });

});

describe(QueueFactory.name, () => {
  it('builds each job’s options once, from the catalogue and the configuration', () => {
    const factory = new QueueFactory(loadConfig({ DELIVERY_BACKOFF_MS: '1234' }));
    expect(factory.optionsOf('notifications', 'send-delivery')).toEqual({
      removeOnComplete: true,
      removeOnFail: true,
      attempts: 5,
      backoff: { type: 'exponential', delay: 1234 },
    });
    expect(factory.optionsOf('reports', 'ensure-report-drafts')).toEqual({ removeOnComplete: 50, removeOnFail: 200 });
  });
});
