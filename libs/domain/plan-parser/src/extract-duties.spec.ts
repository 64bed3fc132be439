import { parsePlan } from './parse-plan';
import type { DirectoryDepartment, ParsedPlan } from './plan-types';

const directory: DirectoryDepartment[] = [
  { code: 'fgw', name: '省发展改革委', aliases: ['省发改委'] },
  { code: 'kjt', name: '省科技厅', aliases: ['省科学技术厅'] },
  { code: 'jyt', name: '省教育厅', aliases: [] },
  { code: 'jtt', name: '省交通运输厅', aliases: [] },
];
const rows = (plan: ParsedPlan) => plan.duties.map((d) => [d.nodeCode, d.leadNames, d.coNames, d.source]);

describe('duties', () => {
  it('reads every annotation style, with several leads and collective units kept', () => {
    const plan = parsePlan(
      [
        '某省实施方案',
        '一、重点任务',
        '（一）推进创新',
        '建设实验室。争创国家实验室。（省科技厅、省教育厅按职责分工负责）',
        '培育人才。由省教育厅牵头，省科技厅配合，实施人才计划。',
        '完善交通。省交通运输厅会同省发改委推进综合交通建设。',
        '加强基层治理。推进网格化管理。责任单位：各区县（市）政府、市级各部门',
        '强化要素保障。统筹用地和资金。（牵头单位：省发改委；配合单位：有关部门、省自然资源厅；完成时限：2025年底前）',
        '推进数字政府。建设一网通办平台。（省大数据局牵头，各有关单位参与，2024年6月底前完成）',
      ].join('\n'),
      { directory },
    );
    expect(rows(plan)).toEqual([
      ['1.1.1', ['省科技厅', '省教育厅'], [], 'annotation'],
      ['1.1.2', ['省教育厅'], ['省科技厅'], 'annotation'],
      ['1.1.3', ['省交通运输厅'], ['省发展改革委'], 'annotation'],
      ['1.1.4', ['各区县（市）政府', '市级各部门'], [], 'annotation'],
      ['1.1.5', ['省发展改革委'], ['有关部门', '省自然资源厅'], 'annotation'],
      ['1.1.6', ['省大数据局'], ['各有关单位'], 'annotation'],
    ]);
    expect(plan.duties[0].leadDepartmentCodes).toEqual(['kjt', 'jyt']);
    expect(plan.duties[3]).toMatchObject({ collectiveNames: ['各区县（市）政府', '市级各部门'], unresolvedNames: [], leadDepartmentCodes: [null, null] });
    expect(plan.duties[4]).toMatchObject({ deadlineText: '2025年底前', deadline: '2025-12-31', collectiveNames: ['有关部门'], unresolvedNames: ['省自然资源厅'] });
    expect(plan.duties[5]).toMatchObject({ deadline: '2024-06-30', unresolvedNames: ['省大数据局'] });
    expect(plan.unresolvedDepartmentNames).toEqual(['省自然资源厅', '省大数据局']);
    expect(plan.warnings.filter((w) => w.code === 'UNKNOWN_DEPARTMENT')).toHaveLength(2);
  });

  it('reads national styles: a bare list of units closing a measure, and 由X会同Y等部门负责', () => {
    const plan = parsePlan(
      [
        '某意见',
        '一、重点任务',
        '（一）研发推广新型应急通信装备。重点加强无人空中载体装备研发推广。（工信部、公安部、应急管理部、国家消防救援局）',
        '（二）严守耕地保护红线。由国土资源部会同农业部等部门负责落实。',
        '（三）建设示范区。在杭州市开展试点（杭州市）。',
      ].join('\n'),
      { directory },
    );
    expect(rows(plan)).toEqual([
      ['1.1', ['工信部', '公安部', '应急管理部', '国家消防救援局'], [], 'annotation'],
      ['1.2', ['国土资源部'], ['农业部'], 'annotation'],
    ]);
  });

  it('reads a special action plan’s 完成时限 from its sentence, before 编制 or after the plan', () => {
    const plan = parsePlan(
      [
        '某省实施方案',
        '一、保障措施',
        '（一）制定专项计划。省发展改革委会同省交通运输厅于2027年6月底前编制交通一体化发展专项行动计划。省科技厅编制科创产业协同发展专项行动计划，2027年3月底前完成。省教育厅编制教育合作专项行动计划。',
      ].join('\n'),
      { directory },
    );
    const special = plan.duties.filter((d) => d.kind === 'special_action_plan');
    expect(special.map((d) => [d.deliverable, d.leadNames, d.coNames, d.deadlineText ?? null, d.deadline ?? null])).toEqual([
      ['交通一体化发展专项行动计划', ['省发展改革委'], ['省交通运输厅'], '2027年6月底前', '2027-06-30'],
      ['科创产业协同发展专项行动计划', ['省科技厅'], [], '2027年3月底前', '2027-03-31'],
      ['教育合作专项行动计划', ['省教育厅'], [], null, null],
    ]);
  });

  it('reads （牵头） marks in an annotation and in a single 责任单位 column', () => {
    const plan = parsePlan(
      [
        '某方案',
        '一、重点任务',
        '（一）建设实验室。争创国家实验室。（省科技厅（牵头）、省教育厅）',
        '（二）推进交通建设。完善路网。',
        '',
        '附件：分工表',
        '| 序号 | 重点任务 | 责任单位 |',
        '|---|---|---|',
        '| 2 | 推进交通建设 | 省交通运输厅（牵头）、省发改委 |',
      ].join('\n'),
      { directory },
    );
    expect(rows(plan)).toEqual([
      ['1.1', ['省科技厅'], ['省教育厅'], 'annotation'],
      ['1.2', ['省交通运输厅'], ['省发展改革委'], 'annex_table'],
    ]);
  });

  it('does not take a person, a period or an abbreviation in brackets for a duty', () => {
    const plan = parsePlan('某方案\n一、重点任务\n（一）加强领导。由政府主要负责同志牵头。\n（二）落实纲要。实施规划纲要（以下简称纲要）（2021—2025年）。', { directory });
    expect(plan.duties).toEqual([]);
  });

  it.each([
    ['a markdown table', (cells: string[]) => `| ${cells.join(' | ')} |`],
    ['TAB-separated rows', (cells: string[]) => cells.join('\t')],
  ])('matches an annex 分工表 given as %s to the measures by title, with leads, co-departments and deadlines', (_, row) => {
    const text = [
      '某市行动方案',
      '一、重点任务',
      '（一）推进科技创新',
      '建设重大创新平台。布局一批实验室。',
      '加快成果转化。完善技术市场。',
      '（二）推进交通建设',
      '完善城际铁路网络。加快建设城际铁路。',
      '二、保障措施',
      '（一）加强组织领导。建立工作专班。',
      '',
      '附件：重点任务分工表',
      '',
      row(['序号', '重点任务', '牵头单位', '配合单位', '完成时限']),
      row(['1', '建设重大创新平台，布局一批实验室', '省科技厅', '省发展改革委、各区县（市）政府', '2025年底前']),
      row(['2', '加快科技成果转化', '省科技厅、省教育厅', '', '长期坚持']),
      row(['3', '完善城际铁路网络', '省交通运输厅', '有关部门', '2026年上半年']),
      row(['4', '建立重点任务督办机制', '市政府办公厅', '', '2025年']),
      row(['5', '开展年度评估考核', '市政府办公厅', '', '']),
      '',
      '抄送：省委办公厅。',
    ].join('\n');
    const plan = parsePlan(text, { directory });
    expect(rows(plan)).toEqual([
      ['1.1.1', ['省科技厅'], ['省发展改革委', '各区县（市）政府'], 'annex_table'],
      ['1.1.2', ['省科技厅', '省教育厅'], [], 'annex_table'],
      ['1.2.1', ['省交通运输厅'], ['有关部门'], 'annex_table'],
      [null, ['市政府办公厅'], [], 'annex_table'],
      [null, ['市政府办公厅'], [], 'annex_table'],
    ]);
    expect(plan.duties.map((d) => [d.deadlineText, d.deadline ?? null])).toEqual([
      ['2025年底前', '2025-12-31'],
      ['长期坚持', null],
      ['2026年上半年', '2026-06-30'],
      ['2025年', '2025-12-31'],
      [undefined, null],
    ]);
    // Rows that match no measure are kept (nodeCode null) and flagged for the office.
    expect(plan.warnings.filter((w) => w.code === 'ANNEX_ROW_UNMATCHED')).toHaveLength(2);
    // The annex and the 抄送 line never end up in the last measure's body.
    expect(plan.nodes[plan.nodes.length - 1]).toMatchObject({ title: '加强组织领导', body: '建立工作专班。' });
  });

  it('keeps 各区、县级市 and its kin as one collective unit, and reads a 协 as a unit', () => {
    const plan = parsePlan(
      [
        '某市实施意见',
        '一、重点任务',
        '1.人才项目。培养人才。（牵头单位：市科协，配合单位：省教育厅，各有关区、县级市）',
        '2.基层项目。建设站点。（牵头单位：省科技厅，配合单位：各区、县级市）',
        '3.县域项目。推进试点。（省交通运输厅牵头，各市、县（市、区）人民政府配合）',
        '4.城市项目。推进更新。（省教育厅牵头，杭州市、县级市配合）',
      ].join('\n'),
      { directory },
    );
    expect(rows(plan)).toEqual([
      ['1.1', ['市科协'], ['省教育厅', '各有关区、县级市'], 'annotation'],
      ['1.2', ['省科技厅'], ['各区、县级市'], 'annotation'],
      ['1.3', ['省交通运输厅'], ['各市、县（市、区）人民政府'], 'annotation'],
      // Without 各 before it, a 县级市 stands alone.
      ['1.4', ['省教育厅'], ['杭州市', '县级市'], 'annotation'],
    ]);
    expect(plan.duties[1]).toMatchObject({ collectiveNames: ['各区、县级市'], unresolvedNames: [] });
    expect(plan.duties[0].unresolvedNames).toEqual(['市科协']);
  });

  it('takes 责任单位 as co-departments when the measure names its 牵头单位 on a line of its own', () => {
    const plan = parsePlan(
      [
        '某区重点工作任务分解和责任分工方案',
        '一、主要预期目标',
        '1.努力实现地区生产总值增长6.2%左右。',
        '牵头单位：区发改局',
        '责任单位：立山经济开发区，全区经济运行各专班',
        '2.规模上工业增加值增长5%左右。',
        '责任单位：区工信局',
      ].join('\n'),
      { directory },
    );
    expect(rows(plan)).toEqual([
      ['1.1', ['区发改局'], ['立山经济开发区', '全区经济运行各专班'], 'annotation'],
      // No 牵头单位 anywhere in the measure: the 责任单位 lead it.
      ['1.2', ['区工信局'], [], 'annotation'],
    ]);
  });

  it('reads annotations in traditional characters and keeps the names as written', () => {
    const plan = parsePlan(
      [
        '國務院辦公廳關於某事項分工的通知',
        '一、工作分工',
        '(一)關於耕地的問題,由國土資源部會同農業部、中央農辦等部門負責落實。',
        '(二)關於許可的問題。編制清單。(市政府辦公室、市行政審批制度改革工作領導小組辦公室牽頭,市級各有關部門及各縣市區政府按職責分工負責)',
        '(三)關於人才的問題。培養人才。（牽頭單位：省發展改革委，配合單位：省科技廳、各區、縣級市；完成時限：2025年底前）',
        '(四)關於交通的問題。完善路網。',
        '',
        '附件：重點任務分工表',
        '| 序號 | 重點任務 | 牽頭單位 | 配合單位 | 完成時限 |',
        '|---|---|---|---|---|',
        '| 1 | 關於交通的問題 | 省交通運輸廳 | 各縣（市、區）政府 | 2026年6月 |',
      ].join('\n'),
      { directory },
    );
    expect(rows(plan)).toEqual([
      ['1.1', ['國土資源部'], ['農業部', '中央農辦'], 'annotation'],
      ['1.2', ['市政府辦公室', '市行政審批制度改革工作領導小組辦公室'], ['市級各有關部門', '各縣市區政府'], 'annotation'],
      ['1.3', ['省发展改革委'], ['省科技厅', '各區、縣級市'], 'annotation'],
      ['1.4', ['省交通运输厅'], ['各縣（市、區）政府'], 'annex_table'],
    ]);
    expect(plan.duties[3]).toMatchObject({ deadline: '2026-06-30', leadDepartmentCodes: ['jtt'], collectiveNames: ['各縣（市、區）政府'], unresolvedNames: [] });
    // Traditional names of directory departments resolve to them (directory names); collective units are known as such.
    expect(plan.duties[2]).toMatchObject({ leadDepartmentCodes: ['fgw'], coDepartmentCodes: ['kjt'], deadline: '2025-12-31', collectiveNames: ['各區、縣級市'] });
    expect(plan.duties[1]).toMatchObject({ collectiveNames: ['市級各有關部門', '各縣市區政府'] });
    expect(plan.duties[0].sourceSentence).toBe('由國土資源部會同農業部、中央農辦等部門負責');
  });

  it('reads 〔责任单位：…〕 in hexagonal brackets, up to the first 。, with 按职责分工负责 naming shared leads', () => {
    const plan = parsePlan(
      [
        '某省实施方案',
        '一、深化改革',
        '(一)加强市场体系建设。推进高标准市场体系建设。〔责任单位:省发展改革委、省市场监管局、商务厅按职责分工负责。具体任务均涉及相关市(州)人民政府,不再做分工,下同。〕',
        '(二)优化市场准入环境。实施改革。〔责任单位:省市场监管局〕',
        '(三)落实文件。按国办发〔2022〕3号文件执行。',
      ].join('\n'),
      { directory },
    );
    expect(rows(plan)).toEqual([
      ['1.1', ['省发展改革委', '省市场监管局', '商务厅'], [], 'annotation'],
      ['1.2', ['省市场监管局'], [], 'annotation'],
    ]);
    expect(plan.duties[1].sourceSentence).toBe('〔责任单位：省市场监管局〕');
  });
});

