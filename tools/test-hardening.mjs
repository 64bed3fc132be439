// `npm run test:hardening`: the full hardening suite (every hostile request of the corpus, the
// access matrix, document bombs, faults, reminder recovery) against the real PostgreSQL and Redis.
// `npm test` runs its short form (a seeded sample of the corpus): runHardening({ full: false }).
import { pathToFileURL } from 'node:url';
import { ensureServices, ServiceError } from './lib/services.mjs';
import { runNpx } from './lib/workspace.mjs';

export function runHardening({ full }) {
  runNpx(['jest', '-c', 'apps/api/test/hardening/jest.config.js', '--ci', '--runInBand', '--forceExit'], {
    env: { ...process.env, HARDENING_FULL: full ? '1' : '0' },
  });
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    const services = await ensureServices({ log: (m) => console.log(`[luoshi hardening] ${m}`) });
    process.env.DATABASE_URL = services.databaseUrl;
    process.env.REDIS_URL = services.redisUrl;
    runHardening({ full: !process.argv.includes('--short') });
  } catch (error) {
    console.error(`[luoshi hardening] FAILED: ${error instanceof ServiceError ? error.message : (error.message ?? error)}`);
    process.exit(error.exitCode ?? 1);
  }
}
