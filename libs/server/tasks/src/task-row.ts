import type { TaskReportingCycle } from '@luoshi/contracts';
import type { TaskState } from '@luoshi/domain/workflow';

/** A task as the write side reads it (dates as 'YYYY-MM-DD' text). */
export interface TaskRow {
  id: string;
  planId: string;
  code: string;
  measureNodeId: string;
  title: string;
  body: string;
  leadDepartmentId: string | null;
  coDepartmentIds: string[];
  ownerUserId: string | null;
  startDate: string | null;
  dueDate: string | null;
  deadlineText: string | null;
  reportingCycle: TaskReportingCycle;
  status: TaskState;
  resumeTo: TaskState | null;
  progress: number;
  lastReportLate: boolean;
  returnedReason: string | null;
  version: number;
}

/** The columns of TaskRow, for `SELECT ${TASK_ROW_COLUMNS} FROM task t`. */
export const TASK_ROW_COLUMNS = `
  t.id, t.plan_id AS "planId", t.code, t.measure_node_id AS "measureNodeId", t.title, t.body,
  t.lead_department_id AS "leadDepartmentId", t.co_department_ids AS "coDepartmentIds",
  t.owner_user_id AS "ownerUserId", t.start_date::text AS "startDate", t.due_date::text AS "dueDate",
  t.deadline_text AS "deadlineText", t.reporting_cycle AS "reportingCycle", t.status, t.resume_to AS "resumeTo",
  t.progress, t.last_report_late AS "lastReportLate", t.returned_reason AS "returnedReason", t.version`;

/** Columns a write may set, mapped to their SQL names. */
export const WRITABLE_COLUMNS = {
  code: 'code',
  title: 'title',
  body: 'body',
  leadDepartmentId: 'lead_department_id',
  coDepartmentIds: 'co_department_ids',
  ownerUserId: 'owner_user_id',
  startDate: 'start_date',
  dueDate: 'due_date',
  deadlineText: 'deadline_text',
  reportingCycle: 'reporting_cycle',
  status: 'status',
  resumeTo: 'resume_to',
  returnedReason: 'returned_reason',
  returnedAt: 'returned_at',
  progress: 'progress',
  lastReportAt: 'last_report_at',
  lastReportLate: 'last_report_late',
} as const satisfies Record<keyof TaskWrite, string>;

/**
 * What a write may set: any column of TaskRow but the task's identity and version, and the times of
 * the last return and report. `body` is changed by an approved 任务变更申请, `progress` and the last
 * report by an approved progress report (reports capability).
 */
export type TaskWrite = Partial<
  Omit<TaskRow, 'id' | 'planId' | 'measureNodeId' | 'version'> & {
    returnedAt: Date | null;
    lastReportAt: Date | null;
  }
>;
