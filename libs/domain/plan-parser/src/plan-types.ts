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
  /** Stable for the same input: `${line}:${column}:${wrong}` (position in the normalized text, before corrections). */
  id: string;
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
  /** A table's baseline column (基数/现状/基期/基准) for this row, and its year when the header gives one. */
  baseline?: number;
  baselineYear?: number;
  /** 属性 column of an indicator table, kept as written. */
  attribute?: '约束性' | '预期性';
  /** First year of a period target such as 2012年起5年内 or “十四五”期间 (targetYear is its last year). */
  startYear?: number;
}

export interface DepartmentDutyDraft {
  /** A special plan's name (编制…专项行动计划) or the measure's title for an annotation or 分工表 row. */
  deliverable: string;
  kind: 'special_action_plan' | 'general';
  /** The first lead (compatibility); leadDepartmentCodes/leadNames hold all of them. */
  leadDepartmentCode: string | null;
  leadName: string;
  /** Parallel to leadNames; null = not in the directory, or a collective unit. */
  leadDepartmentCodes: (string | null)[];
  leadNames: string[];
  coDepartmentCodes: string[];
  /** Co-organisers as written (resolved to the directory name when known); collective units kept. */
  coNames: string[];
  /** Names among leads and co-departments that are collective units (有关部门, 各区县（市）政府 …). */
  collectiveNames: string[];
  /** Names neither in the directory (name or alias) nor collective: the office maps them. */
  unresolvedNames: string[];
  /** 完成时限 as written, e.g. 2025年底前, 长期坚持. */
  deadlineText?: string;
  /** ISO date when deadlineText gives one (年底 → 12-31, 上半年 → 06-30). */
  deadline?: string;
  source: 'annotation' | 'annex_table';
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

export type CorrectionMode = 'auto' | 'on' | 'off';

/** Whether the text looks machine-spun, and whether the correction dictionary was applied. */
export interface CorruptionVerdict {
  corrupted: boolean;
  applied: boolean;
  mode: CorrectionMode;
  /** Spinner-only words per 1,000 characters (see detect-corruption.ts). */
  score: number;
  threshold: number;
  /** The spinner-only words found, most frequent first (at most 20). */
  evidence: { term: string; count: number }[];
  /** How many corrections the dictionary would make on this text (whatever the mode). */
  candidates: number;
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
  corruption: CorruptionVerdict;
  /** Department names in duties that are neither in the directory nor collective, in order of appearance. */
  unresolvedDepartmentNames: string[];
}

export interface ParsePlanOptions {
  corrections?: CorrectionEntry[];
  directory?: DirectoryDepartment[];
  /** 'auto' (default): apply the dictionary only when the text is judged corrupted. */
  correctionMode?: CorrectionMode;
  /** AppliedCorrection.id values not to apply. */
  rejectedCorrections?: string[];
  /** Default false: 指导思想/基本原则/主要目标 paragraphs are not measures. */
  includeGuidingParagraphs?: boolean;
}
