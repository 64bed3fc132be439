export type PlanKind = 'action_plan' | 'special_action_plan';
export type PlanNodeKind = 'part' | 'section' | 'measure' | 'submeasure';
export type IndicatorComparison = 'gte' | 'lte' | 'eq';
export type PlanFileFormat = 'txt' | 'md' | 'docx';

export interface PlanResponse {
  id: string;
  code: string;
  title: string;
  kind: PlanKind;
  parentPlanId: string | null;
  currentVersion: number;
  stats: PlanStats;
  updatedAt: string;
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
}

export interface PlanDutyResponse {
  id: string;
  nodeCode: string | null;
  deliverable: string;
  kind: 'special_action_plan' | 'general';
  leadDepartmentId: string | null;
  leadName: string;
  coDepartmentIds: string[];
  coNames: string[];
  sourceSentence: string;
}

export interface CorrectionResponse {
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
}

export interface PlanImportDuty {
  deliverable: string;
  kind: 'special_action_plan' | 'general';
  leadDepartmentCode: string | null;
  leadName: string;
  coDepartmentCodes: string[];
  coNames: string[];
  sourceSentence: string;
  nodeCode: string | null;
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
}

export interface PlanVersionResponse {
  version: number;
  title: string;
  fileName: string;
  format: PlanFileFormat;
  checksum: string;
  stats: PlanStats;
  diff: PlanDiffResponse;
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
