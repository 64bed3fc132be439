import { DataSource } from 'typeorm';
import { ALL_MIGRATIONS } from '../migrations';

/** A data source for running migrations outside Nest (start script, tests). */
export function createMigrationDataSource(databaseUrl: string): DataSource {
  return new DataSource({
    type: 'postgres',
    url: databaseUrl,
    migrations: ALL_MIGRATIONS,
    migrationsTransactionMode: 'each',
    logging: ['error'],
  });
}

export async function runMigrations(databaseUrl: string): Promise<string[]> {
  const dataSource = createMigrationDataSource(databaseUrl);
  await dataSource.initialize();
  try {
    const applied = await dataSource.runMigrations();
    return applied.map((m) => m.name);
  } finally {
    await dataSource.destroy();
  }
}
