// Finds PostgreSQL and Redis, starts the local servers when they are installed but stopped, and
// creates the project's database. Used by `npm start`, `npm test` and the bench.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import net from 'node:net';

export const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/luoshi';
export const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379';

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '::1', '[::1]']);

export class ServiceError extends Error {}

function parseUrl(name, value, protocols) {
  let url;
  try {
    url = new URL(value);
  } catch {
    throw new ServiceError(`${name} is not a valid URL: "${value}". Example: ${name === 'DATABASE_URL' ? DEFAULT_DATABASE_URL : DEFAULT_REDIS_URL}`);
  }
  if (!protocols.includes(url.protocol)) {
    throw new ServiceError(`${name} must start with ${protocols.map((p) => p + '//').join(' or ')} (got "${url.protocol}//")`);
  }
  return url;
}

export function canConnect(host, port, timeoutMs = 1500) {
  return new Promise((resolve) => {
    const socket = net.connect({ host: host.replace(/^\[|\]$/g, ''), port: Number(port) });
    const done = (ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

async function waitFor(host, port, seconds) {
  for (let i = 0; i < seconds * 4; i++) {
    if (await canConnect(host, port, 500)) return true;
    await new Promise((r) => setTimeout(r, 250));
  }
  return false;
}

const has = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;

async function ensurePostgres(url, log) {
  const port = url.port || '5432';
  if (await canConnect(url.hostname, port)) return;
  const local = LOCAL_HOSTS.has(url.hostname);
  if (local && has('pg_ctlcluster') && existsSync('/etc/postgresql')) {
    const versions = readdirSync('/etc/postgresql');
    log(`PostgreSQL is not running on ${url.hostname}:${port}; starting it (pg_ctlcluster ${versions[0]} main start)…`);
    try {
      execFileSync('pg_ctlcluster', ['--skip-systemctl-redirect', versions[0], 'main', 'start'], { stdio: 'inherit' });
    } catch {
      /* reported below */
    }
    if (await waitFor(url.hostname, port, 20)) return;
  }
  throw new ServiceError(
    `PostgreSQL is not reachable at ${url.hostname}:${port} (DATABASE_URL). ` +
      `Install it from Debian's packages (apt-get install postgresql) or run \`docker compose up -d\`, ` +
      `or set DATABASE_URL to a running server.`,
  );
}

async function ensureRedis(url, log) {
  const port = url.port || '6379';
  if (await canConnect(url.hostname, port)) return;
  const local = LOCAL_HOSTS.has(url.hostname);
  if (local && has('redis-server')) {
    log(`Redis is not running on ${url.hostname}:${port}; starting redis-server…`);
    try {
      execFileSync('redis-server', ['--daemonize', 'yes', '--bind', '127.0.0.1', '-::1', '--port', String(port), '--save', '', '--appendonly', 'no'], {
        stdio: 'inherit',
      });
    } catch {
      /* reported below */
    }
    if (await waitFor(url.hostname, port, 15)) return;
  }
  throw new ServiceError(
    `Redis is not reachable at ${url.hostname}:${port} (REDIS_URL). ` +
      `Install it from Debian's packages (apt-get install redis-server) or run \`docker compose up -d\`, ` +
      `or set REDIS_URL to a running server.`,
  );
}

/** Makes sure the database named in DATABASE_URL exists; connects to the server's `postgres` database for that. */
export async function ensureDatabase(databaseUrl, log) {
  const { default: pg } = await import('pg');
  const url = new URL(databaseUrl);
  const name = decodeURIComponent(url.pathname.replace(/^\//, ''));
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) {
    throw new ServiceError(`DATABASE_URL names the database "${name}"; use lowercase letters, digits and _ only.`);
  }
  const admin = new URL(databaseUrl);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString(), connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
  } catch (error) {
    throw new ServiceError(`Cannot connect to PostgreSQL with DATABASE_URL (${redact(databaseUrl)}): ${error.message}`);
  }
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount === 0) {
      log(`Creating database ${name}…`);
      await client.query(`CREATE DATABASE "${name}"`);
    }
  } finally {
    await client.end();
  }
}

export async function dropDatabase(databaseUrl) {
  const { default: pg } = await import('pg');
  const url = new URL(databaseUrl);
  const name = url.pathname.replace(/^\//, '');
  url.pathname = '/postgres';
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

export function redact(url) {
  return url.replace(/\/\/([^:@/]+):[^@/]+@/, '//$1:***@');
}

/** Checks both URLs, starts local servers when needed; returns the URLs to use. */
export async function ensureServices({ log = console.log } = {}) {
  const databaseUrl = process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
  const redisUrl = process.env.REDIS_URL || DEFAULT_REDIS_URL;
  const db = parseUrl('DATABASE_URL', databaseUrl, ['postgres:', 'postgresql:']);
  const redis = parseUrl('REDIS_URL', redisUrl, ['redis:', 'rediss:']);
  await ensurePostgres(db, log);
  await ensureRedis(redis, log);
  return { databaseUrl, redisUrl };
}

/** Same server, another database name (fresh databases for tests and benches). */
export function withDatabaseName(databaseUrl, name) {
  const url = new URL(databaseUrl);
  url.pathname = `/${name}`;
  return url.toString();
}
