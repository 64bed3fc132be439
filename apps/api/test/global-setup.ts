import { Client } from 'pg';

/** One fresh database per test run, on the real PostgreSQL; its name goes to the tests by env. */
export default async function globalSetup(): Promise<void> {
  const base = new URL(process.env['DATABASE_URL'] || 'postgres://postgres@127.0.0.1:5432/luoshi');
  const name = `luoshi_it_${Date.now()}_${process.pid}`;
  const admin = new URL(base.toString());
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString() });
  await client.connect();
  await client.query(`CREATE DATABASE "${name}"`);
  await client.end();
  base.pathname = `/${name}`;
  process.env['LUOSHI_IT_ADMIN_URL'] = admin.toString();
  process.env['LUOSHI_IT_DATABASE'] = name;
  process.env['DATABASE_URL'] = base.toString();
  process.env['REDIS_PREFIX'] = `luoshi-it-${Date.now()}`;
  process.env['LOG_LEVEL'] = 'silent';
  process.env['NODE_ENV'] = 'test';
  // The webhook receivers of the tests listen on loopback, which production refuses by default.
  process.env['WEBHOOK_ALLOWED_HOSTS'] = 'loopback';
}
