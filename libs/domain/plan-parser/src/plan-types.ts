import type {
  CorrectionMode,
  CorrectionResponse,
  CorruptionVerdictResponse,
  ImportWarningResponse,
  IndicatorComparison,
  PlanImportDuty,
  PlanImportIndicator,
  PlanNodeKind,
  PlanStats,
} from '@luoshi/contracts';

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

/** Where a correction was made, in 1-based line/column of the text it was applied to (the preview shows it as is). */
export type AppliedCorrection = CorrectionResponse;

export interface DirectoryDepartment {
  code: string;
  name: string;
  aliases: string[];
}

export type { PlanNodeKind };

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

export type Comparison = IndicatorComparison;

/** An indicator as the parser reads it: what the preview shows, and a range's upper bound. */
export interface IndicatorDraft extends PlanImportIndicator {
  /** Upper bound when the text gives a range such as 2至3个 (value is the lower bound). */
  upperValue?: number;
}

/** A duty as the parser reads it: what the preview shows, with a deadline only when the text gives one. */
export interface DepartmentDutyDraft extends Omit<PlanImportDuty, 'deadlineText' | 'deadline' | 'source'> {
  /** 完成时限 as written, e.g. 2025年底前, 长期坚持. */
  deadlineText?: string;
  /** ISO date when deadlineText gives one (年底 → 12-31, 上半年 → 06-30). */
  deadline?: string;
  source: 'annotation' | 'annex_table';
  line: number;
}

export type ParseWarning = ImportWarningResponse;

export type ParsedPlanStats = PlanStats;

export type { CorrectionMode };

/** Whether the text looks machine-spun (see detect-corruption.ts), and whether the correction dictionary was applied. */
export type CorruptionVerdict = CorruptionVerdictResponse;

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
