import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { IndicatorResponse, IndicatorTarget } from '@luoshi/contracts';
import type { PlanIndicators, PlanVersionIndicators } from '@luoshi/server/plans';

/** A plan's indicators as plans needs them (the PLAN_INDICATORS port plans declares): written by an import, read by the plan pages. */
@Injectable()
export class PlanIndicatorStore implements PlanIndicators {
  /** The plan's live indicators (or one node's), by name; the node's code is the caller's to add. */
  async live(m: EntityManager, planId: string, nodeId?: string): Promise<Omit<IndicatorResponse, 'nodeCode'>[]> {
    return m.query(
      `SELECT id, node_id AS "nodeId", name, unit, comparison, baseline::float8 AS baseline, baseline_year AS "baselineYear", targets,
              responsible_department_id AS "responsibleDepartmentId", source_sentence AS "sourceSentence", attribute
         FROM indicator
        WHERE plan_id = $1 AND retired_in_version IS NULL AND ($2::uuid IS NULL OR node_id = $2)
        ORDER BY name`,
      [planId, nodeId ?? null],
    );
  }

  /** Upserts a version's indicators (one row per name and unit, targets per year); those it no longer has are retired, not deleted. */
  async writeVersion(m: EntityManager, { planId, version, indicators, nodeIdByCode }: PlanVersionIndicators): Promise<void> {
    interface Grouped {
      name: string;
      unit: string;
      comparison: string;
      nodeCode: string | null;
      source: string;
      targets: IndicatorTarget[];
      baseline: number | null;
      baselineYear: number | null;
      attribute: string | null;
    }
    const grouped = new Map<string, Grouped>();
    for (const i of indicators) {
      const key = `${i.name}\u0000${i.unit}`;
      const entry: Grouped = grouped.get(key) ?? {
        name: i.name,
        unit: i.unit,
        comparison: i.comparison,
        nodeCode: i.nodeCode,
        source: i.sourceSentence,
        targets: [],
        baseline: null,
        baselineYear: null,
        attribute: null,
      };
      if (!entry.targets.some((t) => t.year === i.targetYear)) entry.targets.push({ year: i.targetYear, value: i.value });
      entry.baseline ??= i.baseline ?? null;
      entry.baselineYear ??= i.baselineYear ?? null;
      entry.attribute ??= i.attribute ?? null;
      grouped.set(key, entry);
    }
    await m.query(`UPDATE indicator SET retired_in_version = $2 WHERE plan_id = $1 AND retired_in_version IS NULL`, [planId, version]);
    for (const g of grouped.values()) {
      g.targets.sort((a, b) => a.year - b.year);
      await m.query(
        `INSERT INTO indicator (plan_id, node_id, name, unit, comparison, targets, source_sentence, baseline, baseline_year, attribute)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
         ON CONFLICT (plan_id, name, unit) DO UPDATE SET node_id = EXCLUDED.node_id, comparison = EXCLUDED.comparison,
           targets = EXCLUDED.targets, source_sentence = EXCLUDED.source_sentence, retired_in_version = NULL,
           baseline = coalesce(EXCLUDED.baseline, indicator.baseline), baseline_year = coalesce(EXCLUDED.baseline_year, indicator.baseline_year),
           attribute = EXCLUDED.attribute`,
        [
          planId,
          g.nodeCode ? (nodeIdByCode.get(g.nodeCode) ?? null) : null,
          g.name,
          g.unit,
          g.comparison,
          JSON.stringify(g.targets),
          g.source,
          g.baseline,
          g.baselineYear,
          g.attribute,
        ],
      );
    }
  }
}
