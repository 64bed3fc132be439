// The scale-out test at full size: 2 API processes and 3 worker processes on one PostgreSQL and
// one Redis, 10,000 reminders and 1,000 approvals (`npm test` runs the same test at 1,000 / 100).
//   node tools/test-scale-out.mjs [--reminders 10000] [--approvals 1000]
// Prints the measured figures as a `[scale-out figures] {…}` line.
import { ensureServices, ServiceError } from './lib/services.mjs';
import { ensureDependencies, runNpx } from './lib/workspace.mjs';

const log = (message) => console.log(`[luoshi scale-out] ${message}`);

function option(name, fallback) {
  const at = process.argv.indexOf(`--${name}`);
  const value = at >= 0 ? Number(process.argv[at + 1]) : fallback;
  if (!Number.isInteger(value) || value < 1) throw new ServiceError(`--${name} must be a positive whole number`);
  return value;
}

async function main() {
  const reminders = option('reminders', 10_000);
  const approvals = option('approvals', 1_000);
  ensureDependencies(log);
  const services = await ensureServices({ log });
  process.env.DATABASE_URL = services.databaseUrl;
  process.env.REDIS_URL = services.redisUrl;
  process.env.LUOSHI_SCALE_REMINDERS = String(reminders);
  process.env.LUOSHI_SCALE_APPROVALS = String(approvals);
  log(`${reminders} reminders, ${approvals} approvals through 2 API instances and 3 workers`);
  runNpx(['jest', '-c', 'jest.integration.config.js', '--ci', '--runInBand', '--forceExit', 'apps/api/test/scale-out.e2e-spec.ts']);
}

main().catch((error) => {
  console.error(`[luoshi scale-out] FAILED: ${error.message ?? error}`);
  process.exit(error.exitCode ?? 1);
});
