/** Dashboards (领导驾驶舱), evaluation (考核), supervision bulletins (督查通报) and the public summary. */
import type { DepartmentKind } from './departments';
import type {
  IndicatorComparison,
  IndicatorTarget,
} from './plans';
import type { IndicatorHorizonResponse, IndicatorPoint, IndicatorStatus } from './indicators';
import type { TaskHealthColor, TaskStatus } from './tasks';

/**
 * Query parameters of GET /api/tasks that list exactly the tasks an aggregate counts, so a click on
 * a chart opens the filtered task list. Send them as they are (booleans as 'true').
 */
export interface DashboardTaskFilter {
  planId: string;
  partCode?: string;
  sectionCode?: string;
  /** Tasks the department leads or co-handles. */
  department?: string;
  /** Tasks the department leads. */
  leadDepartment?: string;
  /** One status, or several comma-separated (the health figures: every status but draft). */
  status?: string;
  health?: TaskHealthColor;
}

/** The statuses of tasks that were handed out (交办): health figures count only these; drafts are 未交办. */
export const DISPATCHED_TASK_STATUSES: readonly TaskStatus[] = ['assigned', 'accepted', 'in_progress', 'completion_requested', 'completed', 'suspended', 'cancelled'];

export interface DashboardCounts {
  total: number;
  completed: number;
  cancelled: number;
  /**
   * Health as the task list derives it, over tasks handed out (not drafts); red = overdue.
   * Completed and cancelled tasks are green. total = draft + green + amber + red.
   */
  green: number;
  amber: number;
  red: number;
  /** 未交办: drafts the office has not handed out yet (a category of their own, not 绿灯). */
  draft: number;
  /** completed / (total − cancelled), 0…1 (4 decimals); null when nothing is countable. */
  completionRate: number | null;
}

/** The task-list filters behind each number of a row. */
export interface DashboardDrillDown {
  total: DashboardTaskFilter;
  completed: DashboardTaskFilter;
  green: DashboardTaskFilter;
  amber: DashboardTaskFilter;
  red: DashboardTaskFilter;
  draft: DashboardTaskFilter;
}

export interface DashboardDepartmentRef {
  id: string;
  code: string;
  name: string;
  kind: DepartmentKind;
}

export interface DashboardRow extends DashboardCounts {
  /** Part or section code, or department code. */
  key: string;
  /** Part or section title, or department name. */
  label: string;
  /** Sections: the part they belong to. */
  partCode?: string | null;
  /** Department and city rows. */
  department?: DashboardDepartmentRef;
  filters: DashboardDrillDown;
}

export interface DashboardTaskItem {
  id: string;
  code: string;
  title: string;
  status: TaskStatus;
  progress: number;
  dueDate: string | null;
  health: TaskHealthColor;
  leadDepartment: { id: string; code: string; name: string } | null;
  /** Working days in (dueDate, asOf] — set on overdue tasks. */
  workingDaysOverdue: number | null;
  /** Working days in (asOf, dueDate] — set on tasks not yet due. */
  workingDaysLeft: number | null;
}

export interface DashboardTaskList {
  /** How many tasks the list has in all (items holds the first `top`). */
  total: number;
  filter: DashboardTaskFilter;
  items: DashboardTaskItem[];
}

export const DASHBOARD_GRANULARITIES = ['week', 'month'] as const;
export type DashboardGranularity = (typeof DASHBOARD_GRANULARITIES)[number];

export interface CompletionPoint {
  /** 2026-11 for a month; the Monday's date (2026-11-23) for a week. */
  period: string;
  /** First day of the period. */
  start: string;
  /** Tasks whose completion falls in the period (currently completed tasks, last completion event). */
  completed: number;
  /** Completed by the end of the period. */
  cumulative: number;
}

export type DashboardScope = { kind: 'all' } | { kind: 'department'; department: DashboardDepartmentRef };

