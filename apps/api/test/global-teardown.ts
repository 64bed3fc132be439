import { Client } from 'pg';
import Redis from 'ioredis';

/** Drops the run's database and its Redis keys. */
export default async function globalTeardown(): Promise<void> {
  const name = process.env['LUOSHI_IT_DATABASE'];
  const adminUrl = process.env['LUOSHI_IT_ADMIN_URL'];
  if (name && adminUrl && process.env['LUOSHI_KEEP_TEST_DB'] !== '1') {
    const client = new Client({ connectionString: adminUrl });
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.end();
  }
  const prefix = process.env['REDIS_PREFIX'];
  if (prefix) {
    const redis = new Redis(process.env['REDIS_URL'] || 'redis://127.0.0.1:6379', { lazyConnect: true });
    try {
      await redis.connect();
      let cursor = '0';
      do {
        const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
        if (keys.length) await redis.del(...keys);
        cursor = next;
      } while (cursor !== '0');
    } finally {
      redis.disconnect();
    }
  }
}
