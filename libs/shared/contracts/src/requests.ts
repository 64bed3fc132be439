/**
 * Requests about a task (延期申请, 办结申请, 任务变更申请 …): one capability, kinds as plug-ins. Each kind
 * is a file in libs/server/requests/src/kinds; its approval template has the kind's code.
 */
import type { EvidenceFileResponse, ReportStatus } from './reports';
import type { TaskUserRef } from './tasks';

export const TASK_REQUEST_KINDS = ['extension_request', 'completion_request', 'change_request'] as const;
export type TaskRequestKind = (typeof TASK_REQUEST_KINDS)[number];

/** 延期申请: a later deadline. */
export interface ExtensionRequestPayload {
  newDueDate: string;
}

/** 申请办结: files uploaded to the task (ownerType=task) that show the work is done; at least one. */
export interface CompletionRequestPayload {
  evidenceIds: string[];
}

/** 任务变更申请: the fields to change, at least one differing from the task today. */
export interface ChangeRequestPayload {
  title?: string;
  body?: string;
  leadDepartmentId?: string;
  coDepartmentIds?: string[];
  dueDate?: string;
}

export interface TaskRequestPayloads {
  extension_request: ExtensionRequestPayload;
  completion_request: CompletionRequestPayload;
  change_request: ChangeRequestPayload;
}

/** POST /api/tasks/:taskId/requests */
export type CreateTaskRequest = {
  [K in TaskRequestKind]: { kind: K; reason: string; payload: TaskRequestPayloads[K] };
}[TaskRequestKind];

/** One field a request changes: values as text (dates 'YYYY-MM-DD', departments by name). */
export interface TaskRequestChange {
  field: 'title' | 'body' | 'leadDepartment' | 'coDepartments' | 'dueDate' | 'status';
  from: string | null;
  to: string | null;
}

export interface TaskRequestResponse {
  id: string;
  taskId: string;
  kind: TaskRequestKind;
  /** The requester's reason (for 办结, the summary of the work done). */
  reason: string;
  payload: TaskRequestPayloads[TaskRequestKind];
  /** What approval changes (or changed), read the same way for every kind. */
  changes: TaskRequestChange[];
  /** Files the request cites (办结); empty for other kinds. */
  evidence: EvidenceFileResponse[];
  status: ReportStatus;
  approvalId: string | null;
  returnComment: string | null;
  requestedBy: TaskUserRef;
  createdAt: string;
  decidedAt: string | null;
}
