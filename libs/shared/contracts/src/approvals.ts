/** Approvals (审批): chains of steps over reports and requests, inbox, templates, delegations. */
import { TASK_REQUEST_KINDS } from './requests';
import type { TaskDepartmentRef, TaskUserRef } from './tasks';

/** Reports and special action plans, and every kind of request about a task. */
export const APPROVAL_SUBJECT_TYPES = ['progress_report', 'special_action_plan', ...TASK_REQUEST_KINDS] as const;
export type ApprovalSubjectType = (typeof APPROVAL_SUBJECT_TYPES)[number];

/** Mirrors ApprovalStatus of @luoshi/domain/workflow (contracts may not import domain libs). */
export const APPROVAL_INSTANCE_STATUSES = ['in_progress', 'approved', 'rejected', 'returned_to_drafter', 'withdrawn'] as const;
export type ApprovalInstanceStatus = (typeof APPROVAL_INSTANCE_STATUSES)[number];

/** What a user may do through POST /api/approvals/:id/actions (timeouts are the system's). */
export const APPROVAL_USER_ACTIONS = ['approve', 'reject', 'return', 'transfer', 'addSigner', 'withdraw', 'comment'] as const;
export type ApprovalUserAction = (typeof APPROVAL_USER_ACTIONS)[number];

export type ApprovalTimelineType = 'start' | ApprovalUserAction | 'timeout';

export const APPROVAL_INBOX_BOXES = ['todo', 'done', 'cc'] as const;
/** todo = awaiting my decision (or my delegator's), done = I decided, cc = copied to me. */
export type ApprovalInboxBox = (typeof APPROVAL_INBOX_BOXES)[number];

export const APPROVAL_SUBJECT_LABELS: Record<ApprovalSubjectType, string> = {
  progress_report: '进展报告',
  extension_request: '延期申请',
  completion_request: '办结申请',
  change_request: '任务变更申请',
  special_action_plan: '专项行动计划',
};

export const APPROVAL_STATUS_LABELS: Record<ApprovalInstanceStatus, string> = {
  in_progress: '审批中',
  approved: '已通过',
  rejected: '未通过',
  returned_to_drafter: '已退回',
  withdrawn: '已撤回',
};

export interface ApprovalActionRequest {
  type: ApprovalUserAction;
  comment?: string;
  /** return: an earlier step; omitted = back to the drafter. */
  toStepKey?: string;
  /** transfer: the new approver. */
  toUserId?: string;
  /** addSigner: the signer to add, before or after me. */
  userId?: string;
  position?: 'before' | 'after';
  /** When acting for one of several delegators: whose place to use. */
  onBehalfOf?: string;
  /** The instance version the caller saw; a changed instance answers 409 APPROVAL_STALE. */
  version: number;
}

/** Each count stops at 10,000; `exact: false` when one of them did (show "10,000+"). */
export interface ApprovalCounts {
  todo: number;
  done: number;
  cc: number;
  exact: boolean;
}

export interface ApprovalStepRef {
  key: string;
  name: string;
}

