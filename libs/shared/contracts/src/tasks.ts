/** Tasks (任务): the workflow items made from a plan's measures. */

/** Task states; @luoshi/domain/workflow's state machine (TASK_STATES) is built on this list. */
export const TASK_STATUSES = [
  'draft',
  'assigned',
  'accepted',
  'in_progress',
  'completion_requested',
  'completed',
  'suspended',
  'cancelled',
] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

/**
 * The Chinese name of each task state, written once: the workflow's labels (Excel ledger, change
 * lists) and the web's zh texts (taskStatus.*) both take them from here.
 */
export const TASK_STATUS_LABELS_ZH: Readonly<Record<TaskStatus, string>> = {
  draft: '草稿',
  assigned: '已交办',
  accepted: '已签收',
  in_progress: '推进中',
  completion_requested: '申请办结',
  completed: '已办结',
  suspended: '已暂停',
  cancelled: '已撤销',
};

/** How often the task reports progress; 'none' = no periodic report. */
export const TASK_REPORTING_CYCLES = ['monthly', 'quarterly', 'half_yearly', 'yearly', 'none'] as const;
export type TaskReportingCycle = (typeof TASK_REPORTING_CYCLES)[number];

export const TASK_HEALTHS = ['green', 'amber', 'red'] as const;
export type TaskHealthColor = (typeof TASK_HEALTHS)[number];

export const TASK_SORTS = ['dueDate', '-dueDate', 'code', '-updatedAt'] as const;
export type TaskSort = (typeof TASK_SORTS)[number];

/** Buttons the caller may press on a task (GET /api/tasks/:id → allowedActions). */
export const TASK_ACTIONS = [
  'edit',
  'split',
  'accept',
  'return',
  'suspend',
  'resume',
  'cancel',
  'reassign',
  'instruct',
  'answer',
  'comment',
  'urge',
] as const;
export type TaskAction = (typeof TASK_ACTIONS)[number];

export const TASK_EVENT_KINDS = [
  'created',
  'split',
  'assigned',
  'updated',
  'accepted',
  'returned',
  'reassigned',
  'suspended',
  'resumed',
  'cancelled',
  'instruction',
  'instruction_answered',
  'comment',
  'urge',
  'status_changed',
] as const;
export type TaskEventKind = (typeof TASK_EVENT_KINDS)[number];

export interface TaskDepartmentRef {
  id: string;
  code: string;
  name: string;
}

export interface TaskUserRef {
  id: string;
  displayName: string;
}

export interface TaskResponse {
  id: string;
  planId: string;
  /** The plan's code and title: codes repeat across plans, so lists name the plan. */
  planCode: string;
  planTitle: string;
  /** The measure's code, with -1, -2 … for tasks split from one measure. */
  code: string;
  measureNodeId: string;
  measureCode: string;
  partCode: string | null;
  sectionCode: string | null;
  /** Titles of the part and section (of the task's own plan). */
  partTitle: string | null;
  sectionTitle: string | null;
  title: string;
  leadDepartment: TaskDepartmentRef | null;
  coDepartments: TaskDepartmentRef[];
  owner: TaskUserRef | null;
  startDate: string | null;
  /** null = long-term (长期) or not yet set; see deadlineText. */
  dueDate: string | null;
  deadlineText: string | null;
  /** True when the due date falls in a year whose holiday schedule is not confirmed. */
  deadlineProvisional: boolean;
  /**
   * Working days from today (Beijing, excluded) to the due date (included), on the holiday calendar;
   * 0 when due today, negative when overdue (working days late). null without a due date or once
   * the task is completed or cancelled.
   */
  remainingWorkingDays: number | null;
  reportingCycle: TaskReportingCycle;
  status: TaskStatus;
  progress: number;
  lastReportAt: string | null;
  lastReportLate: boolean;
  /** Set when the lead department returned the task (退办) and the office has not assigned it again. */
  returnedReason: string | null;
  health: TaskHealthColor;
  healthReasons: string[];
  version: number;
  createdAt: string;
  updatedAt: string;
}

export type TaskPageResponse = {
  items: TaskResponse[];
  /** Exact when totalExact; otherwise at least this many (a count capped at 10,000: show "10,000+"). */
  total: number;
  totalExact: boolean;
  page: number;
  pageSize: number;
  /** Pass as `after` for the next page (null on the last page); page numbers reach 10,000 rows deep. */
  nextCursor: string | null;
};

export interface TaskEventResponse {
  id: string;
  at: string;
  actorId: string | null;
  actorName: string | null;
  kind: TaskEventKind;
  body: string | null;
  data: Record<string, unknown>;
}

export interface TaskInstructionResponse {
  id: string;
  text: string;
  author: TaskUserRef;
  createdAt: string;
  answer: string | null;
  answeredBy: TaskUserRef | null;
  answeredAt: string | null;
}

/** GET /api/instructions?state=open|answered|all&page=&pageSize= — a leader's 批示 (office roles and viewers: everyone's). */
export const INSTRUCTION_STATES = ['open', 'answered', 'all'] as const;
export type InstructionState = (typeof INSTRUCTION_STATES)[number];

export interface InstructionListItem extends TaskInstructionResponse {
  task: {
    id: string;
    code: string;
    title: string;
    planCode: string;
    planTitle: string;
    status: TaskStatus;
    leadDepartment: TaskDepartmentRef | null;
  };
}

export interface InstructionListResponse {
  items: InstructionListItem[];
  /** Matching the state asked for. */
  total: number;
  /** Over every state, for the tabs. */
  counts: { open: number; answered: number };
  page: number;
  pageSize: number;
}

