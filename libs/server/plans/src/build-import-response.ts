import type {
  CorruptionVerdictResponse,
  PlanImportDuty,
  PlanImportIndicator,
  PlanImportOptionsResponse,
  PlanImportPreviewNode,
  UnresolvedDepartmentName,
} from '@luoshi/contracts';
import type { DepartmentDutyDraft, IndicatorDraft, ParsedPlan } from '@luoshi/domain/plan-parser';

/** The preview's nodes: what the tree and the text tab show. */
export function previewNodes(parsed: ParsedPlan): PlanImportPreviewNode[] {
  return parsed.nodes.map((n) => ({ code: n.code, parentCode: n.parentCode, kind: n.kind, title: n.title, body: n.body, line: n.line, inferred: n.inferred }));
}

export function previewIndicator(i: IndicatorDraft): PlanImportIndicator {
  return {
    name: i.name,
    comparison: i.comparison,
    value: i.value,
    unit: i.unit,
    targetYear: i.targetYear,
    sourceSentence: i.sourceSentence,
    nodeCode: i.nodeCode,
    line: i.line,
    ...(i.baseline !== undefined ? { baseline: i.baseline } : {}),
    ...(i.baselineYear !== undefined ? { baselineYear: i.baselineYear } : {}),
    ...(i.attribute !== undefined ? { attribute: i.attribute } : {}),
    ...(i.startYear !== undefined ? { startYear: i.startYear } : {}),
  };
}

/** Leads as lists, whatever the draft gives (a draft without leadNames has its one lead). */
export function dutyLeads(d: DepartmentDutyDraft): { names: string[]; codes: (string | null)[] } {
  const names = d.leadNames?.length ? d.leadNames : d.leadName ? [d.leadName] : [];
  const codes = d.leadDepartmentCodes?.length === names.length ? d.leadDepartmentCodes : names.map((_, i) => (i === 0 ? d.leadDepartmentCode : null));
  return { names, codes };
}

export function previewDuty(d: DepartmentDutyDraft): PlanImportDuty {
  const leads = dutyLeads(d);
  return {
    deliverable: d.deliverable,
    kind: d.kind,
    leadDepartmentCode: d.leadDepartmentCode,
    leadName: d.leadName,
    leadDepartmentCodes: leads.codes,
    leadNames: leads.names,
    coDepartmentCodes: d.coDepartmentCodes,
    coNames: d.coNames,
    collectiveNames: d.collectiveNames ?? [],
    unresolvedNames: d.unresolvedNames ?? [],
    deadlineText: d.deadlineText ?? null,
    deadline: d.deadline ?? null,
    source: d.source ?? 'sentence',
    sourceSentence: d.sourceSentence,
    nodeCode: d.nodeCode,
  };
}

/** Unknown names the office maps before the commit, with how many duties name each; none is dropped. */
export function unresolvedNames(parsed: ParsedPlan): UnresolvedDepartmentName[] {
  const counts = new Map<string, number>();
  for (const name of parsed.unresolvedDepartmentNames ?? []) counts.set(name, 0);
  for (const d of parsed.duties) for (const name of new Set(d.unresolvedNames ?? [])) counts.set(name, (counts.get(name) ?? 0) + 1);
  return [...counts].map(([name, occurrences]) => ({ name, occurrences }));
}

export function corruptionVerdict(parsed: ParsedPlan): CorruptionVerdictResponse {
  const c = parsed.corruption;
  return {
    corrupted: c.corrupted,
    applied: c.applied,
    mode: c.mode,
    score: c.score,
    threshold: c.threshold,
    evidence: c.evidence.map((e) => ({ term: e.term, count: e.count })),
    candidates: c.candidates,
  };
}

export function importOptions(mode: PlanImportOptionsResponse['correctionMode'] | undefined, rejected: readonly string[] | undefined): PlanImportOptionsResponse {
  return { correctionMode: mode ?? 'auto', rejectedCorrections: [...new Set(rejected ?? [])].sort() };
}
