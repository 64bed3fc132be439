import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import type { DepartmentSeed } from '@luoshi/contracts';
import { seedIdentity, type DemoUserSeed } from '@luoshi/server/identity';
import { ConfigError, loadConfig, runMigrations } from '@luoshi/server/platform';

/** Operations the start script and operators run outside the HTTP server. */
const seedsDir = process.env['SEEDS_DIR'] ?? join(process.cwd(), 'seeds');
const readSeed = <T>(file: string): T => JSON.parse(readFileSync(join(seedsDir, file), 'utf8')) as T;

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
      const summary = await withDataSource(config.DATABASE_URL, (ds) =>
        seedIdentity(ds, {
          departments: readSeed<{ departments: DepartmentSeed[] }>('departments.json').departments,
          demoUsers: readSeed<{ users: DemoUserSeed[] }>('demo-users.json').users,
          demoEnabled: config.LUOSHI_DEMO_USERS,
          demoPassword: config.LUOSHI_DEMO_PASSWORD,
        }),
      );
      console.log(`种子数据 / seeds: ${summary.departments} departments, ${summary.demoUsers} demo users`);
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
