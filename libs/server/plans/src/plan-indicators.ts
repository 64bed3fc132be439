import type { EntityManager } from 'typeorm';
import type { IndicatorResponse } from '@luoshi/contracts';
import type { IndicatorDraft } from '@luoshi/domain/plan-parser';

/** A plan version's indicators as parsed, with the ids its nodes got (an indicator names its node by code). */
export interface PlanVersionIndicators {
  planId: string;
  version: number;
  indicators: readonly IndicatorDraft[];
  nodeIdByCode: ReadonlyMap<string, string>;
}

/**
 * Where an import writes the indicators of the version it commits, in its transaction, and where the
 * plan pages read them. The indicators capability owns those rows and provides this port: it reads
 * plans, so plans cannot import it.
 */
export interface PlanIndicators {
  writeVersion(m: EntityManager, version: PlanVersionIndicators): Promise<void>;
  /** The plan's live indicators (or one node's), by name, without the node's code. */
  live(m: EntityManager, planId: string, nodeId?: string): Promise<Omit<IndicatorResponse, 'nodeCode'>[]>;
}
export const PLAN_INDICATORS = Symbol('PLAN_INDICATORS');
