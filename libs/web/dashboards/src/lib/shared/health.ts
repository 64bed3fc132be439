import { type DashboardTaskFilter, INDICATOR_STATUSES, type IndicatorStatus, type TaskHealthColor } from '@luoshi/contracts';
import type { TranslationKey } from '@luoshi/web/core';

/** Ant Design's red, gold and green: the same dots as the task list. */
export const HEALTH_COLORS: Readonly<Record<TaskHealthColor, string>> = {
  red: '#f5222d',
  amber: '#faad14',
  green: '#52c41a',
};

/** The same colours dark enough for text on white (WCAG AA, ≥ 4.5:1): numbers written in a health colour. */
export const HEALTH_TEXT_COLORS: Readonly<Record<TaskHealthColor, string>> = {
  red: '#cf1322',
  amber: '#874d00',
  green: '#237804',
};

/** Stacking order in the charts: red against the axis, so lagging work lines up and compares at a glance. */
export const HEALTH_ORDER: readonly TaskHealthColor[] = ['red', 'amber', 'green'];

/** nz-tag colours of an indicator's status. */
export const INDICATOR_STATUS_COLORS: Readonly<Record<IndicatorStatus, string>> = {
  achieved: 'success',
  on_track: 'processing',
  at_risk: 'warning',
  off_track: 'error',
  no_data: 'default',
};

/** Text keys of an indicator's status. */
export const INDICATOR_STATUS_KEYS: Readonly<Record<IndicatorStatus, TranslationKey>> = {
  achieved: 'indicatorStatus.achieved',
  on_track: 'indicatorStatus.on_track',
  at_risk: 'indicatorStatus.at_risk',
  off_track: 'indicatorStatus.off_track',
  no_data: 'indicatorStatus.no_data',
};

/** How many indicators have each status (every status present, zeros included), in INDICATOR_STATUSES order. */
export function countByStatus(indicators: readonly { status: IndicatorStatus }[]): { status: IndicatorStatus; n: number }[] {
  return INDICATOR_STATUSES.map((status) => ({ status, n: indicators.filter((i) => i.status === status).length }));
}

/** Chart colours of an indicator's status (line and marker). */
export const INDICATOR_STATUS_HEX: Readonly<Record<IndicatorStatus, string>> = {
  achieved: '#52c41a',
  on_track: '#1677ff',
  at_risk: '#faad14',
  off_track: '#f5222d',
  no_data: '#bfbfbf',
};

/**
 * Where a drill-down opens: the task list with the aggregate's filter as its query. Department users
 * have no /tasks (their list is /my-tasks, which reads the same query).
 */
export function taskListLink(filter: DashboardTaskFilter, departmentOnly: boolean): { path: string; queryParams: Record<string, string> } {
  const queryParams: Record<string, string> = {};
  for (const [key, value] of Object.entries(filter)) {
    if (value !== undefined && value !== null && value !== '') queryParams[key] = String(value);
  }
  return { path: departmentOnly ? '/my-tasks' : '/tasks', queryParams };
}

/** 0.1084 → "10.8%"; null → "—". */
export function percent(rate: number | null | undefined, digits = 1): string {
  return rate === null || rate === undefined ? '—' : `${(rate * 100).toFixed(digits)}%`;
}

/** 2026-11 → the current Beijing month, for the bulletin's default period. */
export function currentMonth(now = new Date()): string {
  const beijing = new Date(now.getTime() + 8 * 3600_000);
  return `${beijing.getUTCFullYear()}-${String(beijing.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** A number as a figure: up to 2 decimals, no trailing zeros. */
export function figure(value: number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  return Number.isInteger(value) ? String(value) : String(Number(value.toFixed(2)));
}
