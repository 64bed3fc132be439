// `npm run db:migrate` / `npm run db:seed`: the database steps of `npm start`, on their own
// (DATABASE_URL / REDIS_URL when given; services started and the database created when missing).
import { ensureDatabase, ensureServices, redact, ServiceError } from './lib/services.mjs';
import { buildApi, ensureDependencies, runCli } from './lib/workspace.mjs';

const COMMANDS = ['migrate', 'seed'];
const log = (message) => console.log(`[luoshi db] ${message}`);

try {
  const command = process.argv[2];
  if (!COMMANDS.includes(command)) throw new ServiceError(`usage: node tools/db.mjs ${COMMANDS.join('|')}`);
  ensureDependencies(log);
  const { databaseUrl, redisUrl } = await ensureServices({ log });
  await ensureDatabase(databaseUrl, log);
  buildApi();
  log(`${command}: ${redact(databaseUrl)}`);
  runCli([command], { DATABASE_URL: databaseUrl, REDIS_URL: redisUrl });
} catch (error) {
  console.error(`[luoshi db] FAILED: ${error instanceof ServiceError ? error.message : (error.message ?? error)}`);
  process.exit(error.exitCode ?? 1);
}
