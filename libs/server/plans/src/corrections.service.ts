import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { CorrectionEntryResponse } from '@luoshi/contracts';
import { type CorrectionEntry, parseCorrectionsTsv } from '@luoshi/domain/plan-parser';
import { AuditService } from '@luoshi/server/audit';
import type { RequestActor } from '@luoshi/server/platform';
import { CorrectionEntryEntity } from './plan.entities';
import { PlanException } from './plan.exception';

const toResponse = (e: CorrectionEntryEntity): CorrectionEntryResponse => ({
  id: e.id,
  dictionary: e.dictionary,
  wrong: e.wrong,
  right: e.right,
  context: e.context,
  note: e.note,
});

/**
 * The correction dictionary that restores corrupted words on import. Seeded from
 * seeds/corrections/*.tsv; reviewers read and edit it here, and every edit is audited.
 */
@Injectable()
export class CorrectionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(dictionary?: string): Promise<CorrectionEntryResponse[]> {
    const rows = await this.dataSource.getRepository(CorrectionEntryEntity).find({
      where: dictionary ? { dictionary } : {},
      order: { dictionary: 'ASC', wrong: 'ASC' },
    });
    return rows.map(toResponse);
  }

  /** Every entry of every dictionary, as the parser takes them. */
  async activeEntries(): Promise<CorrectionEntry[]> {
    const rows = await this.dataSource.getRepository(CorrectionEntryEntity).find();
    return rows.map((r) => ({ wrong: r.wrong, right: r.right, ...(r.context ? { context: r.context } : {}) }));
  }

  async upsert(
    input: { dictionary: string; wrong: string; right: string; context?: string | null; note?: string | null },
    actor: RequestActor,
  ): Promise<CorrectionEntryResponse> {
    return this.dataSource.transaction(async (m) => {
      const [row] = (await m.query(
        `INSERT INTO correction_entry (dictionary, wrong, "right", context, note)
         VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (dictionary, wrong, context) DO UPDATE SET "right" = EXCLUDED."right", note = EXCLUDED.note, updated_at = now()
         RETURNING id`,
        [input.dictionary, input.wrong, input.right, input.context ?? null, input.note ?? null],
      )) as { id: string }[];
      const saved = await m.findOneByOrFail(CorrectionEntryEntity, { id: row.id });
      await this.audit.record(m, actor, { action: 'plan_correction.upsert', subjectType: 'correction_entry', subjectId: row.id, after: toResponse(saved) });
      return toResponse(saved);
    });
  }

  async remove(id: string, actor: RequestActor): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      const existing = await m.findOneBy(CorrectionEntryEntity, { id });
      if (!existing) throw PlanException.correctionNotFound(id);
      await m.delete(CorrectionEntryEntity, { id });
      await this.audit.record(m, actor, { action: 'plan_correction.delete', subjectType: 'correction_entry', subjectId: id, before: toResponse(existing) });
    });
  }

  /** Loads a TSV dictionary once; entries already present (perhaps edited) are left alone. */
  async seedFromTsv(dictionary: string, tsv: string): Promise<number> {
    const entries = parseCorrectionsTsv(tsv);
    await this.dataSource.transaction(async (m) => {
      for (const e of entries) {
        await m.query(
          `INSERT INTO correction_entry (dictionary, wrong, "right", context) VALUES ($1, $2, $3, $4)
           ON CONFLICT (dictionary, wrong, context) DO NOTHING`,
          [dictionary, e.wrong, e.right, e.context ?? null],
        );
      }
    });
    return entries.length;
  }
}
