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
}
