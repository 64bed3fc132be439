import { parsePlan } from './parse-plan';

const table = (plan: ReturnType<typeof parsePlan>) =>
  plan.indicators.map((i) => [i.name, i.comparison, i.value, i.unit, i.targetYear, i.startYear ?? null, i.baseline ?? null, i.baselineYear ?? null, i.attribute ?? null]);

describe('indicators', () => {
  it('reads 年底前, “十四五”期间 and units as written (个工作日, 亿元, 公里), and skips a procedural time rule', () => {
    const plan = parsePlan(
      [
        '某省营商环境优化方案',
        '一、重点任务',
        '（一）压缩办理时间。2025年底前，企业开办时间压缩至1个工作日以内。',
        '（二）扩大有效投资。“十四五”期间，全省完成交通投资1.2万亿元，新建高速公路500公里。',
        '（三）规范审批流程。申请材料齐全的，原则上应当在5个工作日内办结，公示期一般为7天。',
      ].join('\n'),
    );
    expect(table(plan)).toEqual([
      ['企业开办时间', 'lte', 1, '个工作日', 2025, null, null, null, null],
      ['全省完成交通投资', 'gte', 1.2, '万亿元', 2025, 2021, null, null, null],
      ['新建高速公路', 'gte', 500, '公里', 2025, 2021, null, null, null],
    ]);
  });

  it('reads a year placed before the target verb, but never a comparison base year', () => {
    const plan = parsePlan('某市发展方案（2021—2030年）\n一、重点任务\n（一）做大总量。全市生产总值2025年达到1.5万亿元，单位GDP能耗比2020年下降13.5%。');
    expect(table(plan).map(([name, , value, unit, year]) => [name, value, unit, year])).toEqual([
      ['全市生产总值', 1.5, '万亿元', 2025],
      ['单位GDP能耗比2020年下降', 13.5, '%', 2025],
    ]);
  });

  it('takes baseline columns (基数/现状/基期) as baselines and keeps 属性, in markdown and TAB-separated tables', () => {
    const header = ['序号', '指标名称', '属性', '单位', '2020年基数', '2025年目标'];
    const rows = [
      ['1', '研发经费投入强度', '预期性', '%', '2.8', '3.3'],
      ['2', '单位GDP能耗下降', '约束性', '%', '—', '13.5'],
    ];
    for (const format of [(cells: string[]) => `| ${cells.join(' | ')} |`, (cells: string[]) => cells.join('\t')]) {
      const lines = [header, ...rows].map(format);
      if (format(['a', 'b']).startsWith('|')) lines.splice(1, 0, '|---|---|---|---|---|---|');
      const plan = parsePlan(['某市科技创新规划（2021—2025年）', '一、发展目标', '', ...lines, '', '二、重点任务', '（一）加强研发。加大投入。'].join('\n'));
      expect(table(plan)).toEqual([
        ['研发经费投入强度', 'gte', 3.3, '%', 2025, null, 2.8, 2020, '预期性'],
        ['单位GDP能耗下降', 'gte', 13.5, '%', 2025, null, null, null, '约束性'],
      ]);
    }
  });
});
