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
}
