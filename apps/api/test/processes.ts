import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import net from 'node:net';
import { join } from 'node:path';

const ROOT = join(__dirname, '../../..');

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address() as net.AddressInfo;
      server.close(() => resolve(address.port));
    });
    server.on('error', reject);
  });
}

async function waitForPort(port: number, up: boolean, timeoutMs = 15000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect({ host: '127.0.0.1', port });
      socket.once('connect', () => (socket.destroy(), resolve(true)));
      socket.once('error', () => resolve(false));
    });
    if (open === up) return;
    if (Date.now() > deadline) throw new Error(`port ${port} did not become ${up ? 'open' : 'closed'}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** A Redis server of the test's own, so the test may flush or stop it without touching anyone else's. */
export class PrivateRedis {
  private child?: ChildProcess;
  constructor(readonly port: number) {}

  static async start(): Promise<PrivateRedis> {
    const redis = new PrivateRedis(await freePort());
    await redis.start();
    return redis;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    this.child = spawn('redis-server', ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--maxmemory-policy', 'noeviction'], {
      stdio: 'ignore',
    });
    await waitForPort(this.port, true);
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (!child) return;
    this.child = undefined;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGKILL');
    await exited;
    await waitForPort(this.port, false);
  }
}

/** Compiles the server (incremental) so worker and API processes run the current code. */
export function buildServer(): void {
  execFileSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'apps/api/tsconfig.app.json'], { cwd: ROOT, stdio: 'inherit' });
}

export interface ServerProcess {
  child: ChildProcess;
  output: () => string;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/** Starts a compiled entry point; ready when its output matches `ready`, or when the `ready` probe answers true. */
function startNode(entry: string, env: Record<string, string>, ready: RegExp | (() => Promise<boolean>), timeoutMs = 30000): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['-r', join(ROOT, 'tools/register-paths.cjs'), join(ROOT, entry)], {
    cwd: ROOT,
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const handle: ServerProcess = {
    child,
    output: () => output,
    stop: async (signal = 'SIGTERM') => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill(signal);
      await exited;
    },
  };
  return new Promise((resolve, reject) => {
    let settled = false;
    const timer = setTimeout(() => ((settled = true), reject(new Error(`${entry} not ready in time:\n${output}`))), timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (ready instanceof RegExp && ready.test(output)) {
        clearTimeout(timer);
        settled = true;
        resolve(handle);
      }
    };
    if (typeof ready === 'function') {
      const probe = async (): Promise<void> => {
        if (settled) return;
        if (await ready().catch(() => false)) {
          clearTimeout(timer);
          settled = true;
          resolve(handle);
        } else setTimeout(() => void probe(), 250);
      };
      void probe();
    }
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      settled = true;
      reject(new Error(`${entry} exited (${code}) before it was ready:\n${output}`));
    });
  });
}

export function startWorkerProcess(env: Record<string, string>): Promise<ServerProcess> {
  return startNode('dist/server/apps/worker/src/main.js', env, /luoshi worker ready/);
}

export function startApiProcess(env: Record<string, string>): Promise<ServerProcess> {
  return startNode('dist/server/apps/api/src/main.js', { ...env, LOG_LEVEL: 'info' }, /Nest application successfully started/);
}

/** An API process without request logs (LOG_LEVEL warn unless given), ready when /api/health answers 200. */
export function startQuietApiProcess(env: Record<string, string> & { PORT: string }, timeoutMs = 60000): Promise<ServerProcess> {
  const healthy = async () => (await fetch(`http://127.0.0.1:${env.PORT}/api/health`)).status === 200;
  return startNode('dist/server/apps/api/src/main.js', { LOG_LEVEL: 'warn', ...env }, healthy, timeoutMs);
}
