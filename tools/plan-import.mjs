// `npm run plan:import -- FILE [--dry-run] [--confirm-removals]`: the import from the command line.
// FILE may be .txt, .md, .docx, .doc or .pdf; the CLI runs the same PlanImportService (reader, parser,
// seeded corrections and directory in the database) as POST /api/plans/import, so it prints the same counts.
import { resolve } from 'node:path';
import { ensureDatabase, ensureServices } from './lib/services.mjs';
import { ensureDependencies, runCli, runNpx } from './lib/workspace.mjs';

const args = process.argv.slice(2).map((a) => (a.startsWith('--') ? a : resolve(a)));
ensureDependencies();
const { databaseUrl, redisUrl } = await ensureServices();
await ensureDatabase(databaseUrl, console.log);
// Only the API (and its CLI) is needed here; the web app is not built.
runNpx(['nx', 'run', 'api:build', '--output-style=stream']);
const env = { DATABASE_URL: databaseUrl, REDIS_URL: redisUrl };
runCli(['migrate'], env);
runCli(['plan-import', ...args], env);
