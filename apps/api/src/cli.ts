import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { ConfigError, loadConfig, runMigrations } from '@luoshi/server/platform';
import { loadSeeds } from './seeds';

/** Operations the start script and operators run outside the HTTP server. */

async function withDataSource<T>(url: string, work: (ds: DataSource) => Promise<T>): Promise<T> {
  const ds = new DataSource({ type: 'postgres', url, logging: ['error'] });
  await ds.initialize();
  try {
    return await work(ds);
  } finally {
    await ds.destroy();
  }
}

async function main(command: string | undefined): Promise<void> {
  const config = loadConfig();
  switch (command) {
    case 'migrate': {
      const applied = await runMigrations(config.DATABASE_URL);
      console.log(applied.length ? `迁移完成 / migrations applied: ${applied.join(', ')}` : '数据库已是最新 / schema up to date');
      return;
    }
    case 'seed': {
      const summary = await withDataSource(config.DATABASE_URL, (ds) => loadSeeds(ds, config));
      console.log(`种子数据 / seeds loaded: ${summary.join(', ')}`);
      return;
    }
    default:
      console.error('usage: cli <migrate|seed>');
      process.exit(64);
  }
}

main(process.argv[2]).catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(2);
  }
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
