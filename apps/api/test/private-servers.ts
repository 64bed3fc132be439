import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Redis from 'ioredis';
import { Client } from 'pg';
import { waitFor } from './fixtures';
import { freePort } from './processes';

/**
 * Servers a test starts for itself, on free ports in temporary directories, and removes: a Redis
 * master + replica + sentinel, and a PostgreSQL primary + streaming replica. The machine's own
 * services (PostgreSQL on 5432, Redis on 6379) are never touched.
 */

function spawnServer(command: string, args: string[]): ChildProcess {
  const child = spawn(command, args, { stdio: 'ignore' });
  child.on('error', () => undefined);
  return child;
}

async function kill(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGKILL');
  await exited;
}

async function redisAnswers(port: number): Promise<boolean> {
  const client = new Redis({ host: '127.0.0.1', port, lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  client.on('error', () => undefined);
  try {
    await client.connect();
    return (await client.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}

/** A Redis master with one replica, watched by one sentinel (quorum 1) that fails over within seconds. */
export class PrivateSentinelGroup {
  readonly masterName = 'luoshi-test';
  private readonly children = new Map<'master' | 'replica' | 'sentinel', ChildProcess>();
  private constructor(
    private readonly dir: string,
    readonly masterPort: number,
    readonly replicaPort: number,
    readonly sentinelPort: number,
  ) {}

  static async start(): Promise<PrivateSentinelGroup> {
    const dir = mkdtempSync(join(tmpdir(), 'luoshi-sentinel-'));
    const group = new PrivateSentinelGroup(dir, await freePort(), await freePort(), await freePort());
    await group.boot();
    return group;
  }

  get sentinels(): string {
    return `127.0.0.1:${this.sentinelPort}`;
  }

  private redisArgs(port: number): string[] {
    return ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--maxmemory-policy', 'noeviction', '--dir', this.dir];
  }

  private async boot(): Promise<void> {
    this.children.set('master', spawnServer('redis-server', this.redisArgs(this.masterPort)));
    this.children.set('replica', spawnServer('redis-server', [...this.redisArgs(this.replicaPort), '--replicaof', '127.0.0.1', String(this.masterPort)]));
    const conf = join(this.dir, 'sentinel.conf');
    writeFileSync(
      conf,
      [
        `port ${this.sentinelPort}`,
        'bind 127.0.0.1',
        `dir ${this.dir}`,
        `sentinel monitor ${this.masterName} 127.0.0.1 ${this.masterPort} 1`,
        `sentinel down-after-milliseconds ${this.masterName} 1000`,
        `sentinel failover-timeout ${this.masterName} 5000`,
        `sentinel parallel-syncs ${this.masterName} 1`,
        '',
      ].join('\n'),
    );
    for (const port of [this.masterPort, this.replicaPort]) await waitFor(() => redisAnswers(port), Boolean, 20_000, `redis on ${port}`);
    const master = new Redis({ host: '127.0.0.1', port: this.masterPort });
    await waitFor(() => master.info('replication'), (info) => /slave0:.*state=online/.test(info), 30_000, 'the replica in sync');
    master.disconnect();
    this.children.set('sentinel', spawnServer('redis-server', [conf, '--sentinel']));
    await waitFor(() => redisAnswers(this.sentinelPort), Boolean, 20_000, 'the sentinel');
    // The sentinel learns of the replica from the master's INFO (every ~10 s); failover needs it.
    await waitFor(() => this.sentinelCommand('REPLICAS', this.masterName) as Promise<unknown[]>, (r) => r.length >= 1, 40_000, 'the sentinel to know the replica');
  }

  async sentinelCommand(...args: string[]): Promise<unknown> {
    const client = new Redis({ host: '127.0.0.1', port: this.sentinelPort, lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    client.on('error', () => undefined);
    try {
      await client.connect();
      return await client.call('SENTINEL', ...args);
    } finally {
      client.disconnect();
    }
  }

  /** The port the sentinel names as master now. */
  async currentMasterPort(): Promise<number> {
    const [, port] = (await this.sentinelCommand('GET-MASTER-ADDR-BY-NAME', this.masterName)) as [string, string];
    return Number(port);
  }

  async killMaster(): Promise<void> {
    await kill(this.children.get('master'));
  }

  async stop(): Promise<void> {
    for (const child of this.children.values()) await kill(child);
    rmSync(this.dir, { recursive: true, force: true });
  }
}

const PG_BIN = (() => {
  const base = '/usr/lib/postgresql';
  const versions = existsSync(base) ? readdirSync(base).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a)) : [];
  return versions.length ? join(base, versions[0], 'bin') : '';
})();

/** Whether this machine can run a private PostgreSQL pair (the binaries, and root to switch to postgres). */
export function canRunPostgresPair(): boolean {
  return PG_BIN !== '' && existsSync(join(PG_BIN, 'pg_basebackup')) && process.getuid?.() === 0;
}

/** Runs a PostgreSQL binary as the postgres OS user (the server refuses to run as root). */
function asPostgres(binary: string, args: string[]): string {
  return execFileSync('runuser', ['-u', 'postgres', '--', join(PG_BIN, binary), ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/**
 * A PostgreSQL primary and a hot-standby streaming replica made with initdb and pg_basebackup,
 * both with pg_stat_statements, so a test can see which server ran a statement.
 */
export class PrivatePostgresPair {
  private constructor(
    private readonly dir: string,
    readonly primaryPort: number,
    readonly replicaPort: number,
  ) {}

  static async start(): Promise<PrivatePostgresPair> {
    const dir = mkdtempSync(join(tmpdir(), 'luoshi-pg-pair-'));
    const postgresUid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const postgresGid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    chownSync(dir, postgresUid, postgresGid);
    const pair = new PrivatePostgresPair(dir, await freePort(), await freePort());
    pair.boot();
    return pair;
  }

  private get primaryDir(): string {
    return join(this.dir, 'primary');
  }
  private get replicaDir(): string {
    return join(this.dir, 'replica');
  }

  url(which: 'primary' | 'replica', database: string): string {
    return `postgres://postgres@127.0.0.1:${which === 'primary' ? this.primaryPort : this.replicaPort}/${database}`;
  }

  private boot(): void {
    asPostgres('initdb', ['-D', this.primaryDir, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--locale=C.UTF-8', '--no-sync']);
    appendFileSync(
      join(this.primaryDir, 'postgresql.conf'),
      [
        '',
        `port = ${this.primaryPort}`,
        "listen_addresses = '127.0.0.1'",
        `unix_socket_directories = '${this.dir}'`,
        "shared_preload_libraries = 'pg_stat_statements'",
        'pg_stat_statements.track = all',
        'shared_buffers = 32MB',
        'max_connections = 60',
        'fsync = off',
        'synchronous_commit = off',
        'full_page_writes = off',
        'wal_level = replica',
        'max_wal_senders = 4',
        'hot_standby = on',
        '',
      ].join('\n'),
    );
    this.pgCtl(this.primaryDir, 'start');
    asPostgres('pg_basebackup', ['-h', '127.0.0.1', '-p', String(this.primaryPort), '-U', 'postgres', '-D', this.replicaDir, '-R', '-X', 'stream', '-c', 'fast', '--no-sync']);
    // The copy carries the primary's settings; the replica listens on its own port.
    appendFileSync(join(this.replicaDir, 'postgresql.conf'), `\nport = ${this.replicaPort}\n`);
    this.pgCtl(this.replicaDir, 'start');
  }

  private pgCtl(dataDir: string, action: 'start' | 'stop'): void {
    const args = action === 'start' ? ['-D', dataDir, '-l', `${dataDir}.log`, '-w', '-t', '120', 'start'] : ['-D', dataDir, '-m', 'immediate', '-w', 'stop'];
    asPostgres('pg_ctl', args);
  }

  /** Runs SQL on one server's database and returns the rows. */
  async query<T = Record<string, unknown>>(which: 'primary' | 'replica', database: string, sql: string, params: unknown[] = []): Promise<T[]> {
    const client = new Client({ connectionString: this.url(which, database) });
    await client.connect();
    try {
      return (await client.query(sql, params)).rows as T[];
    } finally {
      await client.end();
    }
  }

  stopReplica(): void {
    this.pgCtl(this.replicaDir, 'stop');
  }

  stop(): void {
    for (const dataDir of [this.replicaDir, this.primaryDir]) {
      try {
        this.pgCtl(dataDir, 'stop');
      } catch {
        /* already stopped */
      }
    }
    rmSync(this.dir, { recursive: true, force: true });
  }
}
