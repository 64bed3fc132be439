export type PlanKind = 'action_plan' | 'special_action_plan';
export type PlanNodeKind = 'part' | 'section' | 'measure' | 'submeasure';
export type IndicatorComparison = 'gte' | 'lte' | 'eq';
export type PlanFileFormat = 'txt' | 'md' | 'docx' | 'pdf' | 'doc';
/** auto: the dictionary applies only to a text judged corrupted (synonym-spun, OCR); on / off force it. */
export type CorrectionMode = 'auto' | 'on' | 'off';
export const CORRECTION_MODES: readonly CorrectionMode[] = ['auto', 'on', 'off'];
/** Where a duty was read: an annotation after a measure (（X牵头，Y参与）, X会同Y …) or an annex 分工表 row. */
export type DutySource = 'annotation' | 'annex_table' | 'sentence';

/** A plan named from another: the parent of a special action plan, or one of a plan's child plans. */
export interface PlanRef {
  id: string;
  code: string;
  title: string;
}

export interface PlanResponse {
  id: string;
  code: string;
  title: string;
  kind: PlanKind;
  parentPlanId: string | null;
  /** The action plan a special action plan (child plan) was drafted for. */
  parentPlan: PlanRef | null;
  /** The special action plans imported as child plans of this plan, oldest first. */
  childPlans: PlanRef[];
  currentVersion: number;
  stats: PlanStats;
  updatedAt: string;
  /** The paragraphs before the plan's first part (background, date), as written. */
  preamble: string;
}

export interface PlanStats {
  parts: number;
  sections: number;
  measures: number;
  indicators: number;
  duties: number;
  corrections: number;
}

export interface PlanNodeResponse {
  id: string;
  parentId: string | null;
  code: string;
  kind: PlanNodeKind;
  title: string;
  body: string;
  order: number;
  inferred: boolean;
}

export interface IndicatorTarget {
  year: number;
  value: number;
}

export interface IndicatorResponse {
  id: string;
  nodeId: string | null;
  nodeCode: string | null;
  name: string;
  unit: string;
  comparison: IndicatorComparison;
  baseline: number | null;
  baselineYear: number | null;
  targets: IndicatorTarget[];
  responsibleDepartmentId: string | null;
  sourceSentence: string;
  /** 约束性 (binding) or 预期性 (expected), as a table's 属性 column says. */
  attribute: IndicatorAttribute | null;
}

export type IndicatorAttribute = '约束性' | '预期性';

/** What a duty says, names as written: the import preview adds department codes, a stored duty ids. */
export interface DutyWording {
  nodeCode: string | null;
  /** A special plan's name (编制…专项行动计划) or the measure's title for an annotation or 分工表 row. */
  deliverable: string;
  kind: 'special_action_plan' | 'general';
  /** The first lead's name (kept for older clients); leadNames holds all of them. */
  leadName: string;
  leadNames: string[];
  /** Co-organisers as written (resolved to the directory name when known); collective units kept. */
  coNames: string[];
  /** Names that are collective units (有关部门, 各区县（市）政府): kept as written, no department. */
  collectiveNames: string[];
  /** Names neither in the directory (name or alias) nor collective: the office maps them. */
  unresolvedNames: string[];
  /** 完成时限 as written (2025年底前, 长期坚持) and as a date when it gives one (年底 → 12-31, 上半年 → 06-30). */
  deadlineText: string | null;
  deadline: string | null;
  source: DutySource;
  sourceSentence: string;
}

export interface PlanDutyResponse extends DutyWording {
  id: string;
  /** The first lead (kept for older clients); leadDepartmentIds/leadNames hold all of them. */
  leadDepartmentId: string | null;
  /** Parallel to leadNames; null = a collective unit or a name not in the directory. */
  leadDepartmentIds: (string | null)[];
  coDepartmentIds: string[];
}

export interface CorrectionResponse {
  /** Stable for the same input and options: `${line}:${column}:${wrong}` before corrections; send it back to reject. */
  id: string;
  wrong: string;
  right: string;
  line: number;
  column: number;
}

export interface ImportWarningResponse {
  line: number;
  code: string;
  message: string;
}

