import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull } from 'typeorm';
import type {
  IndicatorResponse,
  PlanDutyResponse,
  PlanNodeResponse,
  PlanRef,
  PlanResponse,
  PlanStats,
  PlanVersionResponse,
} from '@luoshi/contracts';
import { PlanDutyEntity, PlanEntity, PlanNodeEntity, PlanVersionEntity } from './plan.entities';
import { PLAN_INDICATORS, type PlanIndicators } from './plan-indicators';
import { PlanException } from './plan.exception';

const toNode = (n: PlanNodeEntity): PlanNodeResponse => ({
  id: n.id,
  parentId: n.parentId,
  code: n.code,
  kind: n.kind,
  title: n.title,
  body: n.body,
  order: n.order,
  inferred: n.inferred,
});

/** Read side of plans: list, tree, a node with its indicators, versions. Readable by every signed-in user. */
@Injectable()
export class PlansQueryService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(PLAN_INDICATORS) private readonly planIndicators: PlanIndicators,
  ) {}

  /** Active plans, each with its parent plan and child plans (special action plans imported under it). */
  async list(): Promise<PlanResponse[]> {
    const rows: (PlanEntity & { stats: PlanStats; preamble: string })[] = await this.dataSource.query(
      `SELECT p.id, p.code, p.title, p.kind, p.parent_plan_id AS "parentPlanId", p.current_version AS "currentVersion",
              p.updated_at AS "updatedAt", v.stats, v.preamble
         FROM plan p JOIN plan_version v ON v.plan_id = p.id AND v.version = p.current_version
        WHERE p.status = 'active'
        ORDER BY p.created_at`,
    );
    const ref = (r: PlanEntity): PlanRef => ({ id: r.id, code: r.code, title: r.title });
    const byId = new Map(rows.map((r) => [r.id, r]));
    return rows.map((r) => {
      const parent = r.parentPlanId ? byId.get(r.parentPlanId) : undefined;
      return {
        ...r,
        parentPlan: parent ? ref(parent) : null,
        childPlans: rows.filter((c) => c.parentPlanId === r.id).map(ref),
        updatedAt: new Date(r.updatedAt).toISOString(),
      };
    });
  }

  async get(planId: string): Promise<PlanResponse> {
    const plan = (await this.list()).find((p) => p.id === planId);
    if (!plan) throw PlanException.planNotFound(planId);
    return plan;
  }

  /** The live tree as a flat list in document order; `q` keeps matches and their ancestors. */
  async tree(planId: string, q?: string): Promise<PlanNodeResponse[]> {
    await this.get(planId);
    const rows = await this.dataSource
      .getRepository(PlanNodeEntity)
      .find({ where: { planId, retiredInVersion: IsNull() }, order: { order: 'ASC' } });
    const nodes = rows.map(toNode);
    const term = q?.trim();
    if (!term) return nodes;
    const byId = new Map(nodes.map((n) => [n.id, n]));
    const keep = new Set<string>();
    for (const n of nodes) {
      if (!n.title.includes(term) && !n.body.includes(term) && n.code !== term) continue;
      for (let cur: PlanNodeResponse | undefined = n; cur && !keep.has(cur.id); cur = cur.parentId ? byId.get(cur.parentId) : undefined) {
        keep.add(cur.id);
      }
    }
    return nodes.filter((n) => keep.has(n.id));
  }

  async node(planId: string, nodeId: string): Promise<PlanNodeResponse & { indicators: IndicatorResponse[]; duties: PlanDutyResponse[] }> {
    const node = await this.dataSource.getRepository(PlanNodeEntity).findOneBy({ id: nodeId, planId });
    if (!node) throw PlanException.nodeNotFound(nodeId);
    const [indicators, duties] = await Promise.all([this.indicators(planId, nodeId), this.duties(planId, nodeId)]);
    return { ...toNode(node), indicators, duties };
  }

  async indicators(planId: string, nodeId?: string): Promise<IndicatorResponse[]> {
    const rows = await this.planIndicators.live(this.dataSource.manager, planId, nodeId);
    const codes = await this.nodeCodes(planId);
    return rows.map((i) => ({ ...i, nodeCode: i.nodeId ? (codes.get(i.nodeId) ?? null) : null }));
  }

  async duties(planId: string, nodeId?: string): Promise<PlanDutyResponse[]> {
    const rows = await this.dataSource.getRepository(PlanDutyEntity).find({
      where: { planId, retiredInVersion: IsNull(), ...(nodeId ? { nodeId } : {}) },
      order: { deliverable: 'ASC' },
    });
    const codes = await this.nodeCodes(planId);
    return rows.map((d) => ({
      id: d.id,
      nodeCode: d.nodeId ? (codes.get(d.nodeId) ?? null) : null,
      deliverable: d.deliverable,
      kind: d.kind,
      leadDepartmentId: d.leadDepartmentId,
      leadName: d.leadName,
      leadDepartmentIds: d.leadDepartmentIds,
      leadNames: d.leadNames,
      coDepartmentIds: d.coDepartmentIds,
      coNames: d.coNames,
      collectiveNames: d.collectiveNames,
      unresolvedNames: d.unresolvedNames,
      deadlineText: d.deadlineText,
      deadline: d.deadline,
      source: d.source,
      sourceSentence: d.sourceSentence,
    }));
  }

  async versions(planId: string): Promise<PlanVersionResponse[]> {
    await this.get(planId);
    const rows = await this.dataSource.getRepository(PlanVersionEntity).find({ where: { planId }, order: { version: 'DESC' } });
    return rows.map((v) => ({
      version: v.version,
      title: v.title,
      fileName: v.fileName,
      format: v.format,
      checksum: v.checksum,
      stats: v.stats,
      diff: v.diff,
      preamble: v.preamble,
      corruption: v.corruption,
      options: v.options,
      importedAt: v.importedAt.toISOString(),
      importedBy: v.importedBy,
    }));
  }

  private async nodeCodes(planId: string): Promise<Map<string, string>> {
    const rows: { id: string; code: string }[] = await this.dataSource.query(`SELECT id, code FROM plan_node WHERE plan_id = $1`, [planId]);
    return new Map(rows.map((r) => [r.id, r.code]));
  }
}
