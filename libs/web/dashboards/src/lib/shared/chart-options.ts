import type { BarSeriesOption, LineSeriesOption, ScatterSeriesOption } from 'echarts/charts';
import type { GridComponentOption, LegendComponentOption, MarkLineComponentOption, TooltipComponentOption } from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import type { CompletionPoint, DashboardRow, IndicatorHorizonResponse, IndicatorPoint, TaskHealthColor } from '@luoshi/contracts';
import { HEALTH_COLORS, HEALTH_ORDER, percent } from './health';

export type ChartOption = ComposeOption<
  | BarSeriesOption
  | LineSeriesOption
  | ScatterSeriesOption
  | GridComponentOption
  | LegendComponentOption
  | MarkLineComponentOption
  | TooltipComponentOption
>;

const FONT = "-apple-system, 'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', 'WenQuanYi Micro Hei', sans-serif";
const TEXT = 'rgba(0, 0, 0, 0.65)';
const AXIS = '#d9d9d9';
const SPLIT = '#f0f0f0';

export interface HealthChartText {
  health: Readonly<Record<TaskHealthColor, string>>;
  total: string;
  completed: string;
  completionRate: string;
  /** Shown under the tooltip: "点击色块查看任务". */
  clickHint: string;
}

export interface HealthChartOptions {
  /** Bars along the y axis (long Chinese labels) or upright (city names). */
  orientation: 'horizontal' | 'vertical';
  /** The axis label of a row (full label in the tooltip). */
  axisLabel: (row: DashboardRow) => string;
  /** The tooltip heading of a row. */
  fullLabel: (row: DashboardRow) => string;
  text: HealthChartText;
}

/** Pixels a horizontal health chart needs for its rows (legend and axis included). */
export function healthChartHeight(rows: number): number {
  return Math.max(160, 64 + rows * 30);
}

/** Cuts a label to `max` characters with an ellipsis (axis labels; the tooltip has it in full). */
export function clip(text: string, max: number): string {
  return [...text].length > max ? `${[...text].slice(0, max - 1).join('')}…` : text;
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * Health stacked bars (red, amber, green) of dashboard rows. Each series has the colour as its id;
 * a click gives seriesId + dataIndex → rows[dataIndex].filters[seriesId].
 */
export function healthBarOption(rows: readonly DashboardRow[], options: HealthChartOptions): ChartOption {
  const horizontal = options.orientation === 'horizontal';
  const { text } = options;
  const categories = rows.map((row) => options.axisLabel(row));
  const category = {
    type: 'category' as const,
    data: categories,
    inverse: horizontal,
    axisTick: { show: false },
    axisLine: { lineStyle: { color: AXIS } },
    axisLabel: { color: TEXT, fontFamily: FONT, fontSize: 12, interval: 0, ...(horizontal ? { width: 180, overflow: 'truncate' as const } : { rotate: 0 }) },
  };
  const value = {
    type: 'value' as const,
    minInterval: 1,
    axisLabel: { color: 'rgba(0, 0, 0, 0.6)', fontFamily: FONT },
    splitLine: { lineStyle: { color: SPLIT } },
  };
  const series: BarSeriesOption[] = HEALTH_ORDER.map((health) => ({
    id: health,
    name: text.health[health],
    type: 'bar',
    stack: 'health',
    barMaxWidth: horizontal ? 20 : 36,
    cursor: 'pointer',
    itemStyle: { color: HEALTH_COLORS[health] },
    emphasis: { focus: 'series' },
    label: {
      show: true,
      fontFamily: FONT,
      fontSize: 11,
      color: health === 'amber' ? 'rgba(0, 0, 0, 0.75)' : '#fff',
      formatter: (p: { value?: unknown }) => (typeof p.value === 'number' && p.value > 0 ? String(p.value) : ''),
    },
    data: rows.map((row) => row[health]),
  }));
  return {
    animationDuration: 400,
    textStyle: { fontFamily: FONT },
    legend: { top: 0, left: 0, itemWidth: 10, itemHeight: 10, icon: 'circle', textStyle: { color: TEXT, fontFamily: FONT } },
    grid: { top: 32, left: 8, right: 24, bottom: 8, containLabel: true },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      confine: true,
      formatter: (params: unknown) => {
        const list = Array.isArray(params) ? (params as { dataIndex: number }[]) : [params as { dataIndex: number }];
        const row = rows[list[0]?.dataIndex ?? -1];
        if (!row) return '';
        const lines = HEALTH_ORDER.map(
          (h) => `<span style="display:inline-block;width:8px;height:8px;border-radius:50%;background:${HEALTH_COLORS[h]};margin-right:6px"></span>${text.health[h]}：${row[h]}`,
        );
        return [
          `<b>${escapeHtml(options.fullLabel(row))}</b>`,
          `${text.total}：${row.total}　${text.completed}：${row.completed}　${text.completionRate}：${percent(row.completionRate)}`,
          ...lines,
          `<span style="color:#666666">${escapeHtml(text.clickHint)}</span>`,
        ].join('<br/>');
      },
    },
    xAxis: horizontal ? value : category,
    yAxis: horizontal ? category : value,
    series,
  };
}

export interface CompletionChartText {
  completed: string;
  cumulative: string;
}