/** GET /api/dashboards/summary?planId=&department=&granularity=&top= */
export interface DashboardSummaryQuery {
  planId: string;
  /** Office roles, leaders and viewers: one department's slice. Department users always get their own. */
  department?: string;
  granularity?: DashboardGranularity;
  /** Length of the overdue and at-risk lists (1…50, default 10). */
  top?: number;
}

export interface DashboardSummaryResponse {
  plan: { id: string; code: string; title: string };
  scope: DashboardScope;
  /** The Beijing date the figures are computed for. */
  asOf: string;
  totals: DashboardRow;
  /** Tasks without a lead department (drafts): in totals, in no department row. */
  unassigned: number;
  byPart: DashboardRow[];
  /** Sections (the key-task sections under 重点任务 among them), in plan order. */
  bySection: DashboardRow[];
  /** By lead department, most tasks first. */
  byDepartment: DashboardRow[];
  /** The 11 cities: tasks each leads or co-handles. Empty in a department's slice. */
  byCity: DashboardRow[];
  /** Overdue tasks, most working days overdue first. */
  overdue: DashboardTaskList;
  /** Amber tasks, nearest due date first. */
  atRisk: DashboardTaskList;
  completion: { granularity: DashboardGranularity; points: CompletionPoint[] };
  cache: { hit: boolean; computedAt: string };
}

// ---------------------------------------------------------------------------------------------
// Evaluation (考核)

export const EVALUATION_COMPONENTS = ['acceptance', 'reporting', 'overdue', 'completion'] as const;
export type EvaluationComponent = (typeof EVALUATION_COMPONENTS)[number];

export const EVALUATION_COMPONENT_LABELS: Record<EvaluationComponent, string> = {
  acceptance: '按时签收',
  reporting: '按时报送',
  overdue: '逾期情况',
  completion: '办结率',
};

/** Whole-number weights, each 0…100, summing to 100. */
export type EvaluationWeights = Record<EvaluationComponent, number>;

export interface EvaluationRules {
  /** A task counts as accepted on time when accepted within this many working days of assignment. */
  acceptanceWindowWorkingDays: number;
  /** The overdue score loses this many points per working day overdue, averaged over assessed tasks. */
  overduePointsPerWorkingDay: number;
}

/** What a department's score is computed from (its lead tasks, not draft or cancelled). */
export interface EvaluationMetrics {
  assessedTasks: number;
  completedTasks: number;
  /** Accepted, or still unaccepted after the window. */
  acceptanceCounted: number;
  acceptedOnTime: number;
  /** Tasks with a reporting cycle that have reported or are late. */
  reportsCounted: number;
  reportsOnTime: number;
  overdueTasks: number;
  /** Sum over the overdue tasks of the working days in (dueDate, asOf]. */
  overdueWorkingDays: number;
}

export interface EvaluationComponentScore {
  component: EvaluationComponent;
  label: string;
  /** 0…100. */
  score: number;
  weight: number;
  /** score × weight / 100: this component's share of the total. */
  weighted: number;
  /** Nothing to judge (no counted task): full marks. */
  noData: boolean;
  /** How the score came about, in Chinese (按时签收 18/20 …). */
  basis: string;
}

export interface EvaluationRankingRow {
  rank: number;
  department: DashboardDepartmentRef;
  /** 0…100, two decimals. */
  total: number;
  components: Record<EvaluationComponent, number>;
  metrics: EvaluationMetrics;
}

/** GET /api/evaluation/ranking?planId= (no planId: every active plan). */
export interface EvaluationRankingResponse {
  planId: string | null;
  asOf: string;
  weights: EvaluationWeights;
  rules: EvaluationRules;
  rows: EvaluationRankingRow[];
}

