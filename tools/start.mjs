// `npm start`: install what is missing, prepare the database, load seeds, build, serve on one port.
import { ensureDatabase, ensureServices, redact, ServiceError } from './lib/services.mjs';
import { ensureJwtSecret } from './lib/secrets.mjs';
import { buildAll, ensureDependencies, runCli, startServer, waitForHealth } from './lib/workspace.mjs';

const log = (message) => console.log(`[luoshi] ${message}`);

async function main() {
  ensureDependencies(log);
  const { databaseUrl, redisUrl } = await ensureServices({ log });
  await ensureDatabase(databaseUrl, log);
  log(`Database: ${redact(databaseUrl)}  Redis: ${redact(redisUrl)}`);
  log('Building the API and the web app (cached after the first time)…');
  buildAll();
  const env = { DATABASE_URL: databaseUrl, REDIS_URL: redisUrl, JWT_SECRET: ensureJwtSecret(process.env, log) };
  runCli(['migrate'], env);
  runCli(['seed'], env);

  const port = process.env.PORT || '3000';
  const server = startServer({ ...env, PORT: port });
  const stop = (signal) => server.kill(signal);
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  server.on('exit', (code) => process.exit(code ?? 0));

  if (await waitForHealth(`http://127.0.0.1:${port}`)) {
    // Same default as DEFAULT_DEMO_PASSWORD in libs/shared/contracts/src/auth.ts.
    const password = process.env.LUOSHI_DEMO_PASSWORD || 'Luoshi-Demo@2026';
    console.log(`
  落实 Luoshi is running:  http://localhost:${port}
  API docs:               http://localhost:${port}/api/docs
  Demo logins (password ${password}):
    office (办公室管理员)   reviewer (办公室审核员)   leader (领导)   viewer (只读)
    jtt.liaison / jtt.head (省交通运输厅)   fgw.liaison / fgw.head (省发展改革委)   hz.liaison / hz.head (杭州市)
`);
  }
}

main().catch((error) => {
  if (error instanceof ServiceError) {
    console.error(`[luoshi] ${error.message}`);
    process.exit(1);
  }
  console.error(`[luoshi] ${error.message ?? error}`);
  process.exit(error.exitCode ?? 1);
});
