import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../processes';

/**
 * A PostgreSQL cluster of the test's own (initdb in a temporary directory, a free port, trust
 * authentication on 127.0.0.1 only), so a test may restart it; the machine's own cluster is never
 * touched. Run as the `postgres` OS user when the test runs as root.
 */
export class PrivatePostgres {
  private constructor(
    readonly port: number,
    private readonly dir: string,
    private readonly bin: string,
  ) {}

  static binDir(): string | null {
    const root = '/usr/lib/postgresql';
    if (!existsSync(root)) return null;
    const versions = readdirSync(root).filter((v) => existsSync(join(root, v, 'bin/pg_ctl'))).sort((a, b) => Number(b) - Number(a));
    return versions.length ? join(root, versions[0], 'bin') : null;
  }

  static async start(): Promise<PrivatePostgres> {
    const bin = PrivatePostgres.binDir();
    if (!bin) throw new Error('no PostgreSQL server binaries under /usr/lib/postgresql/*/bin');
    const dir = mkdtempSync(join(tmpdir(), 'luoshi-pg-'));
    chmodSync(dir, 0o700);
    if (process.getuid?.() === 0) {
      const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
      const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
      chownSync(dir, uid, gid);
    }
    const pg = new PrivatePostgres(await freePort(), dir, bin);
    pg.run('initdb', ['-D', join(dir, 'data'), '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--no-sync']);
    pg.ctl('start');
    return pg;
  }

  get url(): string {
    return `postgres://postgres@127.0.0.1:${this.port}`;
  }

  private run(tool: string, args: string[]): string {
    const command = join(this.bin, tool);
    const asPostgres = process.getuid?.() === 0;
    return execFileSync(asPostgres ? 'runuser' : command, asPostgres ? ['-u', 'postgres', '--', command, ...args] : args, { cwd: this.dir, stdio: ['ignore', 'pipe', 'pipe'] }).toString();
  }

  private ctlArgs(action: 'start' | 'restart' | 'stop', mode: string): string[] {
    const options = `-p ${this.port} -k ${this.dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=50`;
    return ['-D', join(this.dir, 'data'), '-l', join(this.dir, 'server.log'), '-w', '-t', '120', '-m', mode, ...(action === 'stop' ? [] : ['-o', options]), action];
  }

  private ctl(action: 'start' | 'restart' | 'stop', mode = 'fast'): void {
    this.run('pg_ctl', this.ctlArgs(action, mode));
  }

  /** Restarts the server without blocking the test, dropping every connection (immediate: like a crash, then recovery). */
  async restart(): Promise<void> {
    const command = join(this.bin, 'pg_ctl');
    const args = this.ctlArgs('restart', 'immediate');
    if (process.getuid?.() === 0) await promisify(execFile)('runuser', ['-u', 'postgres', '--', command, ...args], { cwd: this.dir });
    else await promisify(execFile)(command, args, { cwd: this.dir });
  }

  stop(): void {
    try {
      this.ctl('stop', 'immediate');
    } finally {
      rmSync(this.dir, { recursive: true, force: true });
    }
  }
}
