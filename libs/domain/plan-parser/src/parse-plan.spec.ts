import { parsePlan } from './parse-plan';
import { MAX_PLAN_LINES } from './assert-plan-text';
import { PlanParseError } from './plan-parse-error';
import type { DirectoryDepartment, ParsedPlan } from './plan-types';

const outline = (plan: ParsedPlan) => plan.nodes.map((n) => `${n.code} ${n.kind} ${n.label}${n.title}`);

function expectParseError(text: string, code: PlanParseError['code']): void {
  try {
    parsePlan(text);
  } catch (error) {
    expect(error).toBeInstanceOf(PlanParseError);
    expect((error as PlanParseError).code).toBe(code);
    expect((error as PlanParseError).message).toMatch(/[\u4e00-\u9fff]/);
    return;
  }
  throw new Error(`expected PlanParseError ${code}`);
}

describe(parsePlan.name, () => {
  it('nests every numbering style in drafting order (第一章 > 第一节 > 一、 > （一） > 1. > （1）); the leaves are the measures', () => {
    const plan = parsePlan(
      [
        '某市推进数字化改革实施方案（2023—2025年）',
        '',
        '第一章 总体要求',
        '第一节 发展目标',
        '到2025年，数字经济核心产业增加值占地区生产总值比重达到15%以上。',
        '第二章 主要任务',
        '第一节 建设数字基础设施',
        '一、推进网络建设',
        '（一）加快5G网络部署。统筹基站选址。',
        '1. 建设基站。新建5G基站1000个以上。',
        '（1）城区全覆盖。重点区域实现连续覆盖。',
        '(2)乡镇全覆盖。行政村实现通达。',
        '2、完善光纤网络。推进千兆光网进社区。',
        '(二)建设数据中心。优化数据中心布局。',
        '二、推进平台建设',
        '第二节 发展数字产业',
      ].join('\n'),
    );
    expect(plan.title).toBe('某市推进数字化改革实施方案（2023—2025年）');
    expect(outline(plan)).toEqual([
      '1 part 第一章总体要求',
      '1.1 section 第一节发展目标',
      '2 part 第二章主要任务',
      '2.1 section 第一节建设数字基础设施',
      '2.1.1 section 一、推进网络建设',
      '2.1.1.1 section （一）加快5G网络部署',
      '2.1.1.1.1 measure 1.建设基站',
      '2.1.1.1.2 measure 2、完善光纤网络',
      '2.1.1.2 measure （二）建设数据中心',
      '2.1.2 measure 二、推进平台建设',
      '2.2 measure 第二节发展数字产业',
    ]);
    // Measures are the leaves; the （1）（2） sub-items below them stay in the measure's body.
    expect(plan.nodes.find((n) => n.code === '2.1.1.1.1')?.body).toBe('新建5G基站1000个以上。\n（1）城区全覆盖。重点区域实现连续覆盖。\n（2）乡镇全覆盖。行政村实现通达。');
    expect(plan.nodes.find((n) => n.code === '2.1.1.1')?.body).toBe('统筹基站选址。');
    expect(plan.nodes.find((n) => n.code === '1.1')?.body).toMatch(/^到2025年/);
    expect(plan.indicators.map((i) => [i.name, i.comparison, i.value, i.unit, i.targetYear, i.nodeCode])).toEqual([
      ['数字经济核心产业增加值占地区生产总值比重', 'gte', 15, '%', 2025, '1.1'],
      ['新建5G基站', 'gte', 1000, '个', 2025, '2.1.1.1.1'],
    ]);
  });

  it('makes no measure of guiding parts and sections (…的总体要求, 指导思想, 目标任务) unless asked', () => {
    const text = '某实施意见\n一、深化改革的总体要求\n1.指导思想。坚持稳中求进。\n2.目标任务。2015年取得进展。\n二、主要任务\n3.完善预算体系。加强统筹。';
    expect(outline(parsePlan(text))).toEqual(['1 part 一、深化改革的总体要求', '1.1 section 1.指导思想', '1.2 section 2.目标任务', '2 part 二、主要任务', '2.1 measure 3.完善预算体系']);
    expect(parsePlan(text, { includeGuidingParagraphs: true }).stats.measures).toBe(3);
  });

  it('takes a lone sentence after a section title for its intro, not a run-in measure', () => {
    const plan = parsePlan('某方案\n一、重点任务\n（一）推进交通互联。加快构建现代综合交通体系。\n共建轨道交通。加快建设城际铁路。\n完善公路网络。推进高速公路扩容。');
    expect(outline(plan)).toEqual(['1 part 一、重点任务', '1.1 section （一）推进交通互联', '1.1.1 measure 共建轨道交通', '1.1.2 measure 完善公路网络']);
    expect(plan.nodes[1].body).toBe('加快构建现代综合交通体系。');
  });

  it('keeps （1）（2） sub-items after a measure paragraph in that measure', () => {
    const plan = parsePlan('某方案\n一、重点任务\n（一）推进创新\n加强平台建设。建设重点实验室：\n（1）争创国家实验室。\n（2）建设省实验室。\n强化人才支撑。引进高端人才。');
    expect(outline(plan)).toEqual(['1 part 一、重点任务', '1.1 section （一）推进创新', '1.1.1 measure 加强平台建设', '1.1.2 measure 强化人才支撑']);
    expect(plan.nodes[2].body).toBe('建设重点实验室：\n（1）争创国家实验室。\n（2）建设省实验室。');
    const circled = parsePlan('某方案\n一、重点任务\n（一）推进创新\n加强平台建设。建设重点实验室：\n①争创国家实验室。\n②建设省实验室。\n强化人才支撑。引进高端人才。');
    expect(outline(circled)).toEqual(outline(plan));
    expect(circled.nodes[2].body).toBe('建设重点实验室：\n①争创国家实验室。\n②建设省实验室。');
    expect(circled.warnings).toEqual([]);
  });

  it('reads 一、 parts, （一） sections and measure paragraphs the same with half-width (一)', () => {
    const fullWidth = '某方案\n一、重点任务\n（一）推进创新\n加强平台建设。建设重点实验室。\n强化人才支撑。引进高端人才。\n（二）扩大开放\n建设开放平台。推进自贸区建设。';
    const halfWidth = fullWidth.replace(/（/g, '(').replace(/）/g, ')');
    const a = parsePlan(fullWidth);
    const b = parsePlan(halfWidth);
    expect(outline(a)).toEqual([
      '1 part 一、重点任务',
      '1.1 section （一）推进创新',
      '1.1.1 measure 加强平台建设',
      '1.1.2 measure 强化人才支撑',
      '1.2 section （二）扩大开放',
      '1.2.1 measure 建设开放平台',
    ]);
    expect(b.nodes).toEqual(a.nodes);
  });

  it('copes with full-width spaces, page-number lines and footnote markers, keeping input line numbers', () => {
    const text = [
      '\u3000\u3000某县乡村振兴行动计划',
      '\u3000\u3000一、\u3000总体要求',
      '\u3000\u3000到２０２５年，农村居民人均可支配收入达到３．５万元以上[1]。',
      '— 2 —',
      '\u3000\u3000二、重点任务',
      '\u3000\u3000(一)发展乡村产业',
      '\u3000\u3000培育特色产业。建设特色产业基地１０个①。',
      '第 3 页',
      '\u3000\u3000加强品牌建设。打造区域公用品牌。',
      '[1] 按2020年不变价计算。',
    ].join('\r\n');
    const plan = parsePlan(text);
    expect(plan.title).toBe('某县乡村振兴行动计划');
    expect(plan.nodes.map((n) => [n.code, n.title, n.line])).toEqual([
      ['1', '总体要求', 2],
      ['2', '重点任务', 5],
      ['2.1', '发展乡村产业', 6],
      ['2.1.1', '培育特色产业', 7],
      ['2.1.2', '加强品牌建设', 9],
    ]);
    expect(plan.nodes[3].body).toBe('建设特色产业基地10个。');
    const lines = plan.normalizedText.split('\n');
    expect(lines).toHaveLength(10);
    expect([lines[3], lines[7], lines[9]]).toEqual(['', '', '']);
    expect(plan.indicators).toEqual([
      expect.objectContaining({ name: '农村居民人均可支配收入', comparison: 'gte', value: 3.5, unit: '万元', targetYear: 2025, nodeCode: '1', line: 3 }),
    ]);
    expect(plan.warnings).toEqual([expect.objectContaining({ code: 'INDICATOR_WITHOUT_YEAR', line: 7 })]);
  });

  it('reads a markdown plan with # headings, list items and an indicator table', () => {
    const markdown = [
      '# 某省生态环境保护行动方案',
      '',
      '## 一、总体要求',
      '',
      '### （一）主要目标',
      '',
      '到2025年，主要目标如下：',
      '',
      '| 指标 | 单位 | 2022年 | 2025年 | 2035年 |',
      '|---|---|---|---|---|',
      '| 细颗粒物（PM2.5）浓度 | 微克/立方米 | 35 | ≤30 | 25 |',
      '| 森林覆盖率 | % | 61 | 62以上 | 63 |',
      '| 单位GDP能耗下降 | % | — | 13.5 | — |',
      '',
      '## 二、重点任务',
      '',
      '### （一）加强大气治理',
      '',
      '**推进工业源治理。**完成钢铁行业超低排放改造，到2025年，重点行业排放量下降到2万吨以下。',
      '',
      '- 强化移动源治理。推广新能源汽车。',
      '',
      '### （二）保护水生态',
      '',
      '1. 推进河湖治理。实施幸福河湖建设。',
      '2. 保护饮用水源。划定保护区。',
      '',
      '## 三、保障措施',
      '',
      '省生态环境厅会同省发展改革委编制大气污染防治专项行动计划。',
    ].join('\n');
    const directory: DirectoryDepartment[] = [
      { code: 'sthjt', name: '省生态环境厅', aliases: [] },
      { code: 'fgw', name: '省发展改革委', aliases: ['省发改委'] },
    ];
    const plan = parsePlan(markdown, { directory });
    expect(plan.title).toBe('某省生态环境保护行动方案');
    expect(outline(plan)).toEqual([
      '1 part 一、总体要求',
      '1.1 section （一）主要目标',
      '2 part 二、重点任务',
      '2.1 section （一）加强大气治理',
      '2.1.1 measure 推进工业源治理',
      '2.1.2 measure 强化移动源治理',
      '2.2 section （二）保护水生态',
      '2.2.1 measure 1.推进河湖治理',
      '2.2.2 measure 2.保护饮用水源',
      '3 part 三、保障措施',
      '3.1 measure 省生态环境厅会同省发展改革委编制大气污染防治专项行动计划',
    ]);
    expect(plan.indicators.map((i) => [i.name, i.comparison, i.value, i.unit, i.targetYear, i.nodeCode, i.line])).toEqual([
      ['重点行业排放量', 'lte', 2, '万吨', 2025, '2.1.1', 19],
      ['细颗粒物（PM2.5）浓度', 'lte', 35, '微克/立方米', 2022, '1.1', 11],
      ['细颗粒物（PM2.5）浓度', 'lte', 30, '微克/立方米', 2025, '1.1', 11],
      ['细颗粒物（PM2.5）浓度', 'lte', 25, '微克/立方米', 2035, '1.1', 11],
      ['森林覆盖率', 'gte', 61, '%', 2022, '1.1', 12],
      ['森林覆盖率', 'gte', 62, '%', 2025, '1.1', 12],
      ['森林覆盖率', 'gte', 63, '%', 2035, '1.1', 12],
      ['单位GDP能耗下降', 'gte', 13.5, '%', 2025, '1.1', 13],
    ]);
    expect(plan.duties).toEqual([
      expect.objectContaining({ kind: 'special_action_plan', deliverable: '大气污染防治专项行动计划', leadDepartmentCode: 'sthjt', coDepartmentCodes: ['fgw'] }),
    ]);
  });

  it('chooses the comparison from the wording', () => {
    const plan = parsePlan(
      [
        '某市节能减排工作方案（2021—2025年）',
        '一、主要目标',
        '到2025年，单位GDP能耗下降14%，化学需氧量排放总量控制在5万吨以内，城市污水处理率不低于95%，森林覆盖率保持在61%，新能源汽车保有量突破10万辆，农村卫生厕所普及率为98%左右，地区生产总值年均增长6%。',
        '二、重点任务',
        '（一）推进节能',
        '推进工业节能。新增节能改造项目2至3个，累计培育绿色工厂50家、绿色园区10个。',
      ].join('\n'),
    );
    expect(plan.indicators.map((i) => [i.name, i.comparison, i.value, i.unit, i.targetYear, i.upperValue ?? null])).toEqual([
      ['单位GDP能耗下降', 'gte', 14, '%', 2025, null],
      ['化学需氧量排放总量', 'lte', 5, '万吨', 2025, null],
      ['城市污水处理率', 'gte', 95, '%', 2025, null],
      ['森林覆盖率', 'eq', 61, '%', 2025, null],
      ['新能源汽车保有量', 'gte', 10, '万辆', 2025, null],
      ['农村卫生厕所普及率', 'eq', 98, '%', 2025, null],
      ['地区生产总值年均增长', 'gte', 6, '%', 2025, null],
      ['新增节能改造项目', 'gte', 2, '个', 2025, 3],
      ['累计培育绿色工厂', 'gte', 50, '家', 2025, null],
      ['累计培育绿色园区', 'gte', 10, '个', 2025, null],
    ]);
  });

  it('resolves department aliases and warns about departments missing from the directory', () => {
    const directory: DirectoryDepartment[] = [
      { code: 'fgw', name: '省发展改革委', aliases: ['省发改委'] },
      { code: 'wht', name: '省文化和旅游厅', aliases: [] },
      { code: 'tyj', name: '省体育局', aliases: [] },
    ];
    const plan = parsePlan('某方案\n（一）制定专项计划。省发改委会同省文化和旅游厅、省体育局编制文旅体融合发展专项行动计划。省数字办牵头编制数字化改革实施方案。', { directory });
    expect(plan.duties.map((d) => [d.kind, d.deliverable, d.leadDepartmentCode, d.leadName, d.coDepartmentCodes])).toEqual([
      ['special_action_plan', '文旅体融合发展专项行动计划', 'fgw', '省发展改革委', ['wht', 'tyj']],
      ['general', '数字化改革实施方案', null, '省数字办', []],
    ]);
    expect(plan.warnings).toEqual([expect.objectContaining({ code: 'UNKNOWN_DEPARTMENT', line: 2, message: expect.stringContaining('省数字办') })]);
  });

  it('treats a text of measure paragraphs without headings as a flat list', () => {
    const plan = parsePlan('加强组织领导。成立工作专班。\n强化督促检查。定期通报进展。');
    expect(plan.title).toBe('');
    expect(plan.nodes.map((n) => [n.code, n.parentCode, n.kind, n.title])).toEqual([
      ['1', null, 'measure', '加强组织领导'],
      ['2', null, 'measure', '强化督促检查'],
    ]);
    expect(plan.warnings.map((w) => w.code)).toEqual(['TITLE_MISSING']);
  });

  describe('bad input', () => {
    it('rejects empty or whitespace-only text as EMPTY', () => {
      expectParseError('', 'EMPTY');
      expectParseError(' \n\t\u3000\r\n ', 'EMPTY');
    });

    it('rejects binary content as BINARY', () => {
      expectParseError('一、总体要求\u0000\u0001', 'BINARY');
      const bytes = Array.from({ length: 400 }, (_, i) => String.fromCharCode((i * 37) % 32)).join('');
      expectParseError(`PK${bytes}`, 'BINARY');
      expectParseError('\ufffd'.repeat(50) + '方案', 'BINARY');
    });

    it(`rejects more than ${MAX_PLAN_LINES} non-empty lines as TOO_LONG, blank lines not counted`, () => {
      expectParseError('（一）1.（1）①\n'.repeat(MAX_PLAN_LINES + 1), 'TOO_LONG');
      expect(() => parsePlan('一、总体要求\n\n（一）推进工作。\n' + '\n'.repeat(MAX_PLAN_LINES * 2))).not.toThrow();
    });

    it('rejects text without headings or measure paragraphs as NO_STRUCTURE', () => {
      expectParseError('这是一个很长的句子，没有任何标题，也没有段落结构，只是一直写下去，直到文件结束为止，读者也不知道它想表达什么', 'NO_STRUCTURE');
      expectParseError('苹果 香蕉 汽车 天空 电脑 桌子 河流 山峰', 'NO_STRUCTURE');
      expectParseError('今天天气很好。我们去公园散步，然后回家。', 'NO_STRUCTURE');
    });
  });
});
