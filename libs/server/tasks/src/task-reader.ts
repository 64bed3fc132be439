import { Injectable } from '@nestjs/common';
import type { TaskState } from '@luoshi/domain/workflow';
import type { TaskDepartments } from '@luoshi/server/notifications';
import { rowsById, type Sql } from '@luoshi/server/platform';
import type { ReminderTasks } from '@luoshi/server/reminders';

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
  /** YYYY-MM-DD, or null when the task has no deadline. */
  dueDate: string | null;
  deadlineText: string | null;
}

/** The columns of TaskRefRow, for `SELECT ${TASK_REF_COLUMNS} FROM task t`. */
const TASK_REF_COLUMNS = `t.id, t.code, t.title, t.plan_id AS "planId", t.status, t.lead_department_id AS "leadDepartmentId",
  t.co_department_ids AS "coDepartmentIds", t.owner_user_id AS "ownerUserId", to_char(t.due_date, 'YYYY-MM-DD') AS "dueDate", t.deadline_text AS "deadlineText"`;

/** A task that reports progress (accepted or in progress, with a reporting cycle). */
export interface ReportingTaskRow {
  id: string;
  reportingCycle: string;
  startDate: string | null;
  dueDate: string | null;
  acceptedAt: Date | null;
}

/** The columns of ReportingTaskRow, and the tasks that report. */
const REPORTING_TASKS = `
  SELECT t.id, t.reporting_cycle AS "reportingCycle", t.start_date::text AS "startDate", to_char(t.due_date, 'YYYY-MM-DD') AS "dueDate",
         (SELECT min(e.at) FROM task_event e WHERE e.task_id = t.id AND e.kind = 'accepted') AS "acceptedAt"
    FROM task t
   WHERE t.status IN ('accepted', 'in_progress') AND t.reporting_cycle <> 'none'`;

/** The tasks capability's read side for everyone else, always by a batch of ids. */
@Injectable()
export class TaskReader implements TaskDepartments, ReminderTasks {
  /**
   * Tasks by id (unknown ids are absent); `lock` holds them for the rest of the transaction, for a
   * caller whose decision rests on them (may a file still be attached to the task).
   */
  refs(m: Sql, ids: readonly (string | null | undefined)[], options: { lock?: boolean } = {}): Promise<Map<string, TaskRefRow>> {
    return rowsById(m, `SELECT ${TASK_REF_COLUMNS} FROM task t WHERE t.id = ANY($1::uuid[])${options.lock ? ' FOR UPDATE' : ''}`, ids);
  }

  /** Every task that reports, or only `taskId` if it does (the progress reports' drafts follow these). */
  reportingTasks(m: Sql, taskId?: string): Promise<ReportingTaskRow[]> {
    return taskId ? m.query(`${REPORTING_TASKS} AND t.id = $1`, [taskId]) : m.query(REPORTING_TASKS);
  }
}
