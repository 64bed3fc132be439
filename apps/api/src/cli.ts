import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { PlanImportResponse } from '@luoshi/contracts';
import { ConfigError, loadConfig, runMigrations } from '@luoshi/server/platform';
import { verifyAuditChain } from '@luoshi/server/audit';
import { PlanImportService } from '@luoshi/server/plans';
import { AppModule } from './app.module';
import { loadSeeds, SEED_ACTOR } from './seeds';

/** Operations the start script and operators run outside the HTTP server. */
async function withContext<T>(work: (app: Awaited<ReturnType<typeof NestFactory.createApplicationContext>>) => Promise<T>): Promise<T> {
  // A one-off command runs no job workers: they would start, find the context closing and warn.
  process.env['WORKERS_IN_PROCESS'] = 'false';
  const app = await NestFactory.createApplicationContext(AppModule, { logger: ['error', 'warn'] });
  try {
    return await work(app);
  } finally {
    await app.close();
  }
}

function printImportSummary(result: PlanImportResponse): void {
  const s = result.stats;
  console.log(`《${result.title}》 ${result.dryRun ? '(预览 dry run)' : ''}`);
  console.log(`  version ${result.version}${result.unchanged ? ' (unchanged: same file as the current version)' : ''}`);
  console.log(`  parts ${s.parts}, sections ${s.sections}, measures ${s.measures}, indicators ${s.indicators}, duties ${s.duties}, corrections ${s.corrections}`);
  const d = result.diff;
  console.log(`  diff: +${d.added.length} ~${d.changed.length} ↔${d.moved.length} -${d.removed.length} =${d.unchanged}`);
  for (const w of result.warnings.slice(0, 20)) console.log(`  warning line ${w.line} [${w.code}] ${w.message}`);
  if (result.warnings.length > 20) console.log(`  … ${result.warnings.length - 20} more warnings`);
}

async function main(args: string[]): Promise<void> {
  const config = loadConfig();
  const [command, ...rest] = args;
  switch (command) {
    case 'migrate': {
      const applied = await runMigrations(config.DATABASE_URL);
      console.log(applied.length ? `迁移完成 / migrations applied: ${applied.join(', ')}` : '数据库已是最新 / schema up to date');
      return;
    }
    case 'seed': {
      const summary = await withContext((app) => loadSeeds(app));
      console.log(`种子数据 / seeds: ${summary.join('; ')}`);
      return;
    }
    case 'plan-import': {
      const file = rest.find((a) => !a.startsWith('--'));
      if (!file) throw new Error('usage: npm run plan:import -- FILE [--dry-run]');
      const dryRun = rest.includes('--dry-run');
      const result = await withContext((app) =>
        app.get(PlanImportService).import({ fileName: basename(file), buffer: readFileSync(file), dryRun, confirmRemovals: rest.includes('--confirm-removals') }, SEED_ACTOR),
      );
      printImportSummary(result);
      return;
    }
    case 'audit-verify': {
      const report = await withContext((app) => verifyAuditChain(app.get(DataSource)));
      if (report.ok) {
        console.log(`审计链完整 / audit trail unbroken: ${report.rows} rows, head at ${report.headSeq}`);
        return;
      }
      const b = report.firstBroken;
      console.error(`审计链断裂 / audit trail BROKEN at row id ${b?.id} (chain position ${b?.chainSeq}): ${b?.reason}; ${report.rows} rows checked before it`);
      process.exit(3);
      return;
    }
    default:
      console.error('usage: cli <migrate|seed|plan-import FILE [--dry-run]|audit-verify>');
      process.exit(64);
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(2);
  }
  const details = (error as { messageEn?: string }).messageEn;
  console.error(error instanceof Error ? `${error.message}${details ? ` (${details})` : ''}` : error);
  process.exit(1);
});