/** GET /api/evaluation/departments/:code?planId= */
export interface EvaluationDepartmentResponse {
  planId: string | null;
  asOf: string;
  weights: EvaluationWeights;
  rules: EvaluationRules;
  department: DashboardDepartmentRef;
  /** null when the department leads no assessed task. */
  rank: number | null;
  rankedDepartments: number;
  total: number;
  metrics: EvaluationMetrics;
  components: EvaluationComponentScore[];
  /** The department's overdue lead tasks, most overdue first (at most 50). */
  overdueTasks: DashboardTaskItem[];
}

export interface EvaluationWeightsResponse {
  weights: EvaluationWeights;
  rules: EvaluationRules;
  /** False while the defaults apply. */
  customized: boolean;
  updatedAt: string | null;
}

// ---------------------------------------------------------------------------------------------
// Supervision bulletin (督查通报)

export interface BulletinCompletedItem {
  taskId: string;
  code: string;
  title: string;
  leadDepartment: string | null;
  /** Beijing date of the completion. */
  completedOn: string;
}

export interface BulletinOverdueDepartment {
  department: DashboardDepartmentRef;
  tasks: number;
  workingDays: number;
  items: { taskId: string; code: string; title: string; dueDate: string; workingDaysOverdue: number }[];
}

export interface BulletinIndicatorRow {
  id: string;
  name: string;
  unit: string;
  comparison: IndicatorComparison;
  responsibleDepartment: string | null;
  baseline: IndicatorPoint | null;
  latest: IndicatorPoint | null;
  targets: IndicatorTarget[];
  status: IndicatorStatus;
  statusLabel: string;
}

/** GET /api/bulletins/:period (period YYYY-MM), .docx and .xlsx the same content. */
export interface BulletinResponse {
  period: string;
  periodStart: string;
  periodEnd: string;
  /** The state of tasks, indicators and ranking is the one of this Beijing date (generation day). */
  asOf: string;
  generatedAt: string;
  title: string;
  plan: { id: string; code: string; title: string };
  overall: DashboardCounts;
  bySection: (DashboardCounts & { code: string; partCode: string | null; title: string })[];
  completedInPeriod: BulletinCompletedItem[];
  overdueByDepartment: BulletinOverdueDepartment[];
  indicators: BulletinIndicatorRow[];
  ranking: EvaluationRankingRow[];
}

// ---------------------------------------------------------------------------------------------
// Public summary (公开进展): no names of people, switched on by the office.

export interface PublicPartRow {
  code: string;
  title: string;
  total: number;
  completed: number;
  completionRate: number | null;
  green: number;
  amber: number;
  red: number;
}

export interface PublicIndicatorRow {
  name: string;
  unit: string;
  comparison: IndicatorComparison;
  baseline: IndicatorPoint | null;
  latest: IndicatorPoint | null;
  targets: IndicatorTarget[];
  horizons: IndicatorHorizonResponse[];
  status: IndicatorStatus;
  statusLabel: string;
}

/** GET /api/public/summary — 404 while the office has it switched off. */
export interface PublicSummaryResponse {
  plan: { title: string };
  asOf: string;
  totals: PublicPartRow;
  byPart: PublicPartRow[];
  indicators: PublicIndicatorRow[];
}

export interface PublicSummarySettingsResponse {
  enabled: boolean;
  /** The plan shown; null = the most recently imported active action plan. */
  planId: string | null;
  updatedAt: string | null;
}

export interface UpdatePublicSummarySettingsRequest {
  enabled: boolean;
  planId?: string | null;
}

export const DashboardApiPaths = {
  summary: '/api/dashboards/summary',
  evaluationWeights: '/api/evaluation/weights',
  evaluationRanking: '/api/evaluation/ranking',
  evaluationDepartment: (code: string) => `/api/evaluation/departments/${code}`,
  bulletin: (period: string) => `/api/bulletins/${period}`,
  bulletinDocx: (period: string) => `/api/bulletins/${period}.docx`,
  bulletinXlsx: (period: string) => `/api/bulletins/${period}.xlsx`,
  publicSummary: '/api/public/summary',
  publicSummarySettings: '/api/public/summary/settings',
} as const;
