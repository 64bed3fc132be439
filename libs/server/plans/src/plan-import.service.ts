import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import type { CorrectionMode, PlanDiffEntry, PlanDiffResponse, PlanImportResponse } from '@luoshi/contracts';
import {
  diffPlanVersions,
  type DirectoryDepartment,
  type ParsedPlan,
  parsePlan,
  type ParsePlanOptions,
  PlanParseError,
  type PlanNodeDraft,
} from '@luoshi/domain/plan-parser';
import { AuditService } from '@luoshi/server/audit';
import { DepartmentEntity, UserDirectory } from '@luoshi/server/identity';
import { assertPlainFileName, type RequestActor } from '@luoshi/server/platform';
import { corruptionVerdict, importOptions, previewDuty, previewIndicator, previewNodes, unresolvedNames } from './build-import-response';
import { CorrectionsService } from './corrections.service';
import { PlanEntity, PlanNodeEntity, PlanVersionEntity } from './plan.entities';
import { PLAN_INDICATORS, type PlanIndicators } from './plan-indicators';
import { PlanException } from './plan.exception';
import { readPlanDocument } from './read-plan-document';
import { writeDuties } from './write-duties';

export interface PlanImportInput {
  fileName: string;
  buffer: Buffer;
  dryRun: boolean;
  planId?: string;
  confirmRemovals?: boolean;
  /** auto (default): the correction dictionary only for a text judged corrupted; on / off force it. */
  correctionMode?: CorrectionMode;
  /** Ids of suggested corrections (CorrectionResponse.id) the office rejected. */
  rejectedCorrections?: string[];
  /**
   * Import as a new child plan of `parentPlanId` (an approved special action plan): kind
   * special_action_plan, never matched to an existing plan by title.
   */
  child?: { parentPlanId: string; code: string };
  /** Commit inside the caller's transaction instead of a new one. */
  manager?: EntityManager;
}

const toDiffEntry = (n: PlanNodeDraft, previous?: PlanNodeDraft): PlanDiffEntry => ({
  code: n.code,
  title: n.title,
  kind: n.kind,
  ...(previous && previous.code !== n.code ? { previousCode: previous.code } : {}),
});

/**
 * Plan import: document → text → parse (with the correction dictionary and the department
 * directory) → preview with a diff against the current version → commit in one transaction.
 */
