import type { INestApplicationContext } from '@nestjs/common';
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { DataSource } from 'typeorm';
import type { DepartmentKeywordSeed, DepartmentSeed } from '@luoshi/contracts';
import { CalendarService } from '@luoshi/server/calendar';
import { type DemoUserSeed, seedIdentity } from '@luoshi/server/identity';
import { type AppConfig, APP_CONFIG, type RequestActor } from '@luoshi/server/platform';
import { CorrectionsService, PlanImportService } from '@luoshi/server/plans';
import { TaskSuggestionService } from '@luoshi/server/tasks';
import { SEED_APPROVAL_TEMPLATES } from '@luoshi/domain/workflow';
import { ApprovalTemplatesService } from '@luoshi/server/approvals';

/** Where the data files live: seeds/ at the repository root unless SEEDS_DIR says otherwise. */
export function seedsDirectory(): string {
  return process.env['SEEDS_DIR'] ?? join(process.cwd(), 'seeds');
}

export function readSeedJson<T>(file: string): T {
  return JSON.parse(readFileSync(join(seedsDirectory(), file), 'utf8')) as T;
}

export const SEED_ACTOR: RequestActor = { user: null, requestId: 'seed', ip: null };
export const SEED_PLAN_FILE = 'plans/zhejiang-yrd-action-plan.raw.txt';

/** Loads every seed the application needs, idempotently: a second run changes nothing. */
export async function loadSeeds(app: INestApplicationContext, options: { plan?: boolean } = {}): Promise<string[]> {
  const config = app.get<AppConfig>(APP_CONFIG);
  const dataSource = app.get(DataSource);
  const identity = await seedIdentity(dataSource, {
    departments: readSeedJson<{ departments: DepartmentSeed[] }>('departments.json').departments,
    demoUsers: readSeedJson<{ users: DemoUserSeed[] }>('demo-users.json').users,
    demoEnabled: config.LUOSHI_DEMO_USERS,
    demoPassword: config.LUOSHI_DEMO_PASSWORD,
  });
  const summary = [`${identity.departments} departments`, `${identity.demoUsers} demo users`];

  const holidayDir = join(seedsDirectory(), 'holidays');
  const holidayFiles = readdirSync(holidayDir).filter((f) => /^\d{4}\.json$/.test(f)).sort();
  const holidays = await app.get(CalendarService).seedYears(holidayFiles.map((f) => readSeedJson<unknown>(join('holidays', f))));
  summary.push(`holiday years: ${holidays.inserted} new, ${holidays.refreshed} refreshed, ${holidays.kept} kept`);
  const keywords = await app
    .get(TaskSuggestionService)
    .seedKeywords(readSeedJson<{ keywords: DepartmentKeywordSeed[] }>('department-keywords.json').keywords);
  summary.push(`${keywords.keywords} new department keywords`);

  const corrections = app.get(CorrectionsService);
  const dictionaryDir = join(seedsDirectory(), 'corrections');
  for (const file of readdirSync(dictionaryDir).filter((f) => f.endsWith('.tsv'))) {
    const count = await corrections.seedFromTsv(basename(file, '.tsv'), readFileSync(join(dictionaryDir, file), 'utf8'));
    summary.push(`${count} corrections (${file})`);
  }

  const templates = await app.get(ApprovalTemplatesService).seed(SEED_APPROVAL_TEMPLATES);
  summary.push(`${templates} new approval templates`);

  if (options.plan !== false) {
    const buffer = readFileSync(join(seedsDirectory(), SEED_PLAN_FILE));
    const result = await app.get(PlanImportService).import({ fileName: basename(SEED_PLAN_FILE), buffer, dryRun: false }, SEED_ACTOR);
    summary.push(
      result.unchanged
        ? `seed plan unchanged (version ${result.version})`
        : `seed plan 《${result.title}》 v${result.version}: ${result.stats.measures} measures, ${result.stats.indicators} indicators`,
    );
  }
  return summary;
}
