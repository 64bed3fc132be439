import type { EntityManager } from 'typeorm';
import type { DepartmentDutyDraft } from '@luoshi/domain/plan-parser';
import { dutyLeads } from './build-import-response';

/** Upserts a version's department duties (one per deliverable); those it no longer has are retired, not deleted. */
export async function writeDuties(
  m: EntityManager,
  args: { planId: string; version: number; duties: readonly DepartmentDutyDraft[]; nodeIdByCode: Map<string, string>; departmentId: Map<string, string> },
): Promise<void> {
  const { planId, version, duties, nodeIdByCode, departmentId } = args;
  await m.query(`UPDATE plan_duty SET retired_in_version = $2 WHERE plan_id = $1 AND retired_in_version IS NULL`, [planId, version]);
  const idOf = (code: string | null) => (code ? (departmentId.get(code) ?? null) : null);
  for (const d of mergeDuties(duties, nodeIdByCode)) {
    const nodeId = d.nodeCode ? (nodeIdByCode.get(d.nodeCode) ?? null) : null;
    const leads = dutyLeads(d);
    await m.query(
      `INSERT INTO plan_duty (plan_id, node_id, deliverable, kind, lead_department_id, lead_name, co_department_ids, co_names, source_sentence,
                              lead_department_ids, lead_names, collective_names, unresolved_names, deadline_text, deadline, source)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)
       ON CONFLICT (plan_id, node_id, deliverable) DO UPDATE SET kind = EXCLUDED.kind,
         lead_department_id = EXCLUDED.lead_department_id, lead_name = EXCLUDED.lead_name,
         co_department_ids = EXCLUDED.co_department_ids, co_names = EXCLUDED.co_names,
         source_sentence = EXCLUDED.source_sentence, retired_in_version = NULL,
         lead_department_ids = EXCLUDED.lead_department_ids, lead_names = EXCLUDED.lead_names,
         collective_names = EXCLUDED.collective_names, unresolved_names = EXCLUDED.unresolved_names,
         deadline_text = EXCLUDED.deadline_text, deadline = EXCLUDED.deadline, source = EXCLUDED.source`,
      [
        planId,
        nodeId,
        d.deliverable,
        d.kind,
        idOf(leads.codes[0] ?? d.leadDepartmentCode),
        leads.names[0] ?? d.leadName,
        d.coDepartmentCodes.map((c) => departmentId.get(c)).filter((id): id is string => Boolean(id)),
        d.coNames,
        d.sourceSentence,
        leads.codes.map(idOf),
        leads.names,
        d.collectiveNames ?? [],
        d.unresolvedNames ?? [],
        d.deadlineText ?? null,
        d.deadline ?? null,
        d.source ?? 'sentence',
      ],
    );
  }
}

/**
 * One duty per measure and deliverable: a second mention (the annotation and the annex 分工表 row
 * of one measure) adds its names and its 完成时限 to the first instead of being dropped.
 */
function mergeDuties(duties: readonly DepartmentDutyDraft[], nodeIdByCode: Map<string, string>): DepartmentDutyDraft[] {
  const byKey = new Map<string, DepartmentDutyDraft>();
  const union = <T>(a: readonly T[] | undefined, b: readonly T[] | undefined) => [...new Set([...(a ?? []), ...(b ?? [])])];
  for (const d of duties) {
    const key = `${d.nodeCode ? (nodeIdByCode.get(d.nodeCode) ?? null) : null}\u0000${d.deliverable}`;
    const first = byKey.get(key);
    if (!first) {
      byKey.set(key, d);
      continue;
    }
    const a = dutyLeads(first);
    const b = dutyLeads(d);
    const names = [...a.names];
    const codes = [...a.codes];
    b.names.forEach((name, i) => {
      if (!names.includes(name)) {
        names.push(name);
        codes.push(b.codes[i] ?? null);
      }
    });
    byKey.set(key, {
      ...first,
      leadNames: names,
      leadDepartmentCodes: codes,
      coDepartmentCodes: union(first.coDepartmentCodes, d.coDepartmentCodes),
      coNames: union(first.coNames, d.coNames),
      collectiveNames: union(first.collectiveNames, d.collectiveNames),
      unresolvedNames: union(first.unresolvedNames, d.unresolvedNames),
      deadlineText: first.deadlineText ?? d.deadlineText,
      deadline: first.deadline ?? d.deadline,
    });
  }
  return [...byKey.values()];
}
