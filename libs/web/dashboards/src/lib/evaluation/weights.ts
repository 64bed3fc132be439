import { type EvaluationComponent, EVALUATION_COMPONENTS, type EvaluationWeights, type TaskHealthColor } from '@luoshi/contracts';
import type { TranslationKey } from '@luoshi/web/core';

/** Text keys of the four components (按时签收, 按时报送, 逾期情况, 办结率). */
export const EVALUATION_COMPONENT_KEYS: Readonly<Record<EvaluationComponent, TranslationKey>> = {
  acceptance: 'evaluationComponents.acceptance',
  reporting: 'evaluationComponents.reporting',
  overdue: 'evaluationComponents.overdue',
  completion: 'evaluationComponents.completion',
};

/** The API's defaults (按时签收 20, 按时报送 20, 逾期情况 30, 办结率 30). */
export const DEFAULT_WEIGHTS: Readonly<EvaluationWeights> = { acceptance: 20, reporting: 20, overdue: 30, completion: 30 };

export function weightsSum(weights: EvaluationWeights): number {
  return EVALUATION_COMPONENTS.reduce((sum, c) => sum + (Number.isFinite(weights[c]) ? weights[c] : 0), 0);
}

/** Whole numbers 0…100 adding up to 100 — what PUT /api/evaluation/weights accepts. */
export function weightsValid(weights: EvaluationWeights): boolean {
  return EVALUATION_COMPONENTS.every((c) => Number.isInteger(weights[c]) && weights[c] >= 0 && weights[c] <= 100) && weightsSum(weights) === 100;
}

export function sameWeights(a: EvaluationWeights, b: EvaluationWeights): boolean {
  return EVALUATION_COMPONENTS.every((c) => a[c] === b[c]);
}

/** A score's band, coloured like task health: 85 and above green, 60 and above amber, below that red. */
export function scoreHealth(score: number): TaskHealthColor {
  return score >= 85 ? 'green' : score >= 60 ? 'amber' : 'red';
}
