import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { DepartmentKeywordSeed, DepartmentSuggestionResponse } from '@luoshi/contracts';
import { UserDirectory } from '@luoshi/server/identity';
import { PlanReader } from '@luoshi/server/plans';
import { type DepartmentEvidence, rankDepartments } from './rank-departments';
import type { DepartmentKeyword } from './suggest-departments';
import { TaskStore } from './task-store';

/** Past assignments read as evidence: the most recent ones suffice. */
const ASSIGNMENT_EVIDENCE_LIMIT = 5000;

/**
 * Suggested lead and co-departments for a task: the plan's own duty for the measure, departments
 * named in the text, and what each department is known for (responsibilities, the plan's other
 * duties, past assignments). The ranking is rankDepartments (pure).
 */
@Injectable()
export class TaskSuggestionService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly store: TaskStore,
    private readonly users: UserDirectory,
    private readonly plans: PlanReader,
  ) {}

  async suggest(taskId: string): Promise<DepartmentSuggestionResponse[]> {
    const m = this.dataSource.manager;
    const task = await this.store.find(m, taskId);
    const measure = (await this.plans.nodes(m, [task.measureNodeId])).get(task.measureNodeId);
    const text = [task.title, task.body, measure?.title ?? '', measure?.body ?? ''].join('\n');
    const [departments, keywords, own, evidence, corpus] = await Promise.all([
      this.users.allDepartments(m),
      m.query(`SELECT department_id AS "departmentId", keyword FROM department_keyword`) as Promise<DepartmentKeyword[]>,
      this.ownDuty(task.measureNodeId),
      this.evidence(task.planId, task.measureNodeId),
      this.plans.measureTexts(m, task.planId),
    ]);
    return rankDepartments({ text, departments, keywords, ownDuty: own, evidence, corpus }).map((s) => ({
      department: { id: s.department.id, code: s.department.code, name: s.department.name },
      suggestedRole: s.role,
      reasons: s.reasons,
      score: s.score,
    }));
  }

  /** The live duties on the measure, else on its nearest ancestor with any (as task generation reads them). */
  private async ownDuty(nodeId: string): Promise<{ leadIds: string[]; coIds: string[] } | null> {
    const rows = await this.plans.nearestGeneralDuties(this.dataSource, nodeId);
    if (rows.length === 0) return null;
    const leadIds = [...new Set(rows.flatMap((r) => r.leadIds.filter((id): id is string => id !== null)))];
    const coIds = [...new Set(rows.flatMap((r) => r.coIds))].filter((id) => !leadIds.includes(id));
    return leadIds.length + coIds.length > 0 ? { leadIds, coIds } : null;
  }

  /** The plan's duties on other measures (their lead departments) and past assignments of other measures. */
  private async evidence(planId: string, nodeId: string): Promise<DepartmentEvidence[]> {
    const duties = await this.plans.dutyLeads(this.dataSource, planId, nodeId);
    const assignments: { departmentId: string; text: string }[] = await this.dataSource.query(
      `SELECT lead_department_id AS "departmentId", title AS text FROM task
        WHERE lead_department_id IS NOT NULL AND measure_node_id <> $1 AND status <> 'cancelled'
        ORDER BY updated_at DESC LIMIT ${ASSIGNMENT_EVIDENCE_LIMIT}`,
      [nodeId],
    );
    return [
      ...duties.map((d) => ({ ...d, source: 'duty' as const })),
      ...assignments.map((a) => ({ ...a, source: 'assignment' as const })),
    ];
  }

  /** Loads seeds/department-keywords.json; idempotent, keeps what is there, skips unknown departments. */
  async seedKeywords(seeds: DepartmentKeywordSeed[]): Promise<{ keywords: number; unknownDepartments: string[] }> {
    const ids = await this.users.departmentIdsByCode(this.dataSource);
    const rows = seeds.flatMap((s) => {
      const departmentId = ids.get(s.departmentCode);
      return departmentId ? s.words.map((keyword) => ({ department_id: departmentId, keyword })) : [];
    });
    const inserted: { keyword: string }[] = await this.dataSource.query(
      `INSERT INTO department_keyword (department_id, keyword)
       SELECT k.department_id, k.keyword FROM jsonb_to_recordset($1::jsonb) AS k(department_id uuid, keyword text)
       ON CONFLICT DO NOTHING
       RETURNING keyword`,
      [JSON.stringify(rows)],
    );
    const known = new Set(ids.keys());
    return { keywords: inserted.length, unknownDepartments: [...new Set(seeds.map((s) => s.departmentCode))].filter((c) => !known.has(c)) };
  }
}
