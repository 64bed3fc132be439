// `npm run plan:import -- FILE [--dry-run] [--confirm-removals]`: the import from the command line.
import { resolve } from 'node:path';
import { ensureDatabase, ensureServices } from './lib/services.mjs';
import { buildAll, ensureDependencies, runCli } from './lib/workspace.mjs';

const args = process.argv.slice(2).map((a) => (a.startsWith('--') ? a : resolve(a)));
ensureDependencies();
const { databaseUrl, redisUrl } = await ensureServices();
await ensureDatabase(databaseUrl, console.log);
buildAll();
const env = { DATABASE_URL: databaseUrl, REDIS_URL: redisUrl };
runCli(['migrate'], env);
runCli(['plan-import', ...args], env);
