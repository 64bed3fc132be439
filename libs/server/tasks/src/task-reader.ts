import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

type Sql = Pick<EntityManager, 'query'>;

/** A task as other capabilities name one. */
export interface TaskRefRow {
  id: string;
  code: string;
  title: string;
  planId: string;
  leadDepartmentId: string | null;
  coDepartmentIds: string[];
  ownerUserId: string | null;
}

/** The columns of TaskRefRow, for `SELECT ${TASK_REF_COLUMNS} FROM task t`. */
const TASK_REF_COLUMNS = `t.id, t.code, t.title, t.plan_id AS "planId", t.lead_department_id AS "leadDepartmentId",
  t.co_department_ids AS "coDepartmentIds", t.owner_user_id AS "ownerUserId"`;

/** The tasks capability's read side for everyone else, always by a batch of ids. */
@Injectable()
export class TaskReader {
  /** Tasks by id (unknown ids are absent). */
  async refs(m: Sql, ids: readonly (string | null | undefined)[]): Promise<Map<string, TaskRefRow>> {
    const unique = [...new Set(ids.filter((id): id is string => !!id))];
    if (unique.length === 0) return new Map();
    const rows: TaskRefRow[] = await m.query(`SELECT ${TASK_REF_COLUMNS} FROM task t WHERE t.id = ANY($1::uuid[])`, [unique]);
    return new Map(rows.map((r) => [r.id, r]));
  }
}
