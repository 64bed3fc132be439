// `npm run audit:verify`: proves the audit trail's hash chain unbroken, or names its first broken row (exit 3).
import { ensureDatabase, ensureServices } from './lib/services.mjs';
import { buildAll, ensureDependencies, runCli } from './lib/workspace.mjs';

ensureDependencies();
const { databaseUrl, redisUrl } = await ensureServices();
await ensureDatabase(databaseUrl, console.log);
buildAll();
const env = { DATABASE_URL: databaseUrl, REDIS_URL: redisUrl };
runCli(['migrate'], env);
try {
  runCli(['audit-verify'], env);
} catch (error) {
  process.exit(error.exitCode ?? 1);
}
