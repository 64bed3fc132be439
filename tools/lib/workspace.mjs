// Shared steps of the start, test and bench scripts: dependencies, builds, running the CLI.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, lstatSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const npx = (args) => ['npx', '--no-install', ...args];

export function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit', ...options });
  if (result.status !== 0) {
    const error = new Error(`${command} ${args.join(' ')} failed (exit ${result.status ?? result.signal})`);
    error.exitCode = result.status ?? 1;
    throw error;
  }
}

export function runNpx(args, options) {
  const [cmd, ...rest] = npx(args);
  run(cmd, rest, options);
}

/** Installs dependencies when node_modules is missing or older than the lock file. */
export function ensureDependencies(log = console.log) {
  // A linked node_modules is shared with another checkout (a git worktree): installing through the
  // link would empty it under everyone using it. The checkout that owns it installs.
  if (existsSync(join(ROOT, 'node_modules')) && lstatSync(join(ROOT, 'node_modules')).isSymbolicLink()) return;
  const lock = join(ROOT, 'package-lock.json');
  const marker = join(ROOT, 'node_modules', '.package-lock.json');
  if (existsSync(marker) && (!existsSync(lock) || statSync(marker).mtimeMs >= statSync(lock).mtimeMs)) return;
  log('Installing dependencies (npm ci)…');
  run('npm', existsSync(lock) ? ['ci', '--no-audit', '--no-fund'] : ['install', '--no-audit', '--no-fund']);
}

/** Builds the API and the web app; Nx's cache makes a second build of unchanged code instant. */
export function buildAll() {
  runNpx(['nx', 'run-many', '-t', 'build', '-p', 'api', 'web', '--output-style=stream']);
}

export const SERVER_MAIN = join(ROOT, 'dist/server/apps/api/src/main.js');
export const SERVER_CLI = join(ROOT, 'dist/server/apps/api/src/cli.js');
export const REGISTER_PATHS = join(ROOT, 'tools/register-paths.cjs');

export function runCli(args, env) {
  run(process.execPath, ['-r', REGISTER_PATHS, SERVER_CLI, ...args], { env: { ...process.env, ...env } });
}

export function startServer(env, { stdio = 'inherit' } = {}) {
  return spawn(process.execPath, ['-r', REGISTER_PATHS, SERVER_MAIN], {
    cwd: ROOT,
    env: { ...process.env, WEB_DIST_DIR: join(ROOT, 'dist/web/browser'), ...env },
    stdio,
  });
}

export async function waitForHealth(baseUrl, seconds = 60) {
  for (let i = 0; i < seconds * 2; i++) {
    try {
      const res = await fetch(`${baseUrl}/api/health`);
      if (res.status === 200 || res.status === 503) return true;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  return false;
}

const onPath = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;

/**
 * Installs Debian packages the tests need when their commands are missing (root, as on this
 * project's machines): { command: package-list }.
 */
export function ensureDebianPackages(needs, log = console.log) {
  installDebianPackages(Object.entries(needs).filter(([command]) => !onPath(command)).flatMap(([, packages]) => packages), log);
}

/** apt-get installs `packages` (nothing when the list is empty). */
export function installDebianPackages(packages, log = console.log) {
  if (packages.length === 0) return;
  log(`Installing Debian packages: ${packages.join(' ')} (apt-get install)…`);
  run('sh', ['-c', `apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends ${[...new Set(packages)].join(' ')}`]);
}

/** Builds the API only (the CLI and the server), through Nx's cache. */
export function buildApi() {
  runNpx(['nx', 'run', 'api:build', '--output-style=stream']);
}
