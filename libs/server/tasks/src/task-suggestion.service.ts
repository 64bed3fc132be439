import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { DepartmentKeywordSeed, DepartmentSuggestionResponse } from '@luoshi/contracts';
import { UserDirectory } from '@luoshi/server/identity';
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
  ) {}

  async suggest(taskId: string): Promise<DepartmentSuggestionResponse[]> {
    const m = this.dataSource.manager;
    const task = await this.store.find(m, taskId);
    const [measure] = await m.query(`SELECT title, body FROM plan_node WHERE id = $1`, [task.measureNodeId]);
    const text = [task.title, task.body, measure?.title ?? '', measure?.body ?? ''].join('\n');
    const [departments, keywords, own, evidence, corpus] = await Promise.all([
      this.users.allDepartments(m),
      m.query(`SELECT department_id AS "departmentId", keyword FROM department_keyword`) as Promise<DepartmentKeyword[]>,
      this.ownDuty(task.measureNodeId),
      this.evidence(task.planId, task.measureNodeId),
      m.query(`SELECT title || '。' || body AS text FROM plan_node WHERE plan_id = $1 AND kind IN ('measure', 'submeasure') AND retired_in_version IS NULL`, [
        task.planId,
      ]) as Promise<{ text: string }[]>,
    ]);
    return rankDepartments({ text, departments, keywords, ownDuty: own, evidence, corpus: corpus.map((c) => c.text) }).map((s) => ({
      department: { id: s.department.id, code: s.department.code, name: s.department.name },
      suggestedRole: s.role,
      reasons: s.reasons,
      score: s.score,
    }));
  }

  /** The live duties on the measure, else on its nearest ancestor with any (as task generation reads them). */
  private async ownDuty(nodeId: string): Promise<{ leadIds: string[]; coIds: string[] } | null> {
    const rows: { leadIds: (string | null)[]; coIds: string[] }[] = await this.dataSource.query(
      `WITH RECURSIVE up AS (
         SELECT id, parent_id, 0 AS depth FROM plan_node WHERE id = $1
         UNION ALL SELECT n.id, n.parent_id, up.depth + 1 FROM plan_node n JOIN up ON n.id = up.parent_id WHERE up.depth < 10
       ), nearest AS (
         SELECT up.id FROM up WHERE EXISTS (SELECT 1 FROM plan_duty d WHERE d.node_id = up.id AND d.retired_in_version IS NULL)
          ORDER BY up.depth LIMIT 1
       )
       SELECT d.lead_department_ids AS "leadIds", d.co_department_ids AS "coIds"
         FROM plan_duty d JOIN nearest ON d.node_id = nearest.id
        WHERE d.retired_in_version IS NULL AND d.kind = 'general'
        ORDER BY d.id`,
      [nodeId],
    );
    if (rows.length === 0) return null;
    const leadIds = [...new Set(rows.flatMap((r) => r.leadIds.filter((id): id is string => id !== null)))];
    const coIds = [...new Set(rows.flatMap((r) => r.coIds))].filter((id) => !leadIds.includes(id));
    return leadIds.length + coIds.length > 0 ? { leadIds, coIds } : null;
  }

  /** The plan's duties on other measures (their lead departments) and past assignments of other measures. */
  private async evidence(planId: string, nodeId: string): Promise<DepartmentEvidence[]> {
    const duties: { departmentId: string; text: string }[] = await this.dataSource.query(
      `SELECT lead.id AS "departmentId", d.deliverable || coalesce('。' || n.title, '') AS text
         FROM plan_duty d
         LEFT JOIN plan_node n ON n.id = d.node_id
         CROSS JOIN LATERAL unnest(d.lead_department_ids) AS lead(id)
        WHERE d.plan_id = $1 AND d.retired_in_version IS NULL AND lead.id IS NOT NULL AND d.node_id IS DISTINCT FROM $2`,
      [planId, nodeId],
    );
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
