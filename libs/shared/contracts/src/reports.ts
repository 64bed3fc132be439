/** Progress reports (进展填报), evidence (佐证材料), extension/completion requests, special action plans. */
import type { ApprovalInstanceStatus } from './approvals';
import type { PlanRef } from './plans';
import type { TaskDepartmentRef, TaskStatus, TaskUserRef } from './tasks';

/** Mirrors REPORT_STATES of @luoshi/domain/workflow. Requests and special action plans use it too. */
export const REPORT_STATUSES = ['draft', 'submitted', 'in_approval', 'approved', 'returned', 'rejected'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

/** The Chinese name of each report state, written once for the workflow's labels and the web's zh texts (reportStatus.*). */
export const REPORT_STATUS_LABELS_ZH: Readonly<Record<ReportStatus, string>> = {
  draft: '草稿',
  submitted: '已提交',
  in_approval: '审批中',
  approved: '已通过',
  returned: '已退回',
  rejected: '未通过',
};

export const EVIDENCE_OWNER_TYPES = ['progress_report', 'task', 'special_action_plan'] as const;
/** progress_report: a report's evidence; task: evidence kept on the task (completion requests cite it); special_action_plan: drafts. */
export type EvidenceOwnerType = (typeof EVIDENCE_OWNER_TYPES)[number];

/** Evidence uploads, 20 MB each; the type is decided by the file's bytes, not its name. */
export const EVIDENCE_MAX_BYTES = 20 * 1024 * 1024;
export const EVIDENCE_FILE_TYPES = ['pdf', 'docx', 'xlsx', 'jpg', 'png'] as const;
/** Special action plan drafts: what the plan import reads. */
export const DRAFT_FILE_TYPES = ['docx', 'txt', 'md'] as const;
export type EvidenceFileType = (typeof EVIDENCE_FILE_TYPES)[number] | (typeof DRAFT_FILE_TYPES)[number];

export interface EvidenceFileResponse {
  id: string;
  ownerType: EvidenceOwnerType;
  ownerId: string;
  fileName: string;
  contentType: string;
  size: number;
  sha256: string;
  uploadedBy: TaskUserRef;
  uploadedAt: string;
  /** GET it for the bytes. */
  downloadUrl: string;
}

export interface ReportContributionResponse {
  id: string;
  department: TaskDepartmentRef;
  content: string;
  submittedBy: TaskUserRef;
  submittedAt: string;
  mergedAt: string | null;
}

export type ReportAction = 'edit' | 'submit' | 'contribute' | 'merge' | 'upload';

export interface ProgressReportResponse {
  id: string;
  taskId: string;
  taskCode: string;
  taskTitle: string;
  periodKey: string;
  periodLabel: string;
  periodStart: string;
  periodEnd: string;
  dueDate: string;
  /** After this date a never-submitted report can no longer be submitted. */
  locksOn: string;
  locked: boolean;
  status: ReportStatus;
  content: string;
  progress: number | null;
  risks: string;
  nextSteps: string;
  redExplanation: string | null;
  late: boolean;
  submittedAt: string | null;
  approvedAt: string | null;
  author: TaskUserRef | null;
  approvalId: string | null;
  approvalStatus: ApprovalInstanceStatus | null;
  /** The approver's comment when the report came back (退回意见). */
  returnComment: string | null;
  contributions: ReportContributionResponse[];
  evidence: EvidenceFileResponse[];
  /** What the caller may do now. */
  allowedActions: ReportAction[];
  version: number;
  updatedAt: string;
}

export interface UpdateProgressReportRequest {
  content?: string;
  progress?: number;
  risks?: string;
  nextSteps?: string;
  /** Required to submit while the task is red (逾期说明). */
  redExplanation?: string | null;
  version: number;
}

export interface SubmitProgressReportRequest {
  version: number;
}

export interface ReportContributionRequest {
  content: string;
}

export interface MergeContributionsRequest {
  /** Default: every unmerged contribution. */
  contributionIds?: string[];
  version: number;
}

export interface SpecialActionPlanResponse {
  id: string;
  planId: string;
  taskId: string;
  taskCode: string;
  /** The drafting task's state: completed once the leader approves the plan. */
  taskStatus: TaskStatus;
  /** The drafting task's deadline: from the plan text when it states one, else set by the office. */
  dueDate: string | null;
  deadlineText: string | null;
  /** The action plan the special plan belongs to (the parent of its child plan). */
  plan: PlanRef;
  /** The child plan imported from the approved draft. */
  childPlan: PlanRef | null;
  deliverable: string;
  leadDepartment: TaskDepartmentRef | null;
  coDepartments: TaskDepartmentRef[];
  status: ReportStatus;
  draft: EvidenceFileResponse | null;
  approvalId: string | null;
  approvalStatus: ApprovalInstanceStatus | null;
  returnComment: string | null;
  childPlanId: string | null;
  version: number;
  updatedAt: string;
}

export interface GenerateSpecialActionPlansResponse {
  created: number;
  existing: number;
  /** Duties that could not become a task (no lead department or no plan node), with the reason. */
  skipped: { deliverable: string; reason: string }[];
  items: SpecialActionPlanResponse[];
}

export interface ImportChildPlanResponse {
  specialActionPlanId: string;
  childPlanId: string;
  title: string;
  measures: number;
}

export const ReportApiPaths = {
  taskReports: (taskId: string) => `/api/tasks/${taskId}/reports`,
  report: (id: string) => `/api/reports/${id}`,
  submit: (id: string) => `/api/reports/${id}/submit`,
  contributions: (id: string) => `/api/reports/${id}/contributions`,
  merge: (id: string) => `/api/reports/${id}/merge-contributions`,
  evidence: '/api/evidence',
  evidenceFile: (id: string) => `/api/evidence/${id}`,
  specialActionPlans: '/api/special-action-plans',
  generateSpecialActionPlans: '/api/special-action-plans/generate',
  specialActionPlan: (id: string) => `/api/special-action-plans/${id}`,
} as const;
