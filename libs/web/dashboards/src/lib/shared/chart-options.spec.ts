import type { DashboardRow } from '@luoshi/contracts';
import { clip, completionOption, healthBarOption, healthChartHeight, indicatorOption } from './chart-options';
import { taskListLink } from './health';

const filters = (extra: Record<string, string>) => ({
  total: { planId: 'p', ...extra },
  completed: { planId: 'p', ...extra, status: 'completed' as const },
  green: { planId: 'p', ...extra, health: 'green' as const },
  amber: { planId: 'p', ...extra, health: 'amber' as const },
  red: { planId: 'p', ...extra, health: 'red' as const },
});

const row = (key: string, red: number, amber: number, green: number): DashboardRow => ({
  key,
  label: `节 ${key}`,
  partCode: '2',
  total: red + amber + green,
  completed: 0,
  cancelled: 0,
  red,
  amber,
  green,
  completionRate: 0,
  filters: filters({ sectionCode: key }),
});

const text = {
  health: { red: '红灯', amber: '黄灯', green: '绿灯' },
  total: '任务数',
  completed: '已办结',
  completionRate: '完成率',
  clickHint: '点击色块查看对应任务',
};

describe('healthBarOption', () => {
  const rows = [row('2.1', 2, 4, 0), row('2.3', 1, 4, 1)];
  const option = healthBarOption(rows, { orientation: 'horizontal', axisLabel: (r) => r.key, fullLabel: (r) => `${r.key} ${r.label}`, text });

  it('stacks red, amber and green with the colour as series id and the counts per row', () => {
    const series = option.series as { id: string; name: string; stack: string; data: number[]; itemStyle: { color: string } }[];
    expect(series.map((s) => [s.id, s.name, s.stack, s.data])).toEqual([
      ['red', '红灯', 'health', [2, 1]],
      ['amber', '黄灯', 'health', [4, 4]],
      ['green', '绿灯', 'health', [0, 1]],
    ]);
    expect(series.map((s) => s.itemStyle.color)).toEqual(['#f5222d', '#faad14', '#52c41a']);
  });

  it('lays rows along the y axis, first row on top', () => {
    expect(option.yAxis).toMatchObject({ type: 'category', data: ['2.1', '2.3'], inverse: true });
    expect(option.xAxis).toMatchObject({ type: 'value', minInterval: 1 });
  });

  it('puts the full label and counts in the tooltip', () => {
    const tooltip = option.tooltip as { formatter: (p: unknown) => string };
    const html = tooltip.formatter([{ dataIndex: 1 }]);
    expect(html).toContain('2.3 节 2.3');
    expect(html).toContain('红灯：1');
    expect(html).toContain('点击色块查看对应任务');
  });

  it('stands bars upright for the cities', () => {
    const upright = healthBarOption(rows, { orientation: 'vertical', axisLabel: (r) => r.key, fullLabel: (r) => r.key, text });
    expect(upright.xAxis).toMatchObject({ type: 'category', data: ['2.1', '2.3'] });
    expect(upright.yAxis).toMatchObject({ type: 'value' });
  });

  it('drills a segment down to the row filter for that colour', () => {
    expect(taskListLink(rows[1].filters.red, false)).toEqual({ path: '/tasks', queryParams: { planId: 'p', sectionCode: '2.3', health: 'red' } });
    expect(taskListLink(rows[1].filters.red, true).path).toBe('/my-tasks');
  });
});

describe('chart helpers', () => {
  it('grows a horizontal chart with its rows', () => {
    expect(healthChartHeight(1)).toBe(160);
    expect(healthChartHeight(10)).toBe(364);
  });

  it('clips long labels by characters', () => {
    expect(clip('高水平建设大湾区', 5)).toBe('高水平建…');
    expect(clip('短', 5)).toBe('短');
  });

  it('draws completions per period and the running total', () => {
    const option = completionOption(
      [
        { period: '2026-10', start: '2026-10-01', completed: 2, cumulative: 5 },
        { period: '2026-11', start: '2026-11-01', completed: 1, cumulative: 6 },
      ],
      { completed: '本期办结', cumulative: '累计办结' },
    );
    expect((option.xAxis as { data: string[] }).data).toEqual(['2026-10', '2026-11']);
    expect((option.series as { id: string; data: number[] }[]).map((s) => [s.id, s.data])).toEqual([
      ['completed', [2, 1]],
      ['cumulative', [5, 6]],
    ]);
  });
});

describe('indicatorOption', () => {
  const labels = { observed: '实际值', baseline: '基期值', projection: '趋势预测', target: '目标值' };

  it('draws observed values with the baseline, the projection from the last value to the target years, and the targets', () => {
    const option = indicatorOption(
      {
        unit: '%',
        baseline: { year: 2020, value: 70 },
        observations: [
          { year: 2021, value: 71 },
          { year: 2022, value: 72 },
        ],
        trend: { slope: 1, intercept: -1950 },
        horizons: [
          { year: 2025, target: 75, projected: 75, status: 'on_track', basis: 'projected' },
          { year: 2035, target: 80, projected: 85, status: 'achieved', basis: 'projected' },
        ],
        color: '#1677ff',
      },
      labels,
    );
    const series = Object.fromEntries((option.series as { id: string; data: number[][] }[]).map((s) => [s.id, s.data]));
    expect(series['observed']).toEqual([
      [2020, 70],
      [2021, 71],
      [2022, 72],
    ]);
    expect(series['baseline']).toEqual([[2020, 70]]);
    expect(series['projection']).toEqual([
      [2022, 72],
      [2025, 75],
      [2035, 85],
    ]);
    expect(series['targets']).toEqual([
      [2025, 75],
      [2035, 80],
    ]);
    expect(option.xAxis).toMatchObject({ min: 2019, max: 2036, interval: 5 });
  });

  it('has no projection without a trend or when the last value is at the last target year', () => {
    const option = indicatorOption(
      { unit: '个', baseline: null, observations: [{ year: 2025, value: 3 }], trend: null, horizons: [{ year: 2025, target: 2, projected: null, status: 'achieved', basis: 'observed' }], color: '#52c41a' },
      labels,
    );
    const series = Object.fromEntries((option.series as { id: string; data: number[][] }[]).map((s) => [s.id, s.data]));
    expect(series['projection']).toEqual([]);
    expect(series['baseline']).toEqual([]);
  });
});
