// `npm test`: type check, lint, unit tests, integration tests against the real PostgreSQL and
// Redis (fresh database per run), then the browser journeys in Debian's Chromium.
import { ensureServices, ServiceError } from './lib/services.mjs';
import { ensureDebianPackages, ensureDependencies, runNpx } from './lib/workspace.mjs';
import { runJourneys } from './e2e.mjs';
import { runHardening } from './test-hardening.mjs';
import { lintDeployFiles } from './lint-deploy.mjs';
import { auditDependencies } from './audit-dependencies.mjs';

const log = (message) => console.log(`\n[luoshi test] ${message}`);
const steps = [];

async function step(name, work) {
  log(name);
  const started = Date.now();
  await work();
  steps.push(`${name} (${((Date.now() - started) / 1000).toFixed(0)} s)`);
}

async function main() {
  ensureDependencies(log);
  const services = await ensureServices({ log });
  process.env.DATABASE_URL = services.databaseUrl;
  process.env.REDIS_URL = services.redisUrl;
  await step('type check', () => {
    runNpx(['tsc', '-p', 'tsconfig.check.json']);
    // The journeys run through Playwright's transpiler, which does not check types.
    runNpx(['tsc', '-p', 'apps/web-e2e/tsconfig.json']);
  });
  await step('lint (zero warnings)', () => {
    // The module-boundaries rule reads Nx's project graph; on a fresh clone it must be computed first.
    runNpx(['nx', 'show', 'projects'], { stdio: 'ignore' });
    runNpx(['eslint', '--max-warnings=0', '.']);
  });
  // Deployment files, checked without a Docker engine (dclint's compose schema + rules, dockerfile-utils).
  await step('deploy files (docker-compose.yml, Dockerfile)', () => lintDeployFiles());
  await step('npm audit --omit=dev (fails on a high or critical advisory; says so when it cannot check)', () => auditDependencies((m) => console.log(m)));
  await step('unit tests', () => runNpx(['jest', '-c', 'jest.unit.config.js', '--ci']));
  // The bulletin test converts .docx to PDF (LibreOffice) and reads its text (poppler).
  ensureDebianPackages({ soffice: ['libreoffice-writer-nogui', 'fonts-noto-cjk'], pdftotext: ['poppler-utils'] }, log);
  await step('integration tests (real PostgreSQL and Redis)', () =>
    runNpx(['jest', '-c', 'jest.integration.config.js', '--ci', '--runInBand', '--forceExit']),
  );
  await step('hardening, short form (seeded sample of the hostile corpus, matrix, faults, reminders)', () => runHardening({ full: false }));
  await step('browser journeys (Chromium)', () => runJourneys({ log }));
  log(`all green:\n  - ${steps.join('\n  - ')}`);
}

main().catch((error) => {
  console.error(`\n[luoshi test] FAILED: ${error instanceof ServiceError ? error.message : (error.message ?? error)}`);
  process.exit(error.exitCode ?? 1);
});