export interface ApprovalInboxItem {
  id: string;
  subjectType: ApprovalSubjectType;
  subjectId: string;
  taskId: string | null;
  /** The task's code and plan: codes repeat across plans, so the inbox names the plan. */
  task: { code: string; planCode: string; planTitle: string } | null;
  templateCode: string;
  title: string;
  link: string | null;
  status: ApprovalInstanceStatus;
  currentStep: ApprovalStepRef | null;
  drafter: TaskUserRef;
  department: TaskDepartmentRef | null;
  /** Who is awaited now. */
  pendingApprovers: TaskUserRef[];
  /** todo box: set when the item waits for someone who delegated to me ("代 A"). */
  onBehalfOf: TaskUserRef[];
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface ApprovalInboxResponse {
  box: ApprovalInboxBox;
  counts: ApprovalCounts;
  items: ApprovalInboxItem[];
  total: number;
  totalExact: boolean;
  page: number;
  pageSize: number;
  /** Pass as `after` for the next page (null on the last page). */
  nextCursor: string | null;
}

export interface ApprovalDecisionResponse {
  user: TaskUserRef;
  onBehalfOf: TaskUserRef | null;
  action: 'approve' | 'reject' | 'return';
  comment: string | null;
  at: string;
}

export interface ApprovalStepResponse {
  key: string;
  name: string;
  mode: 'single' | 'countersign' | 'anySign';
  status: 'pending' | 'active' | 'approved' | 'rejected' | 'returned' | 'skipped';
  approvers: TaskUserRef[];
  escalatedTo: TaskUserRef[];
  decisions: ApprovalDecisionResponse[];
  activatedAt: string | null;
  timeouts: number;
}

export interface ApprovalTimelineEntry {
  version: number;
  type: ApprovalTimelineType;
  at: string;
  /** null for the system (timeouts). */
  actor: TaskUserRef | null;
  /** Set when the actor acted under a delegation. */
  onBehalfOf: TaskUserRef | null;
  /** "周处长 代 郑处长" when delegated, else the actor's name; "系统" for timeouts. */
  actorLabel: string;
  comment: string | null;
  stepKey: string | null;
  stepName: string | null;
  /** transfer target, added signer, escalation users … */
  targets: TaskUserRef[];
  data: Record<string, unknown>;
}

export interface ApprovalDetailResponse extends ApprovalInboxItem {
  templateName: string;
  templateVersion: number;
  steps: ApprovalStepResponse[];
  cc: TaskUserRef[];
  timeline: ApprovalTimelineEntry[];
  /** What the caller may do now. */
  allowedActions: ApprovalUserAction[];
  /** When the current step times out next (reminder, then escalation), if it has a timeout. */
  stepDeadline: string | null;
  /** Which submission of the item this is (1 = the first; a resubmission after a return is the next round). */
  round: number;
  /** The item's other rounds (earlier returns and withdrawals with their comments, or a later resubmission), oldest first. */
  otherRounds: ApprovalRoundResponse[];
}

/** One run of an item's approval: submitted, then approved, rejected, returned or withdrawn. */
export interface ApprovalRoundResponse {
  id: string;
  round: number;
  status: ApprovalInstanceStatus;
  createdAt: string;
  finishedAt: string | null;
  timeline: ApprovalTimelineEntry[];
}

export interface BulkApproveRequest {
  ids: string[];
  comment?: string;
}

export interface BulkApproveItemResult {
  id: string;
  ok: boolean;
  /** The instance status after the action (ok) */
  status?: ApprovalInstanceStatus;
  version?: number;
  /** Why not (not ok): the error code and Chinese message. */
  code?: string;
  message?: string;
}

export interface BulkApproveResponse {
  approved: number;
  failed: number;
  results: BulkApproveItemResult[];
}

export type ApproverRuleBody =
  | { kind: 'role'; role: string; scope?: 'subject_lead_department' | 'any' }
  | { kind: 'lead_department_head' }
  | { kind: 'office' }
  | { kind: 'co_departments' }
  | { kind: 'users'; userIds: string[] }
  | { kind: 'drafting_department_head' };

export interface ApprovalStepTemplateBody {
  key: string;
  name: string;
  mode: 'single' | 'countersign' | 'anySign';
  approvers: ApproverRuleBody[];
  timeoutWorkingDays?: number;
  onTimeout?: { remind: boolean; escalateTo?: ApproverRuleBody };
}

export interface ApprovalTemplateResponse {
  code: string;
  name: string;
  version: number;
  steps: ApprovalStepTemplateBody[];
  cc: ApproverRuleBody[];
  updatedAt: string;
}

/** PUT /api/approval-templates/:code. `version` = the version being edited (stale → 409). */
export interface UpdateApprovalTemplateRequest {
  name?: string;
  steps: ApprovalStepTemplateBody[];
  cc?: ApproverRuleBody[];
  version: number;
}

export interface ApprovalDelegationResponse {
  id: string;
  from: TaskUserRef;
  to: TaskUserRef;
  fromDate: string;
  toDate: string;
  reason: string | null;
  /** True on today's Beijing date. */
  active: boolean;
  createdAt: string;
}

export interface CreateApprovalDelegationRequest {
  /** office_admin only: delegate on someone else's behalf. Default: me. */
  fromUserId?: string;
  toUserId: string;
  fromDate: string;
  toDate: string;
  reason?: string;
}

export const ApprovalApiPaths = {
  inbox: '/api/approvals/inbox',
  approval: (id: string) => `/api/approvals/${id}`,
  actions: (id: string) => `/api/approvals/${id}/actions`,
  bulkApprove: '/api/approvals/bulk-approve',
  delegations: '/api/approvals/delegations',
  templates: '/api/approval-templates',
  template: (code: string) => `/api/approval-templates/${code}`,
} as const;
