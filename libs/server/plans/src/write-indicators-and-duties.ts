import type { EntityManager } from 'typeorm';
import type { IndicatorTarget } from '@luoshi/contracts';
import type { ParsedPlan } from '@luoshi/domain/plan-parser';

/**
 * Upserts a version's indicators (one row per name and unit, targets per year) and department
 * duties (one per deliverable); those the new version no longer has are retired, not deleted.
 */
export async function writeIndicatorsAndDuties(
  m: EntityManager,
  args: { planId: string; version: number; parsed: ParsedPlan; nodeIdByCode: Map<string, string> },
): Promise<void> {
  const { planId, version, parsed, nodeIdByCode } = args;
  const departments: { id: string; code: string }[] = await m.query(`SELECT id, code FROM department`);
  const departmentId = new Map(departments.map((d) => [d.code, d.id]));

  const grouped = new Map<string, { name: string; unit: string; comparison: string; nodeCode: string | null; source: string; targets: IndicatorTarget[] }>();
  for (const i of parsed.indicators) {
    const key = `${i.name}\u0000${i.unit}`;
    const entry = grouped.get(key) ?? { name: i.name, unit: i.unit, comparison: i.comparison, nodeCode: i.nodeCode, source: i.sourceSentence, targets: [] };
    if (!entry.targets.some((t) => t.year === i.targetYear)) entry.targets.push({ year: i.targetYear, value: i.value });
    grouped.set(key, entry);
  }
  await m.query(`UPDATE indicator SET retired_in_version = $2 WHERE plan_id = $1 AND retired_in_version IS NULL`, [planId, version]);
  for (const g of grouped.values()) {
    g.targets.sort((a, b) => a.year - b.year);
    await m.query(
      `INSERT INTO indicator (plan_id, node_id, name, unit, comparison, targets, source_sentence)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (plan_id, name, unit) DO UPDATE SET node_id = EXCLUDED.node_id, comparison = EXCLUDED.comparison,
         targets = EXCLUDED.targets, source_sentence = EXCLUDED.source_sentence, retired_in_version = NULL`,
      [planId, g.nodeCode ? (nodeIdByCode.get(g.nodeCode) ?? null) : null, g.name, g.unit, g.comparison, JSON.stringify(g.targets), g.source],
    );
  }

  await m.query(`UPDATE plan_duty SET retired_in_version = $2 WHERE plan_id = $1 AND retired_in_version IS NULL`, [planId, version]);
  for (const d of parsed.duties) {
    await m.query(
      `INSERT INTO plan_duty (plan_id, node_id, deliverable, kind, lead_department_id, lead_name, co_department_ids, co_names, source_sentence)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (plan_id, deliverable) DO UPDATE SET node_id = EXCLUDED.node_id, kind = EXCLUDED.kind,
         lead_department_id = EXCLUDED.lead_department_id, lead_name = EXCLUDED.lead_name,
         co_department_ids = EXCLUDED.co_department_ids, co_names = EXCLUDED.co_names,
         source_sentence = EXCLUDED.source_sentence, retired_in_version = NULL`,
      [
        planId,
        d.nodeCode ? (nodeIdByCode.get(d.nodeCode) ?? null) : null,
        d.deliverable,
        d.kind,
        d.leadDepartmentCode ? (departmentId.get(d.leadDepartmentCode) ?? null) : null,
        d.leadName,
        d.coDepartmentCodes.map((c) => departmentId.get(c)).filter((id): id is string => Boolean(id)),
        d.coNames,
        d.sourceSentence,
      ],
    );
  }
}
