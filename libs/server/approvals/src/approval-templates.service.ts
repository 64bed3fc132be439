import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { ApprovalTemplateResponse } from '@luoshi/contracts';
import { type ApprovalTemplate, APPROVAL_TEMPLATE_CODES, getSeedApprovalTemplate, type SeedApprovalTemplateCode } from '@luoshi/domain/workflow';
import { AuditService } from '@luoshi/server/audit';
import { UserDirectory } from '@luoshi/server/identity';
import type { RequestActor } from '@luoshi/server/platform';
import { ApprovalException } from './approval.exception';
import { readApprovalTemplate } from './read-approval-template';

interface TemplateRow {
  code: string;
  name: string;
  version: number;
  steps: ApprovalTemplate['steps'];
  cc: NonNullable<ApprovalTemplate['cc']>;
  updatedAt: Date;
}

const COLUMNS = `code, name, version, steps, cc, updated_at AS "updatedAt"`;
const isSeedCode = (code: string): code is SeedApprovalTemplateCode => (APPROVAL_TEMPLATE_CODES as readonly string[]).includes(code);

const toResponse = (r: TemplateRow): ApprovalTemplateResponse => ({
  code: r.code,
  name: r.name,
  version: r.version,
  steps: r.steps as ApprovalTemplateResponse['steps'],
  cc: r.cc as ApprovalTemplateResponse['cc'],
  updatedAt: new Date(r.updatedAt).toISOString(),
});

/**
 * Approval templates, seeded from SEED_APPROVAL_TEMPLATES and edited by the office. An edit bumps the
 * version; running instances keep the snapshot taken when they started.
 */
@Injectable()
export class ApprovalTemplatesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly users: UserDirectory,
  ) {}

  /** Inserts the templates that are missing; never overwrites an edited one. Returns how many were new. */
  async seed(templates: readonly ApprovalTemplate[]): Promise<number> {
    let inserted = 0;
    for (const t of templates) {
      const rows = await this.dataSource.query(
        `INSERT INTO approval_template (code, name, version, steps, cc) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (code) DO NOTHING RETURNING id`,
        [t.code, t.name, t.version, JSON.stringify(t.steps), JSON.stringify(t.cc ?? [])],
      );
      inserted += rows.length;
    }
    return inserted;
  }

  /** The template an instance starts from now (the seed one if the table was never seeded). */
  async current(m: EntityManager, code: string): Promise<ApprovalTemplate> {
    const [row] = (await m.query(`SELECT ${COLUMNS} FROM approval_template WHERE code = $1`, [code])) as TemplateRow[];
    if (row) return { code: row.code, name: row.name, version: row.version, steps: row.steps, cc: row.cc };
    if (isSeedCode(code)) return getSeedApprovalTemplate(code);
    throw ApprovalException.templateNotFound(code);
  }

  async list(): Promise<ApprovalTemplateResponse[]> {
    const rows: TemplateRow[] = await this.dataSource.query(`SELECT ${COLUMNS} FROM approval_template ORDER BY code`);
    return rows.map(toResponse);
  }

  async get(code: string): Promise<ApprovalTemplateResponse> {
    const [row] = (await this.dataSource.query(`SELECT ${COLUMNS} FROM approval_template WHERE code = $1`, [code])) as TemplateRow[];
    if (!row) throw ApprovalException.templateNotFound(code);
    return toResponse(row);
  }

  async update(
    code: string,
    body: { name?: string; steps: unknown[]; cc?: unknown[]; version: number },
    actor: RequestActor,
  ): Promise<ApprovalTemplateResponse> {
    return this.dataSource.transaction(async (m) => {
      const [row] = (await m.query(`SELECT ${COLUMNS} FROM approval_template WHERE code = $1 FOR UPDATE`, [code])) as TemplateRow[];
      if (!row) throw ApprovalException.templateNotFound(code);
      if (body.version !== row.version) throw ApprovalException.templateStale(row.version, body.version);
      const read = readApprovalTemplate(code, body, { name: row.name, nextVersion: row.version + 1 });
      if (!read.template) throw ApprovalException.templateInvalid(read.problems);
      await this.assertUsersExist(m, read.template);
      const t = read.template;
      const [updated] = (await m.query(
        `UPDATE approval_template SET name = $2, steps = $3, cc = $4, version = $5, updated_by = $6, updated_at = now()
          WHERE code = $1 RETURNING ${COLUMNS}`,
        [code, t.name, JSON.stringify(t.steps), JSON.stringify(t.cc ?? []), t.version, actor.user?.id ?? null],
      )) as [TemplateRow[], number];
      await this.audit.record(m, actor, {
        action: 'approval_template.update',
        subjectType: 'approval_template',
        subjectId: code,
        before: { name: row.name, version: row.version, steps: row.steps, cc: row.cc },
        after: { name: t.name, version: t.version, steps: t.steps, cc: t.cc },
      });
      return toResponse(updated[0]);
    });
  }

  private async assertUsersExist(m: EntityManager, t: ApprovalTemplate): Promise<void> {
    const rules = [...t.steps.flatMap((s) => [...s.approvers, ...(s.onTimeout?.escalateTo ? [s.onTimeout.escalateTo] : [])]), ...(t.cc ?? [])];
    const ids = [...new Set(rules.flatMap((r) => (r.kind === 'users' ? r.userIds : [])))];
    if (ids.length === 0) return;
    const active = await this.users.activeAmong(m, ids);
    const missing = ids.find((id) => !active.has(id));
    if (missing) throw ApprovalException.badUser('userIds', missing);
  }
}