export interface TaskReportingPeriodResponse {
  key: string;
  label: string;
  start: string;
  end: string;
  /** The report is due on this working day (holidays and 调休 counted). */
  dueDate: string;
}

export interface TaskDetailResponse extends TaskResponse {
  body: string;
  measureTitle: string;
  allowedActions: TaskAction[];
  reportingPeriods: TaskReportingPeriodResponse[];
  events: TaskEventResponse[];
  instructions: TaskInstructionResponse[];
}

/** GET /api/tasks query. Department users may only use scope=mine (scope=all → 403). */
export interface TaskListQuery {
  scope?: 'mine' | 'all';
  planId?: string;
  partCode?: string;
  sectionCode?: string;
  /** A department code: tasks it leads or co-handles. */
  department?: string;
  /** A department code: tasks it leads. */
  leadDepartment?: string;
  /** One status or several, comma-separated. */
  status?: string;
  /** One colour or several, comma-separated. */
  health?: string;
  dueFrom?: string;
  dueTo?: string;
  overdue?: boolean;
  /** true: only tasks the lead department returned (退办, a draft with a return reason); false: all but those. */
  returned?: boolean;
  q?: string;
  sort?: TaskSort;
  page?: number;
  pageSize?: number;
  /** A previous page's nextCursor (same filters and sort). */
  after?: string;
}

/** PATCH /api/tasks/:id. Give either dueDate (null = long-term) or deadlineText (parsed: 2026年6月底, 每季度, 长期…). */
export interface UpdateTaskRequest {
  version: number;
  title?: string;
  leadDepartmentCode?: string;
  coDepartmentCodes?: string[];
  ownerUserId?: string | null;
  startDate?: string;
  dueDate?: string | null;
  deadlineText?: string;
  reportingCycle?: TaskReportingCycle;
  /** 交办: a draft becomes 已交办 and its departments are told. Without it a draft is only saved. */
  dispatch?: boolean;
}

export interface BulkAssignItem {
  taskId: string;
  version: number;
  leadDepartmentCode: string;
  coDepartmentCodes?: string[];
  startDate?: string;
  dueDate?: string | null;
  deadlineText?: string;
  reportingCycle?: TaskReportingCycle;
}

export interface BulkAssignRequest {
  items: BulkAssignItem[];
  /** 交办 the drafts among the items (all or none); without it the items are only saved. */
  dispatch?: boolean;
}

/** Who was told of a 交办: a department, its role, how many of the tasks, and its liaisons and heads. */
export interface DispatchNotice {
  department: TaskDepartmentRef;
  role: 'lead' | 'co';
  tasks: number;
  users: string[];
}

export interface BulkAssignResponse {
  items: TaskResponse[];
  /** How many drafts this call dispatched (交办); 0 when it only saved. */
  dispatched: number;
  notified: DispatchNotice[];
}

export interface GenerateTasksResponse {
  created: number;
  /** Measures that already had a task. */
  existing: number;
  /** Created tasks whose lead, co-departments or deadline were pre-filled from the plan's duties (drafts: the office confirms). */
  prefilled: number;
  tasks: TaskResponse[];
}

export interface SplitTaskRequest {
  titles: string[];
  version?: number;
}

export interface TaskReasonRequest {
  reason: string;
  version?: number;
}

export interface ReassignTaskRequest {
  leadDepartmentCode: string;
  coDepartmentCodes?: string[];
  reason: string;
  version?: number;
}

export interface TaskTextRequest {
  text: string;
}

export interface UrgeTaskRequest {
  message: string;
}

export interface UrgeTaskResponse {
  notified: number;
}

export interface DepartmentSuggestionResponse {
  department: TaskDepartmentRef;
  /** 'lead' for the first suggestion, 'co' for the rest: a starting point for the office. */
  suggestedRole: 'lead' | 'co';
  /** Why, in Chinese: 提及“省交通运输厅”, 关键词“港口” … */
  reasons: string[];
  score: number;
}

export interface TaskImportChange {
  field: 'title' | 'leadDepartment' | 'coDepartments' | 'deadline' | 'status';
  /** The column as the sheet names it: 任务, 牵头单位, 配合单位, 完成时限, 状态. */
  column: string;
  from: string | null;
  to: string | null;
}

export interface TaskImportRowResponse {
  /** The sheet's row number (1 = header). */
  row: number;
  taskId: string | null;
  code: string | null;
  title: string | null;
  changes: TaskImportChange[];
}

export interface TaskImportError {
  row: number;
  column: string;
  /** 第3行 牵头单位: 未知部门“省交通厅” */
  message: string;
}

export interface TaskImportResponse {
  dryRun: boolean;
  /** False when any row has an error; a commit is then refused as a whole. */
  valid: boolean;
  applied: boolean;
  rows: TaskImportRowResponse[];
  changedRows: number;
  errors: TaskImportError[];
}

/** Shape of seeds/department-keywords.json. */
export interface DepartmentKeywordSeed {
  departmentCode: string;
  words: string[];
}

export const TaskApiPaths = {
  tasks: '/api/tasks',
  task: (id: string) => `/api/tasks/${id}`,
  generate: (planId: string) => `/api/plans/${planId}/tasks/generate`,
  bulkAssign: '/api/tasks/bulk-assign',
  exportXlsx: '/api/tasks/export.xlsx',
  importAssignments: '/api/tasks/import-assignments',
  instructions: '/api/instructions',
} as const;
