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
  /** 约束性 / 预期性, as the plan's table says. */
  attribute?: string | null;
}

/** A department name in a duty, and whether the directory knows it. */
export interface DutyName {
  name: string;
  state: 'matched' | 'collective' | 'unresolved';
}

/** A duty as the tables show it. */
export interface DutyRow {
  key: string;
  deliverable: string;
  kind: 'special_action_plan' | 'general';
  leads: DutyName[];
  co: DutyName[];
  deadlineText: string | null;
  nodeCode: string | null;
  source: string;
}

function names(all: readonly string[], known: (name: string, i: number) => boolean, collective: readonly string[], unresolved: readonly string[]): DutyName[] {
  return all.map((name, i) => ({
    name,
    state: collective.includes(name) ? 'collective' : unresolved.includes(name) || !known(name, i) ? 'unresolved' : 'matched',
  }));
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
    attribute: i.attribute,
  };
}

export function indicatorFromPreview(i: PlanImportIndicator, index: number): IndicatorRow {
  return {
    key: `${index}`,
    name: i.name,
    comparison: i.comparison,
    targets: [{ year: i.targetYear, value: i.value }],
    unit: i.unit,
    baseline: i.baseline !== undefined ? { value: i.baseline, year: i.baselineYear ?? null } : null,
    nodeCode: i.nodeCode,
    source: i.sourceSentence,
    line: i.line,
    attribute: i.attribute ?? null,
  };
}

export function dutyFromStored(d: PlanDutyResponse): DutyRow {
  const leadNames = d.leadNames.length > 0 ? d.leadNames : d.leadName ? [d.leadName] : [];
  const leadIds = d.leadNames.length > 0 ? d.leadDepartmentIds : [d.leadDepartmentId];
  return {
    key: d.id,
    deliverable: d.deliverable,
    kind: d.kind,
    leads: names(leadNames, (_, i) => leadIds[i] !== null, d.collectiveNames, d.unresolvedNames),
    co: names(d.coNames, () => true, d.collectiveNames, d.unresolvedNames),
    deadlineText: d.deadlineText,
    nodeCode: d.nodeCode,
    source: d.sourceSentence,
  };
}

export function dutyFromPreview(d: PlanImportDuty, index: number): DutyRow {
  return {
    key: `${index}`,
    deliverable: d.deliverable,
    kind: d.kind,
    leads: names(d.leadNames, (_, i) => d.leadDepartmentCodes[i] !== null, d.collectiveNames, d.unresolvedNames),
    co: names(d.coNames, () => true, d.collectiveNames, d.unresolvedNames),
    deadlineText: d.deadlineText,
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
