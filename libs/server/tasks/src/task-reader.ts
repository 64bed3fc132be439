import { Injectable } from '@nestjs/common';
import type { TaskState } from '@luoshi/domain/workflow';
import { rowsById, type Sql } from '@luoshi/server/platform';

/** A task as other capabilities name one. */
export interface TaskRefRow {
  id: string;
  code: string;
  title: string;
  planId: string;
  status: TaskState;
  leadDepartmentId: string | null;
  coDepartmentIds: string[];
  ownerUserId: string | null;
}

/** The columns of TaskRefRow, for `SELECT ${TASK_REF_COLUMNS} FROM task t`. */
const TASK_REF_COLUMNS = `t.id, t.code, t.title, t.plan_id AS "planId", t.status, t.lead_department_id AS "leadDepartmentId",
  t.co_department_ids AS "coDepartmentIds", t.owner_user_id AS "ownerUserId"`;

/** The tasks capability's read side for everyone else, always by a batch of ids. */
@Injectable()
export class TaskReader {
  /** Tasks by id (unknown ids are absent). */
  refs(m: Sql, ids: readonly (string | null | undefined)[]): Promise<Map<string, TaskRefRow>> {
    return rowsById(m, `SELECT ${TASK_REF_COLUMNS} FROM task t WHERE t.id = ANY($1::uuid[])`, ids);
  }
}
