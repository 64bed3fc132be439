import type { IndicatorComparison, IndicatorPoint, IndicatorTarget } from '@luoshi/contracts';
import { figure } from './health';

const SYMBOL: Readonly<Record<IndicatorComparison, string>> = { gte: '≥', lte: '≤', eq: '=' };

/** 75.2（2025） */
export function pointText(point: IndicatorPoint | null | undefined): string {
  return point ? `${figure(point.value)}（${point.year}）` : '—';
}

/** ≥ 30（2025）；≥ 40（2035） */
export function targetsText(comparison: IndicatorComparison, targets: readonly IndicatorTarget[]): string {
  return targets.map((t) => `${SYMBOL[comparison]} ${figure(t.value)}（${t.year}）`).join('；') || '—';
}

export function comparisonSymbol(comparison: IndicatorComparison): string {
  return SYMBOL[comparison];
}

export interface SparkGeometry {
  /** Polyline points of the observed values (baseline first). */
  observed: string;
  /** The dashed segment from the last value to the last target. */
  toTarget: string | null;
  /** Last observed point and the target point (circle centres). */
  last: { x: number; y: number } | null;
  target: { x: number; y: number } | null;
}

/**
 * A tiny trend for a table cell: observed values (baseline included) and a dashed line to the last
 * target, scaled into width × height with a small margin. Pure, so it is tested without a browser.
 */
export function sparkGeometry(
  points: readonly IndicatorPoint[],
  target: IndicatorTarget | null,
  width: number,
  height: number,
  pad = 3,
): SparkGeometry {
  const all = [...points, ...(target ? [{ year: target.year, value: target.value }] : [])];
  if (points.length === 0 || all.length === 0) return { observed: '', toTarget: null, last: null, target: null };
  const years = all.map((p) => p.year);
  const values = all.map((p) => p.value);
  const [minX, maxX] = [Math.min(...years), Math.max(...years)];
  const [minY, maxY] = [Math.min(...values), Math.max(...values)];
  const x = (year: number) => (maxX === minX ? width / 2 : pad + ((year - minX) / (maxX - minX)) * (width - 2 * pad));
  const y = (value: number) => (maxY === minY ? height / 2 : height - pad - ((value - minY) / (maxY - minY)) * (height - 2 * pad));
  const round = (n: number) => Math.round(n * 10) / 10;
  const sorted = [...points].sort((a, b) => a.year - b.year);
  const observed = sorted.map((p) => `${round(x(p.year))},${round(y(p.value))}`).join(' ');
  const lastPoint = sorted[sorted.length - 1];
  const last = { x: round(x(lastPoint.year)), y: round(y(lastPoint.value)) };
  const targetPoint = target ? { x: round(x(target.year)), y: round(y(target.value)) } : null;
  return {
    observed,
    toTarget: targetPoint && target && target.year > lastPoint.year ? `${last.x},${last.y} ${targetPoint.x},${targetPoint.y}` : null,
    last,
    target: targetPoint,
  };
}
