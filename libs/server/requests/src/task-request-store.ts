import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ReportStatus, TaskRequestChange, TaskRequestKind, TaskRequestResponse } from '@luoshi/contracts';

/** A task_request row as this lib reads it: the response's own fields, with the requester and times raw. */
export type TaskRequestRow = Omit<TaskRequestResponse, 'evidence' | 'requestedBy' | 'createdAt' | 'decidedAt'> & {
  requestedBy: string;
  createdAt: Date;
  decidedAt: Date | null;
};

const SELECT = `
  SELECT r.id, r.task_id AS "taskId", r.kind, r.reason, r.payload, r.changes, r.status, r.approval_instance_id AS "approvalId",
         r.return_comment AS "returnComment", r.requested_by AS "requestedBy", r.created_at AS "createdAt", r.decided_at AS "decidedAt"
    FROM task_request r`;

/** The only place task_request's SQL lives. */
@Injectable()
export class TaskRequestStore {
  async find(m: EntityManager, id: string, options: { lock?: boolean } = {}): Promise<TaskRequestRow | null> {
    const [row] = (await m.query(`${SELECT} WHERE r.id = $1${options.lock ? ' FOR UPDATE OF r' : ''}`, [id])) as TaskRequestRow[];
    return row ?? null;
  }

  async forTask(m: EntityManager, taskId: string): Promise<TaskRequestRow[]> {
    return m.query(`${SELECT} WHERE r.task_id = $1 ORDER BY r.created_at, r.id`, [taskId]);
  }

  async hasOpen(m: EntityManager, taskId: string, kind: TaskRequestKind): Promise<boolean> {
    const rows = await m.query(`SELECT 1 FROM task_request WHERE task_id = $1 AND kind = $2 AND status IN ('submitted', 'in_approval')`, [taskId, kind]);
    return rows.length > 0;
  }

  async insert(
    m: EntityManager,
    row: { taskId: string; kind: TaskRequestKind; reason: string; payload: object; changes: TaskRequestChange[]; status: ReportStatus; requestedBy: string },
  ): Promise<string> {
    const [inserted] = await m.query(
      `INSERT INTO task_request (task_id, kind, reason, payload, changes, status, requested_by) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [row.taskId, row.kind, row.reason, JSON.stringify(row.payload), JSON.stringify(row.changes), row.status, row.requestedBy],
    );
    return inserted.id as string;
  }

  async linkApproval(m: EntityManager, id: string, instanceId: string): Promise<void> {
    await m.query(`UPDATE task_request SET approval_instance_id = $2 WHERE id = $1`, [id, instanceId]);
  }

  /** The decision: returned keeps the comment; approved keeps what was applied. */
  async decide(m: EntityManager, id: string, status: ReportStatus, comment: string | null, applied: TaskRequestChange[] | null): Promise<void> {
    await m.query(
      `UPDATE task_request SET status = $2, return_comment = CASE WHEN $2 = 'returned' THEN $3 ELSE return_comment END,
              changes = coalesce($4::jsonb, changes),
              decided_at = CASE WHEN $2 IN ('approved', 'rejected') THEN now() END, updated_at = now()
        WHERE id = $1`,
      [id, status, comment, applied ? JSON.stringify(applied) : null],
    );
  }
}