@Injectable()
export class PlanImportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly corrections: CorrectionsService,
    private readonly audit: AuditService,
    private readonly users: UserDirectory,
    @Inject(PLAN_INDICATORS) private readonly indicators: PlanIndicators,
  ) {}

  async import(input: PlanImportInput, actor: RequestActor): Promise<PlanImportResponse> {
    assertPlainFileName(input.fileName);
    const { format, text } = await readPlanDocument(input.fileName, input.buffer);
    const checksum = createHash('sha256').update(input.buffer).digest('hex');
    const options = importOptions(input.correctionMode, input.rejectedCorrections);
    const parsed = this.parse(text, {
      corrections: await this.corrections.activeEntries(),
      directory: await this.directory(),
      correctionMode: options.correctionMode,
      rejectedCorrections: options.rejectedCorrections,
    });

    const plan = input.child ? null : await this.findTargetPlan(input.planId, parsed.title);
    const previousNodes = plan ? await this.liveNodes(this.dataSource.manager, plan.id) : [];
    const previousVersion = plan
      ? await this.dataSource.getRepository(PlanVersionEntity).findOneByOrFail({ planId: plan.id, version: plan.currentVersion })
      : null;
    // The same file with the same options as the current version makes no new version.
    const previousOptions = JSON.stringify(previousVersion?.options ?? importOptions(undefined, undefined));
    const unchanged = previousVersion?.checksum === checksum && previousOptions === JSON.stringify(options);
    const rawDiff = diffPlanVersions(previousNodes.map((n) => n.draft), parsed.nodes);
    const diff: PlanDiffResponse = {
      added: rawDiff.added.map((n) => toDiffEntry(n)),
      changed: rawDiff.changed.map((c) => toDiffEntry(c.after, c.before)),
      removed: rawDiff.removed.map((n) => toDiffEntry(n)),
      moved: rawDiff.moved.map((c) => toDiffEntry(c.after, c.before)),
      unchanged: rawDiff.unchanged.length,
    };
    const response: PlanImportResponse = {
      dryRun: input.dryRun,
      unchanged,
      planId: plan?.id ?? null,
      planCode: plan?.code ?? input.child?.code ?? `plan-${checksum.slice(0, 10)}`,
      title: parsed.title,
      version: unchanged || !plan ? (plan?.currentVersion ?? 1) : plan.currentVersion + 1,
      previousVersion: plan?.currentVersion ?? null,
      checksum,
      format,
      stats: parsed.stats,
      nodes: previewNodes(parsed),
      indicators: parsed.indicators.map(previewIndicator),
      duties: parsed.duties.map(previewDuty),
      corrections: parsed.corrections.map((c) => ({ id: c.id, wrong: c.wrong, right: c.right, line: c.line, column: c.column })),
      warnings: parsed.warnings,
      diff,
      preamble: parsed.preamble,
      corruption: corruptionVerdict(parsed),
      options,
      unresolvedDepartmentNames: unresolvedNames(parsed),
    };
    if (input.dryRun || unchanged) return response;
    if (plan && rawDiff.removed.length > 0 && !input.confirmRemovals) {
      throw PlanException.removalsNeedConfirmation(rawDiff.removed.map((n) => n.code));
    }

    const commit = (m: EntityManager) =>
      this.commit(m, { plan, parsed, rawDiff, response, fileName: input.fileName, actor, parentPlanId: input.child?.parentPlanId ?? null });
    const planId = input.manager ? await commit(input.manager) : await this.dataSource.transaction(commit);
    return { ...response, planId };
  }

  private parse(text: string, options: ParsePlanOptions): ParsedPlan {
    try {
      return parsePlan(text, options);
    } catch (error) {
      if (error instanceof PlanParseError) {
        if (error.code === 'EMPTY') throw PlanException.fileEmpty();
        if (error.code === 'BINARY') throw PlanException.binary();
        if (error.code === 'TOO_LONG') throw PlanException.tooLong(error.message);
        throw PlanException.noStructure(error.message);
      }
      throw error;
    }
  }

  private async directory(): Promise<DirectoryDepartment[]> {
    const rows = await this.dataSource.getRepository(DepartmentEntity).find();
    return rows.map((d) => ({ code: d.code, name: d.name, aliases: d.aliases }));
  }

  private async findTargetPlan(planId: string | undefined, title: string): Promise<PlanEntity | null> {
    const plans = this.dataSource.getRepository(PlanEntity);
    if (planId) {
      const plan = await plans.findOneBy({ id: planId });
      if (!plan) throw PlanException.planNotFound(planId);
      return plan;
    }
    // Without an explicit target, a document with the title of an existing plan is its new version.
    return plans.findOne({ where: { title, status: 'active' }, order: { createdAt: 'ASC' } });
  }

  private async liveNodes(m: EntityManager, planId: string): Promise<{ id: string; draft: PlanNodeDraft }[]> {
    const rows = await m.find(PlanNodeEntity, { where: { planId, retiredInVersion: IsNull() }, order: { order: 'ASC' } });
    const codeById = new Map(rows.map((r) => [r.id, r.code]));
    return rows.map((r) => ({
      id: r.id,
      draft: {
        code: r.code,
        parentCode: r.parentId ? (codeById.get(r.parentId) ?? null) : null,
        kind: r.kind,
        title: r.title,
        body: r.body,
        order: r.order,
        line: r.sourceLine,
        inferred: r.inferred,
        label: '',
      },
    }));
  }

  private async commit(
    m: EntityManager,
    args: {
      plan: PlanEntity | null;
      parsed: ParsedPlan;
      rawDiff: ReturnType<typeof diffPlanVersions>;
      response: PlanImportResponse;
      fileName: string;
      actor: RequestActor;
      parentPlanId: string | null;
    },
  ): Promise<string> {
    const { parsed, rawDiff, response, actor } = args;
    let plan = args.plan;
    if (plan) {
      // Serialize concurrent imports of one plan; a version that moved meanwhile is a conflict.
      const locked = await m.findOne(PlanEntity, { where: { id: plan.id }, lock: { mode: 'pessimistic_write' } });
      if (!locked || locked.currentVersion !== response.previousVersion) {
        throw new PlanException(409, 'PLAN_VERSION_CHANGED', '计划已被他人更新，请重新预览', 'The plan changed meanwhile; preview again');
      }
      plan = locked;
    } else {
      plan = await m.save(
        m.create(PlanEntity, {
          code: response.planCode,
          title: parsed.title,
          kind: args.parentPlanId ? 'special_action_plan' : 'action_plan',
          parentPlanId: args.parentPlanId,
          currentVersion: 0,
        }),
      );
    }
    const version = plan.currentVersion + 1;
    const previous = await this.liveNodes(m, plan.id);
    const idByPreviousCode = new Map(previous.map((p) => [p.draft.code, p.id]));
    // Identity follows the diff's matching, not the code: inserting a measure shifts the codes after it.
    const touchedCodes = new Set([...rawDiff.changed, ...rawDiff.moved].map((c) => c.after.code));
    const existingIdFor = new Map<string, { id: string; touched: boolean }>();
    for (const { before, after } of rawDiff.matched) {
      existingIdFor.set(after.code, { id: idByPreviousCode.get(before.code)!, touched: touchedCodes.has(after.code) || before.code !== after.code });
    }

    // Codes may swap places between versions: park every live code first, then write the final ones.
    await m.query(`UPDATE plan_node SET code = '~' || id WHERE plan_id = $1 AND retired_in_version IS NULL`, [plan.id]);
    for (const removed of rawDiff.removed) {
      await m.update(PlanNodeEntity, { id: idByPreviousCode.get(removed.code)! }, { retiredInVersion: version, code: `~retired-${version}-${removed.code}` });
    }
    const idByNewCode = new Map<string, string>();
    for (const node of parsed.nodes) {
      const parentId = node.parentCode ? (idByNewCode.get(node.parentCode) ?? null) : null;
      const fields = {
        code: node.code,
        parentId,
        kind: node.kind,
        title: node.title,
        body: node.body,
        order: node.order,
        inferred: node.inferred,
        sourceLine: node.line,
      };
      const existing = existingIdFor.get(node.code);
      if (existing) {
        await m.update(PlanNodeEntity, { id: existing.id }, existing.touched ? { ...fields, changedInVersion: version } : fields);
        idByNewCode.set(node.code, existing.id);
      } else {
        const inserted = await m.save(m.create(PlanNodeEntity, { ...fields, planId: plan.id, firstVersion: version, changedInVersion: version }));
        idByNewCode.set(node.code, inserted.id);
      }
    }
    await this.indicators.writeVersion(m, { planId: plan.id, version, indicators: parsed.indicators, nodeIdByCode: idByNewCode });
    await writeDuties(m, { planId: plan.id, version, duties: parsed.duties, nodeIdByCode: idByNewCode, departmentId: await this.users.departmentIdsByCode(m) });
    await m.save(
      m.create(PlanVersionEntity, {
        planId: plan.id,
        version,
        title: parsed.title,
        fileName: args.fileName.slice(0, 255),
        format: response.format,
        checksum: response.checksum,
        stats: parsed.stats,
        diff: response.diff,
        corrections: response.corrections,
        warnings: parsed.warnings,
        preamble: parsed.preamble,
        corruption: response.corruption,
        options: response.options,
        importedBy: actor.user?.id ?? null,
      }),
    );
    await m.update(PlanEntity, { id: plan.id }, { currentVersion: version, title: parsed.title });
    await this.audit.record(m, actor, {
      action: 'plan.import',
      subjectType: 'plan',
      subjectId: plan.id,
      before: args.plan ? { version: args.plan.currentVersion } : null,
      after: {
        version,
        title: parsed.title,
        checksum: response.checksum,
        stats: parsed.stats,
        options: response.options,
        corrections: response.corrections.length,
        added: response.diff.added.length,
        changed: response.diff.changed.length,
        moved: response.diff.moved.length,
        removed: response.diff.removed.length,
      },
    });
    return plan.id;
  }
}
