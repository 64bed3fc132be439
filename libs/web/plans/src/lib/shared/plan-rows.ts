import type { IndicatorComparison, IndicatorResponse, PlanDutyResponse, PlanImportDuty, PlanImportIndicator } from '@luoshi/contracts';

export const COMPARISON_SYMBOLS: Record<IndicatorComparison, string> = { gte: '≥', lte: '≤', eq: '=' };

/** An indicator as the tables show it, from the stored plan or an import preview. */
export interface IndicatorRow {
  key: string;
  name: string;
  comparison: IndicatorComparison;
  targets: { year: number | null; value: number }[];
  unit: string;
  baseline: { value: number; year: number | null } | null;
  nodeCode: string | null;
  source: string;
  line?: number;
}

/** A duty as the tables show it. */
export interface DutyRow {
  key: string;
  deliverable: string;
  kind: 'special_action_plan' | 'general';
  lead: string;
  /** The lead was recognised in the department directory. */
  leadMatched: boolean;
  co: string[];
  nodeCode: string | null;
  source: string;
}

export function indicatorFromStored(i: IndicatorResponse): IndicatorRow {
  return {
    key: i.id,
    name: i.name,
    comparison: i.comparison,
    targets: [...i.targets].sort((a, b) => a.year - b.year),
    unit: i.unit,
    baseline: i.baseline === null ? null : { value: i.baseline, year: i.baselineYear },
    nodeCode: i.nodeCode,
    source: i.sourceSentence,
  };
}

export function indicatorFromPreview(i: PlanImportIndicator, index: number): IndicatorRow {
  return {
    key: `${index}`,
    name: i.name,
    comparison: i.comparison,
    targets: [{ year: i.targetYear, value: i.value }],
    unit: i.unit,
    baseline: null,
    nodeCode: i.nodeCode,
    source: i.sourceSentence,
    line: i.line,
  };
}

export function dutyFromStored(d: PlanDutyResponse): DutyRow {
  return {
    key: d.id,
    deliverable: d.deliverable,
    kind: d.kind,
    lead: d.leadName,
    leadMatched: d.leadDepartmentId !== null,
    co: d.coNames,
    nodeCode: d.nodeCode,
    source: d.sourceSentence,
  };
}

export function dutyFromPreview(d: PlanImportDuty, index: number): DutyRow {
  return {
    key: `${index}`,
    deliverable: d.deliverable,
    kind: d.kind,
    lead: d.leadName,
    leadMatched: d.leadDepartmentCode !== null,
    co: d.coNames,
    nodeCode: d.nodeCode,
    source: d.sourceSentence,
  };
}

/** Human size: 812 B, 4.2 KB, 5.3 MB. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
