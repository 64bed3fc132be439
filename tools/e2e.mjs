// Browser journeys: build, start the real API on a fresh database, run Playwright in Debian's
// Chromium (installed from Debian's packages when missing), then stop and drop everything.
import { existsSync } from 'node:fs';
import net from 'node:net';
import { pathToFileURL } from 'node:url';
import { dropDatabase, ensureDatabase, ensureServices, withDatabaseName } from './lib/services.mjs';
import { buildAll, ensureDependencies, installDebianPackages, runCli, runNpx, startServer, waitForHealth } from './lib/workspace.mjs';

const CHROMIUM = '/usr/bin/chromium';

// Without a CJK font the pages lay out Chinese as boxes of another width, and popovers placed by
// that width can end outside the viewport: the journeys need the font as much as the browser.
const CJK_FONT = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';

function ensureChromium(log) {
  installDebianPackages([...(existsSync(CHROMIUM) ? [] : ['chromium']), ...(existsSync(CJK_FONT) ? [] : ['fonts-noto-cjk'])], log);
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/**
 * Runs every journey, or only what `playwrightArgs` selects (spec files, `-g pattern`…):
 * `node tools/e2e.mjs apps/web-e2e/src/phone.e2e.ts` passes its arguments through to Playwright.
 */
export async function runJourneys({ log = console.log, playwrightArgs = [] } = {}) {
  ensureChromium(log);
  const services = await ensureServices({ log });
  buildAll();
  const databaseUrl = withDatabaseName(services.databaseUrl, `luoshi_e2e_${Date.now()}`);
  await ensureDatabase(databaseUrl, log);
  const env = {
    DATABASE_URL: databaseUrl,
    REDIS_URL: services.redisUrl,
    REDIS_PREFIX: `luoshi-e2e-${Date.now()}`,
    LOG_LEVEL: 'warn',
  };
  const port = await freePort();
  let server;
  try {
    runCli(['migrate'], env);
    runCli(['seed'], env);
    server = startServer({ ...env, PORT: String(port) });
    const baseUrl = `http://127.0.0.1:${port}`;
    if (!(await waitForHealth(baseUrl))) throw new Error('the API did not come up for the browser journeys');
    runNpx(['playwright', 'test', '-c', 'apps/web-e2e/playwright.config.ts', ...playwrightArgs], { env: { ...process.env, E2E_BASE_URL: baseUrl } });
  } finally {
    server?.kill('SIGTERM');
    await new Promise((r) => (server ? server.once('exit', r) : r()));
    await dropDatabase(databaseUrl).catch(() => undefined);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  ensureDependencies();
  runJourneys({ playwrightArgs: process.argv.slice(2).filter((arg) => arg !== '--') }).catch((error) => {
    console.error(error.message ?? error);
    process.exit(error.exitCode ?? 1);
  });
}