export interface PlanDiffEntry {
  code: string;
  title: string;
  previousCode?: string;
  kind: PlanNodeKind;
}

export interface PlanDiffResponse {
  added: PlanDiffEntry[];
  changed: PlanDiffEntry[];
  removed: PlanDiffEntry[];
  moved: PlanDiffEntry[];
  unchanged: number;
}

export interface PlanImportPreviewNode {
  code: string;
  parentCode: string | null;
  kind: PlanNodeKind;
  title: string;
  body: string;
  line: number;
  inferred: boolean;
}

export interface PlanImportIndicator {
  name: string;
  comparison: IndicatorComparison;
  value: number;
  unit: string;
  targetYear: number;
  sourceSentence: string;
  nodeCode: string | null;
  line: number;
  /** A table's baseline column (基数/现状/基期/基准) for this row, and its year when the header gives one. */
  baseline?: number;
  baselineYear?: number;
  /** 属性 column of an indicator table, kept as written. */
  attribute?: IndicatorAttribute;
  /** First year of a period target such as 2012年起5年内 or “十四五”期间 (targetYear is its last year). */
  startYear?: number;
}

export interface PlanImportDuty extends DutyWording {
  /** The first lead (kept for older clients); leadDepartmentCodes/leadNames hold all of them. */
  leadDepartmentCode: string | null;
  /** Parallel to leadNames; null = a collective unit or a name not in the directory. */
  leadDepartmentCodes: (string | null)[];
  coDepartmentCodes: string[];
}

/** The parser's judgement whether the text is corrupted, with the evidence the preview shows. */
export interface CorruptionVerdictResponse {
  corrupted: boolean;
  /** Whether the dictionary was applied in this parse. */
  applied: boolean;
  mode: CorrectionMode;
  /** Spinner-only words per 1,000 characters. */
  score: number;
  threshold: number;
  /** The spinner-only words found, most frequent first (≤ 20). */
  evidence: { term: string; count: number }[];
  /** How many corrections the dictionary would make (also when not applied). */
  candidates: number;
}

/** The options a preview ran with; a commit must send the same to write what the preview showed. */
export interface PlanImportOptionsResponse {
  correctionMode: CorrectionMode;
  rejectedCorrections: string[];
}

/** An unknown department name in the duties and where it occurs. */
export interface UnresolvedDepartmentName {
  name: string;
  /** Duties (by deliverable) that name it. */
  occurrences: number;
}

/** POST /api/plans/department-mappings: a name from a plan becomes an alias of a department, or a new department. */
export interface MapDepartmentNameRequest {
  name: string;
  /** Map to this existing department (the name becomes its alias). */
  departmentCode?: string;
  /** Or create a department with this name. */
  create?: { code?: string; kind: 'provincial' | 'city' | 'county'; parentCode?: string };
}

export interface MapDepartmentNameResponse {
  name: string;
  department: { id: string; code: string; name: string };
  created: boolean;
}

export interface PlanImportResponse {
  dryRun: boolean;
  /** True when the file equals the plan's current version: nothing new to import. */
  unchanged: boolean;
  planId: string | null;
  planCode: string;
  title: string;
  version: number;
  previousVersion: number | null;
  checksum: string;
  format: PlanFileFormat;
  stats: PlanStats;
  nodes: PlanImportPreviewNode[];
  indicators: PlanImportIndicator[];
  duties: PlanImportDuty[];
  corrections: CorrectionResponse[];
  warnings: ImportWarningResponse[];
  diff: PlanDiffResponse;
  preamble: string;
  corruption: CorruptionVerdictResponse;
  options: PlanImportOptionsResponse;
  unresolvedDepartmentNames: UnresolvedDepartmentName[];
}

export interface PlanVersionResponse {
  version: number;
  title: string;
  fileName: string;
  format: PlanFileFormat;
  checksum: string;
  stats: PlanStats;
  diff: PlanDiffResponse;
  preamble: string;
  corruption: CorruptionVerdictResponse | null;
  options: PlanImportOptionsResponse | null;
  importedAt: string;
  importedBy: string | null;
}

export interface CorrectionEntryResponse {
  id: string;
  dictionary: string;
  wrong: string;
  right: string;
  context: string | null;
  note: string | null;
}
