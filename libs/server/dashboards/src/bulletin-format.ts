import type { IndicatorComparison, IndicatorPoint, IndicatorTarget } from '@luoshi/contracts';

/** Overdue tasks listed one by one in the .docx (the .xlsx lists all). */
export const DOCX_OVERDUE_DETAIL_ROWS = 30;

const SYMBOL: Record<IndicatorComparison, string> = { gte: '≥', lte: '≤', eq: '=' };

export const formatNumber = (n: number) => (Number.isInteger(n) ? String(n) : String(Math.round(n * 10_000) / 10_000));
export const point = (p: IndicatorPoint | null) => (p ? `${formatNumber(p.value)}（${p.year}年）` : '—');
export const targetsText = (comparison: IndicatorComparison, targets: IndicatorTarget[]) =>
  targets.map((t) => `${t.year}年${SYMBOL[comparison]}${formatNumber(t.value)}`).join('；') || '—';
