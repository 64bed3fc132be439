/** One row of a correction dictionary: replace `wrong` by `right`, optionally only where `context` matches. */
export interface CorrectionEntry {
  wrong: string;
  right: string;
  /**
   * A JavaScript regular expression (unicode, multiline) that must match a span covering the
   * occurrence of `wrong`, e.g. `(?<=率先)正在` or `外(?=小企业)`. Plain text works too, since a
   * substring is a valid regex when it has no special characters.
   */
  context?: string;
}

/** Where a correction was made, in 1-based line/column of the text it was applied to. */
export interface AppliedCorrection {
  wrong: string;
  right: string;
  line: number;
  column: number;
}

export interface DirectoryDepartment {
  code: string;
  name: string;
  aliases: string[];
}

export type PlanNodeKind = 'part' | 'section' | 'measure' | 'submeasure';

export interface PlanNodeDraft {
  /** Position in the tree: parent code + '.' + position among siblings, e.g. '2', '2.1', '2.1.3'. */
  code: string;
  parentCode: string | null;
  kind: PlanNodeKind;
  title: string;
  body: string;
  /** 1-based position among siblings (the last segment of code). */
  order: number;
  /** 1-based line in ParsedPlan.normalizedText, which keeps the input's line layout. */
  line: number;
  /** True when the heading was not in the text and was recovered by a rule (see build-plan-tree.ts). */
  inferred: boolean;
  /** The numbering as written, e.g. '（三）' or '2.'; '' for measure paragraphs and inferred nodes. */
  label: string;
}

export type Comparison = 'gte' | 'lte' | 'eq';

export interface IndicatorDraft {
  name: string;
  comparison: Comparison;
  value: number;
  unit: string;
  targetYear: number;
  sourceSentence: string;
  nodeCode: string | null;
  line: number;
  /** Upper bound when the text gives a range such as 2至3个 (value is the lower bound). */
  upperValue?: number;
}

export interface DepartmentDutyDraft {
  deliverable: string;
  kind: 'special_action_plan' | 'general';
  leadDepartmentCode: string | null;
  leadName: string;
  coDepartmentCodes: string[];
  /** Co-organisers as written; includes generic groups such as 省直有关部门 that have no code. */
  coNames: string[];
  sourceSentence: string;
  nodeCode: string | null;
  line: number;
}

export interface ParseWarning {
  line: number;
  code: string;
  message: string;
}

export interface ParsedPlanStats {
  parts: number;
  sections: number;
  measures: number;
  indicators: number;
  duties: number;
  corrections: number;
}

export interface ParsedPlan {
  title: string;
  /** Paragraphs before the first part (e.g. the plan's background), not a node of the tree. */
  preamble: string;
  nodes: PlanNodeDraft[];
  indicators: IndicatorDraft[];
  duties: DepartmentDutyDraft[];
  corrections: AppliedCorrection[];
  warnings: ParseWarning[];
  stats: ParsedPlanStats;
  /** The text after normalizeText and the corrections; all line numbers refer to it. */
  normalizedText: string;
}

export interface ParsePlanOptions {
  corrections?: CorrectionEntry[];
  directory?: DirectoryDepartment[];
}
