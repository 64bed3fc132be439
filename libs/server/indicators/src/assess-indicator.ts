import type {
  IndicatorComparison,
  IndicatorHorizonResponse,
  IndicatorPoint,
  IndicatorStatus,
  IndicatorTarget,
} from '@luoshi/contracts';

/**
 * at_risk, not off_track, when the trend misses the target by less than this share of the gap
 * between the starting value (the baseline, else the earliest approved value) and the target.
 */
export const AT_RISK_GAP_FRACTION = 0.1;
/** An 'eq' (=) target is met when the value is within this share of the target's magnitude. */
export const EQ_TOLERANCE_FRACTION = 0.01;
/** Floating-point slack when comparing a value with a target (relative to the target, at least absolute 1e-9). */
const EPSILON = 1e-9;

export interface IndicatorAssessmentInput {
  comparison: IndicatorComparison;
  baseline: IndicatorPoint | null;
  targets: readonly IndicatorTarget[];
  /** Approved values; for a year given twice the later one in the array wins. */
  observations: readonly IndicatorPoint[];
  /** The Beijing calendar year of today: picks the current horizon. */
  currentYear: number;
}

export interface IndicatorAssessment {
  /** One per year, ascending. */
  observations: IndicatorPoint[];
  latest: IndicatorPoint | null;
  trend: { slope: number; intercept: number } | null;
  horizons: IndicatorHorizonResponse[];
  status: IndicatorStatus;
  currentHorizonYear: number | null;
}

/**
 * How far a value falls short of the target, in the target's unit: ≤ 0 means met.
 * gte: target − value; lte: value − target; eq: |value − target| − tolerance.
 */
export function shortfall(comparison: IndicatorComparison, value: number, target: number): number {
  switch (comparison) {
    case 'gte':
      return target - value;
    case 'lte':
      return value - target;
    case 'eq':
      return Math.abs(value - target) - EQ_TOLERANCE_FRACTION * Math.abs(target);
  }
}

export function meetsTarget(comparison: IndicatorComparison, value: number, target: number): boolean {
  return shortfall(comparison, value, target) <= EPSILON * Math.max(1, Math.abs(target));
}

/**
 * Ordinary least squares over (year, value): value = intercept + slope × year. Null when the points
 * span fewer than two distinct years (no slope can be fitted).
 */
export function fitLinearTrend(points: readonly IndicatorPoint[]): { slope: number; intercept: number } | null {
  if (new Set(points.map((p) => p.year)).size < 2) return null;
  const n = points.length;
  const meanX = points.reduce((s, p) => s + p.year, 0) / n;
  const meanY = points.reduce((s, p) => s + p.value, 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (const p of points) {
    sxy += (p.year - meanX) * (p.value - meanY);
    sxx += (p.year - meanX) ** 2;
  }
  const slope = sxy / sxx;
  return { slope, intercept: meanY - slope * meanX };
}

const round = (n: number) => Math.round(n * 10_000) / 10_000;

/** One value per year (the last given wins), ascending by year. */
function byYear(points: readonly IndicatorPoint[]): IndicatorPoint[] {
  const map = new Map<number, number>();
  for (const p of points) map.set(p.year, p.value);
  return [...map.entries()].sort(([a], [b]) => a - b).map(([year, value]) => ({ year, value }));
}

/**
 * Where an indicator stands for each target year (horizon), from its approved values:
 *
 * 1. No approved value: no_data (a baseline alone is not a report).
 * 2. A value for the horizon year or later exists (the horizon is reached): judged on the value of
 *    the horizon year, else of the first year after it: achieved when it meets the target, else off_track.
 * 3. Before the horizon, the latest value already meets the target: achieved.
 * 4. Otherwise the least squares line over the baseline and the approved values (one point when there
 *    is a single year: the latest value, flat) is projected to the horizon year: on_track when the
 *    projection meets the target; at_risk when it misses by less than AT_RISK_GAP_FRACTION of the gap
 *    |target − starting value| (starting value: the baseline, else the earliest approved value; a zero
 *    gap uses |target|, or 1); off_track otherwise.
 *
 * The indicator's status is its current horizon's: the first target year not before currentYear,
 * else the last target year. No targets: no_data.
 */
export function assessIndicator(input: IndicatorAssessmentInput): IndicatorAssessment {
  const observations = byYear(input.observations);
  const latest = observations.at(-1) ?? null;
  const baselinePoint = input.baseline && !observations.some((o) => o.year === input.baseline?.year) ? [input.baseline] : [];
  const trend = observations.length > 0 ? fitLinearTrend([...baselinePoint, ...observations]) : null;
  const start = input.baseline?.value ?? observations[0]?.value ?? null;
  const targets = [...input.targets].sort((a, b) => a.year - b.year);

  const horizons = targets.map((t): IndicatorHorizonResponse => {
    const base = { year: t.year, target: t.value };
    if (!latest || start === null) return { ...base, projected: null, status: 'no_data', basis: 'none' };
    const reached = observations.find((o) => o.year >= t.year);
    if (reached) {
      return { ...base, projected: null, status: meetsTarget(input.comparison, reached.value, t.value) ? 'achieved' : 'off_track', basis: 'observed' };
    }
    if (meetsTarget(input.comparison, latest.value, t.value)) return { ...base, projected: null, status: 'achieved', basis: 'observed' };
    const projected = trend ? trend.intercept + trend.slope * t.year : latest.value;
    if (meetsTarget(input.comparison, projected, t.value)) return { ...base, projected: round(projected), status: 'on_track', basis: 'projected' };
    const rawGap = Math.abs(t.value - start);
    const gap = rawGap > EPSILON * Math.max(1, Math.abs(t.value)) ? rawGap : Math.abs(t.value) || 1;
    const miss = shortfall(input.comparison, projected, t.value);
    return { ...base, projected: round(projected), status: miss < AT_RISK_GAP_FRACTION * gap ? 'at_risk' : 'off_track', basis: 'projected' };
  });

  const current = horizons.find((h) => h.year >= input.currentYear) ?? horizons.at(-1) ?? null;
  return {
    observations,
    latest,
    trend,
    horizons,
    status: current?.status ?? 'no_data',
    currentHorizonYear: current?.year ?? null,
  };
}
