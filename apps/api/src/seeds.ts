import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import type { DepartmentSeed } from '@luoshi/contracts';
import { type DemoUserSeed, seedIdentity } from '@luoshi/server/identity';
import type { AppConfig } from '@luoshi/server/platform';

/** Where the data files live: seeds/ at the repository root unless SEEDS_DIR says otherwise. */
export function seedsDirectory(): string {
  return process.env['SEEDS_DIR'] ?? join(process.cwd(), 'seeds');
}

export function readSeedJson<T>(file: string): T {
  return JSON.parse(readFileSync(join(seedsDirectory(), file), 'utf8')) as T;
}

/** Loads every seed the application needs, idempotently. */
export async function loadSeeds(dataSource: DataSource, config: AppConfig): Promise<string[]> {
  const identity = await seedIdentity(dataSource, {
    departments: readSeedJson<{ departments: DepartmentSeed[] }>('departments.json').departments,
    demoUsers: readSeedJson<{ users: DemoUserSeed[] }>('demo-users.json').users,
    demoEnabled: config.LUOSHI_DEMO_USERS,
    demoPassword: config.LUOSHI_DEMO_PASSWORD,
  });
  return [`${identity.departments} departments`, `${identity.demoUsers} demo users`];
}
