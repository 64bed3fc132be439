/** Indicators (指标): the plan's quantitative targets, their reported values and where they stand. */
import type { IndicatorComparison, IndicatorTarget } from './plans';

/**
 * achieved: the target is met (at the horizon year, or already before it);
 * on_track: the trend of approved values reaches the target by the horizon year;
 * at_risk: the trend misses it by less than 10% of the gap between the starting value and the target;
 * off_track: it misses by more, or the horizon year's value missed it;
 * no_data: no approved value yet.
 */
export const INDICATOR_STATUSES = ['achieved', 'on_track', 'at_risk', 'off_track', 'no_data'] as const;
export type IndicatorStatus = (typeof INDICATOR_STATUSES)[number];

export const INDICATOR_STATUS_LABELS: Record<IndicatorStatus, string> = {
  achieved: '已达标',
  on_track: '进度正常',
  at_risk: '存在风险',
  off_track: '明显滞后',
  no_data: '暂无数据',
};

export const INDICATOR_VALUE_STATUSES = ['submitted', 'approved', 'returned'] as const;
export type IndicatorValueStatus = (typeof INDICATOR_VALUE_STATUSES)[number];

export interface IndicatorDepartmentRef {
  id: string;
  code: string;
  name: string;
}

export interface IndicatorPoint {
  year: number;
  value: number;
}

/** One target year (2022, 2025, 2035 …) of an indicator. */
export interface IndicatorHorizonResponse {
  year: number;
  target: number;
  /** The trend's value at the horizon year; null when no value was projected (reached, achieved or no data). */
  projected: number | null;
  status: IndicatorStatus;
  /** observed: judged on a reported value; projected: on the trend; none: no data. */
  basis: 'observed' | 'projected' | 'none';
}

export interface IndicatorTrackingResponse {
  id: string;
  planId: string;
  nodeCode: string | null;
  name: string;
  unit: string;
  comparison: IndicatorComparison;
  targets: IndicatorTarget[];
  responsibleDepartment: IndicatorDepartmentRef | null;
  baseline: IndicatorPoint | null;
  /** The approved value of the latest year. */
  latest: (IndicatorPoint & { note: string }) | null;
  /** Approved values, one per year (the last approved for a year wins), ascending. */
  observations: IndicatorPoint[];
  /** Least squares line over baseline and observations: value = intercept + slope × year. */
  trend: { slope: number; intercept: number } | null;
  horizons: IndicatorHorizonResponse[];
  /** The status of the current horizon: the first target year not before this year, else the last. */
  status: IndicatorStatus;
  currentHorizonYear: number | null;
  /** Values waiting for the office's review. */
  pendingValues: number;
}

export interface IndicatorValueResponse {
  id: string;
  indicatorId: string;
  indicatorName: string;
  unit: string;
  year: number;
  value: number;
  note: string;
  status: IndicatorValueStatus;
  department: IndicatorDepartmentRef;
  reportedBy: { id: string; displayName: string };
  reportedAt: string;
  reviewedBy: { id: string; displayName: string } | null;
  reviewedAt: string | null;
  reviewComment: string | null;
}

export interface IndicatorDetailResponse extends IndicatorTrackingResponse {
  sourceSentence: string;
  /** Every reported value, newest first. Pending and returned values only for the office and the responsible department. */
  values: IndicatorValueResponse[];
}

/** PATCH /api/indicators/:id (office_admin). null clears a field. */
export interface UpdateIndicatorRequest {
  responsibleDepartmentCode?: string | null;
  baseline?: number | null;
  baselineYear?: number | null;
}

/** POST /api/indicators/:id/values (the responsible department's liaison or head). */
export interface ReportIndicatorValueRequest {
  year: number;
  value: number;
  /** Where the figure comes from (统计公报, 部门统计 …). */
  note: string;
}

/** POST /api/indicators/values/:valueId/approve | return (office_reviewer); a return needs the comment. */
export interface ReviewIndicatorValueRequest {
  comment?: string;
}

export const IndicatorApiPaths = {
  indicators: '/api/indicators',
  indicator: (id: string) => `/api/indicators/${id}`,
  values: (id: string) => `/api/indicators/${id}/values`,
  reviewQueue: '/api/indicators/values',
  approve: (valueId: string) => `/api/indicators/values/${valueId}/approve`,
  return: (valueId: string) => `/api/indicators/values/${valueId}/return`,
} as const;
