import { Injectable } from '@nestjs/common';
import { rowsById, type Sql } from '@luoshi/server/platform';

/** A plan as other capabilities show one. */
export interface PlanRefRow {
  id: string;
  code: string;
  title: string;
  status: string;
}

/** The columns of PlanRefRow, for `SELECT ${PLAN_REF_COLUMNS} FROM plan p`. */
const PLAN_REF_COLUMNS = `p.id, p.code, p.title, p.status`;

/** A part or section of a plan's outline; a section carries its part's code. */
export interface PlanOutlineRow {
  code: string;
  kind: 'part' | 'section';
  title: string;
  partCode: string | null;
}

/** A plan node as other capabilities name one. */
export interface PlanNodeRefRow {
  id: string;
  code: string;
  title: string;
  body: string;
}

/** A live general duty of a plan, as task generation pre-fills a task from it. */
export interface PlanDutyRow {
  id: string;
  nodeId: string;
  /** Every lead's department, in the order written; null = collective or unknown name (skipped). */
  leadDepartmentIds: (string | null)[];
  coDepartmentIds: string[];
  deadlineText: string | null;
  /** ISO date the parser read from deadlineText, if any. */
  deadline: string | null;
  /** Document order (source line), for merging several duties of one node. */
  line: number;
}

/** A live duty to draft a special action plan, in document order. */
export interface SpecialPlanDutyRow {
  id: string;
  deliverable: string;
  nodeId: string | null;
  leadId: string | null;
  coIds: string[];
  source: string;
  deadlineText: string | null;
  deadline: string | null;
}

/** The plans capability's read side for everyone else, always by a batch of ids. */
@Injectable()
export class PlanReader {
  /** Plans by id (unknown ids are absent). */
  refs(m: Sql, ids: readonly (string | null | undefined)[]): Promise<Map<string, PlanRefRow>> {
    return rowsById(m, `SELECT ${PLAN_REF_COLUMNS} FROM plan p WHERE p.id = ANY($1::uuid[])`, ids);
  }

  /** The most recently imported active action plan, or null. */
  async latestActionPlan(m: Sql): Promise<PlanRefRow | null> {
    const [row] = await m.query(
      `SELECT ${PLAN_REF_COLUMNS} FROM plan p WHERE p.status = 'active' AND p.kind = 'action_plan' ORDER BY p.created_at DESC, p.id LIMIT 1`,
    );
    return row ?? null;
  }

  /** A plan by its code, or null. */
  async byCode(m: Sql, code: string): Promise<PlanRefRow | null> {
    const [row] = await m.query(`SELECT ${PLAN_REF_COLUMNS} FROM plan p WHERE p.code = $1`, [code]);
    return row ?? null;
  }

  /** The plan's live parts and sections in document order (source line; sort_order counts among siblings). */
  outline(m: Sql, planId: string): Promise<PlanOutlineRow[]> {
    return m.query(
      `SELECT n.code, n.kind, n.title, CASE WHEN n.kind = 'section' AND p.kind = 'part' THEN p.code END AS "partCode"
         FROM plan_node n LEFT JOIN plan_node p ON p.id = n.parent_id
        WHERE n.plan_id = $1 AND n.kind IN ('part', 'section') AND n.retired_in_version IS NULL
        ORDER BY n.source_line, n.code`,
      [planId],
    );
  }

  /** Locks the plan's row for the rest of the transaction (generations of one plan queue behind it); false when there is none. */
  async lock(m: Sql, planId: string): Promise<boolean> {
    const [row] = await m.query(`SELECT id FROM plan WHERE id = $1 FOR UPDATE`, [planId]);
    return row !== undefined;
  }

  /** Nodes by id (unknown ids are absent). */
  nodes(m: Sql, ids: readonly (string | null | undefined)[]): Promise<Map<string, PlanNodeRefRow>> {
    return rowsById(m, `SELECT n.id, n.code, n.title, n.body FROM plan_node n WHERE n.id = ANY($1::uuid[])`, ids);
  }

  /** Each live node's parent (null at the top), by node id. */
  async liveParents(m: Sql, planId: string): Promise<Map<string, string | null>> {
    const nodes: { id: string; parentId: string | null }[] = await m.query(
      `SELECT id, parent_id AS "parentId" FROM plan_node WHERE plan_id = $1 AND retired_in_version IS NULL`,
      [planId],
    );
    return new Map(nodes.map((n) => [n.id, n.parentId]));
  }

  /** The text (title。body) of each live measure and sub-measure of the plan. */
  async measureTexts(m: Sql, planId: string): Promise<string[]> {
    const rows: { text: string }[] = await m.query(
      `SELECT title || '。' || body AS text FROM plan_node WHERE plan_id = $1 AND kind IN ('measure', 'submeasure') AND retired_in_version IS NULL`,
      [planId],
    );
    return rows.map((r) => r.text);
  }

  /** The plan's live general duties tied to a node. */
  generalDuties(m: Sql, planId: string): Promise<PlanDutyRow[]> {
    return m.query(
      `SELECT id, node_id AS "nodeId", lead_department_ids AS "leadDepartmentIds", co_department_ids AS "coDepartmentIds",
              deadline_text AS "deadlineText", to_char(deadline, 'YYYY-MM-DD') AS deadline,
              CASE source WHEN 'annotation' THEN 0 WHEN 'annex_table' THEN 1 ELSE 2 END AS line
         FROM plan_duty
        WHERE plan_id = $1 AND retired_in_version IS NULL AND kind = 'general' AND node_id IS NOT NULL`,
      [planId],
    );
  }

  /** The live general duties on the node, else on its nearest ancestor with any live duty. */
  nearestGeneralDuties(m: Sql, nodeId: string): Promise<{ leadIds: (string | null)[]; coIds: string[] }[]> {
    return m.query(
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
  }

  /** Each lead department of the plan's live duties not on `exceptNodeId`, with the duty's text (deliverable。node title). */
  dutyLeads(m: Sql, planId: string, exceptNodeId: string): Promise<{ departmentId: string; text: string }[]> {
    return m.query(
      `SELECT lead.id AS "departmentId", d.deliverable || coalesce('。' || n.title, '') AS text
         FROM plan_duty d
         LEFT JOIN plan_node n ON n.id = d.node_id
         CROSS JOIN LATERAL unnest(d.lead_department_ids) AS lead(id)
        WHERE d.plan_id = $1 AND d.retired_in_version IS NULL AND lead.id IS NOT NULL AND d.node_id IS DISTINCT FROM $2`,
      [planId, exceptNodeId],
    );
  }

  /** The plan's live duties to draft a special action plan, in the order of their nodes (unattached last), then by deliverable. */
  specialPlanDuties(m: Sql, planId: string): Promise<SpecialPlanDutyRow[]> {
    return m.query(
      `SELECT d.id, d.deliverable, d.node_id AS "nodeId", d.lead_department_id AS "leadId", d.co_department_ids AS "coIds",
              d.source_sentence AS source, d.deadline_text AS "deadlineText", to_char(d.deadline, 'YYYY-MM-DD') AS deadline
         FROM plan_duty d LEFT JOIN plan_node n ON n.id = d.node_id
        WHERE d.plan_id = $1 AND d.kind = 'special_action_plan' AND d.retired_in_version IS NULL
        ORDER BY n.sort_order NULLS LAST, d.deliverable`,
      [planId],
    );
  }
}