/** Completions per period (bars) and the running total (line). */
export function completionOption(points: readonly CompletionPoint[], text: CompletionChartText): ChartOption {
  return {
    animationDuration: 400,
    textStyle: { fontFamily: FONT },
    legend: { top: 0, left: 0, itemWidth: 12, itemHeight: 8, textStyle: { color: TEXT, fontFamily: FONT } },
    grid: { top: 32, left: 8, right: 16, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', confine: true },
    xAxis: {
      type: 'category',
      data: points.map((p) => p.period),
      axisTick: { show: false },
      axisLine: { lineStyle: { color: AXIS } },
      axisLabel: { color: TEXT, fontFamily: FONT },
    },
    yAxis: { type: 'value', minInterval: 1, splitLine: { lineStyle: { color: SPLIT } }, axisLabel: { color: 'rgba(0, 0, 0, 0.6)' } },
    series: [
      { id: 'completed', name: text.completed, type: 'bar', barMaxWidth: 18, itemStyle: { color: '#91caff' }, data: points.map((p) => p.completed) },
      {
        id: 'cumulative',
        name: text.cumulative,
        type: 'line',
        smooth: false,
        symbolSize: 6,
        lineStyle: { width: 2, color: '#1677ff' },
        itemStyle: { color: '#1677ff' },
        areaStyle: { color: 'rgba(22, 119, 255, 0.08)' },
        data: points.map((p) => p.cumulative),
      },
    ],
  };
}

export interface IndicatorChartInput {
  unit: string;
  baseline: IndicatorPoint | null;
  observations: readonly IndicatorPoint[];
  trend: { slope: number; intercept: number } | null;
  horizons: readonly IndicatorHorizonResponse[];
  /** Colour of the projection (the indicator's status). */
  color: string;
}

export interface IndicatorChartText {
  observed: string;
  baseline: string;
  projection: string;
  target: string;
}

const round = (value: number) => Math.round(value * 100) / 100;

/**
 * Observed values (with the baseline), the least-squares projection from the last observed year to
 * the last target year, and a marker per target year.
 */
export function indicatorOption(input: IndicatorChartInput, text: IndicatorChartText): ChartOption {
  const observed = [...(input.baseline ? [input.baseline] : []), ...input.observations]
    .filter((p, i, all) => all.findIndex((q) => q.year === p.year) === i)
    .sort((a, b) => a.year - b.year);
  const targetYears = input.horizons.map((h) => h.year);
  const years = [...observed.map((p) => p.year), ...targetYears];
  const minYear = years.length ? Math.min(...years) : new Date().getFullYear();
  const maxYear = years.length ? Math.max(...years) : minYear + 1;
  const lastObserved = observed.at(-1);
  const trend = input.trend;
  const projection: [number, number][] =
    trend && lastObserved && maxYear > lastObserved.year
      ? [lastObserved.year, ...targetYears.filter((y) => y > lastObserved.year)]
          .filter((y, i, all) => all.indexOf(y) === i)
          .sort((a, b) => a - b)
          .map((year) => [year, round(trend.intercept + trend.slope * year)])
      : [];
  const unit = input.unit;
  return {
    animationDuration: 300,
    textStyle: { fontFamily: FONT },
    legend: { top: 0, left: 0, itemWidth: 14, itemHeight: 8, textStyle: { color: TEXT, fontFamily: FONT } },
    // Room under the legend for the unit above the value axis.
    grid: { top: 56, left: 8, right: 40, bottom: 8, containLabel: true },
    tooltip: {
      trigger: 'item',
      confine: true,
      formatter: (p: unknown) => {
        const item = p as { seriesName: string; value: [number, number] };
        return `${escapeHtml(item.seriesName)}<br/>${item.value[0]} 年：<b>${item.value[1]}</b> ${escapeHtml(unit)}`;
      },
    },
    xAxis: {
      type: 'value',
      min: minYear - 1,
      max: maxYear + 1,
      interval: maxYear - minYear > 12 ? 5 : 1,
      axisLabel: { color: TEXT, formatter: (v: number) => (v === minYear - 1 || v === maxYear + 1 ? '' : String(v)) },
      splitLine: { show: false },
      axisLine: { lineStyle: { color: AXIS } },
    },
    yAxis: {
      type: 'value',
      scale: true,
      name: unit,
      nameTextStyle: { color: 'rgba(0, 0, 0, 0.6)', align: 'left' },
      splitLine: { lineStyle: { color: SPLIT } },
      axisLabel: { color: 'rgba(0, 0, 0, 0.6)' },
    },
    series: [
      {
        id: 'observed',
        name: text.observed,
        type: 'line',
        symbolSize: 7,
        lineStyle: { width: 2, color: '#1677ff' },
        itemStyle: { color: '#1677ff' },
        label: { show: observed.length <= 8, position: 'top', fontSize: 11, color: TEXT },
        data: observed.map((p) => [p.year, p.value]),
      },
      {
        id: 'baseline',
        name: text.baseline,
        type: 'scatter',
        symbol: 'rect',
        symbolSize: 9,
        z: 3,
        itemStyle: { color: '#8c8c8c' },
        data: input.baseline ? [[input.baseline.year, input.baseline.value]] : [],
      },
      {
        id: 'projection',
        name: text.projection,
        type: 'line',
        symbol: 'emptyCircle',
        symbolSize: 6,
        lineStyle: { width: 2, type: 'dashed', color: input.color },
        itemStyle: { color: input.color },
        data: projection,
      },
      {
        id: 'targets',
        name: text.target,
        type: 'scatter',
        symbol: 'diamond',
        symbolSize: 14,
        itemStyle: { color: '#c8102e' },
        label: { show: true, position: 'right', fontSize: 11, color: '#c8102e', formatter: (p: { value?: unknown }) => `${(p.value as number[])[1]}` },
        data: input.horizons.map((h) => [h.year, h.target]),
      },
    ],
  };
}
