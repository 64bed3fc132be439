import { Logger } from '@nestjs/common';
import Redis from 'ioredis';
import { createRedisClient, loadConfig, QueueFactory } from '@luoshi/server/platform';
import { waitFor } from './fixtures';
import { PrivateSentinelGroup } from './private-servers';

/**
 * Redis Sentinel: the server's own connections (BullMQ queues and workers through QueueFactory,
 * pub/sub through createRedisClient) find the master through a sentinel the test starts, and keep
 * enqueueing, processing and relaying after the master is killed and the replica promoted.
 */
describe('Redis Sentinel failover', () => {
  let group: PrivateSentinelGroup;
  let factory: QueueFactory;
  const clients: Redis[] = [];
  const processed = new Set<string>();
  const received: string[] = [];
  const QUEUE = 'sentinel-check';

  beforeAll(async () => {
    // The expected connection errors during failover would flood the output.
    Logger.overrideLogger(['error']);
    group = await PrivateSentinelGroup.start();
  }, 120_000);

  afterAll(async () => {
    clients.forEach((c) => c.disconnect());
    await factory?.onApplicationShutdown();
    await group?.stop();
  });

  const jobs = (from: number, n: number) => Array.from({ length: n }, (_, i) => ({ name: 'check', data: { n: from + i }, opts: { jobId: `job-${from + i}`, removeOnComplete: false } }));

  it('enqueues, processes and relays pub/sub through the sentinel before and after the master fails', async () => {
    const config = loadConfig({
      REDIS_SENTINELS: group.sentinels,
      REDIS_SENTINEL_NAME: group.masterName,
      // REDIS_URL is not used for the address in sentinel mode: point it nowhere to prove it.
      REDIS_URL: 'redis://127.0.0.1:1',
      REDIS_PREFIX: 'luoshi-sentinel',
      WORKER_CONCURRENCY: '5',
      WORKER_LOCK_MS: '2000',
    });
    factory = new QueueFactory(config);
    factory.worker(QUEUE, async (job) => {
      processed.add(String(job.id));
    });
    const subscriber = createRedisClient(config, 'sentinel-test-subscriber');
    const publisher = createRedisClient(config, 'sentinel-test-publisher');
    clients.push(subscriber, publisher);
    for (const c of clients) c.on('error', () => undefined);
    // As NotificationStreamService does: (re)subscribe whenever the connection becomes ready.
    subscriber.on('ready', () => void subscriber.subscribe('luoshi-sentinel:notifications').catch(() => undefined));
    subscriber.on('message', (_channel: string, message: string) => received.push(message));

    const masterBefore = await group.currentMasterPort();
    expect(masterBefore).toBe(group.masterPort);
    await waitFor(() => factory.addBulkSafely(QUEUE, jobs(0, 20)), Boolean, 30_000, 'the first jobs enqueued');
    await waitFor(async () => processed.size, (n) => n === 20, 60_000, '20 jobs processed before failover');
    await waitFor(
      async () => (await publisher.publish('luoshi-sentinel:notifications', 'before').catch(() => 0), received),
      (r) => r.includes('before'),
      30_000,
      'a message relayed before failover',
    );

    await group.killMaster();
    await waitFor(() => group.currentMasterPort().catch(() => 0), (port) => port === group.replicaPort, 90_000, 'the sentinel to promote the replica');

    // The producer fails fast while the master is gone (the reconciler would catch up); once the
    // sentinel names the new master it enqueues again.
    await waitFor(() => factory.addBulkSafely(QUEUE, jobs(20, 20)), Boolean, 90_000, 'enqueueing after failover');
    await factory.addBulkSafely(QUEUE, jobs(40, 20));
    await waitFor(async () => processed.size, (n) => n === 60, 90_000, 'all 60 jobs processed after failover');

    // The jobs live on the promoted replica.
    const promoted = new Redis({ host: '127.0.0.1', port: group.replicaPort });
    clients.push(promoted);
    expect((await promoted.info('replication')).includes('role:master')).toBe(true);
    expect(await promoted.exists(`luoshi-sentinel:${QUEUE}:job-59`)).toBe(1);

    await waitFor(
      async () => ({ n: await publisher.publish('luoshi-sentinel:notifications', 'after').catch((e: Error) => e.message), received, p: publisher.status, s: subscriber.status }),
      (r) => r.received.includes('after'),
      60_000,
      'a message relayed after failover',
    );
  }, 300_000);
});
