/** How often a recurring task reports progress (按月/按季度/按半年/按年报送). */
export type ReportingCycle = 'monthly' | 'quarterly' | 'half_yearly' | 'yearly';

export const REPORTING_CYCLES: readonly ReportingCycle[] = ['monthly', 'quarterly', 'half_yearly', 'yearly'];

export const REPORTING_CYCLE_LABELS: Readonly<Record<ReportingCycle, string>> = {
  monthly: '每月',
  quarterly: '每季度',
  half_yearly: '每半年',
  yearly: '每年',
};

export function isReportingCycle(value: unknown): value is ReportingCycle {
  return typeof value === 'string' && (REPORTING_CYCLES as readonly string[]).includes(value);
}
