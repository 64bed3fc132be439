import { parsePlan } from './parse-plan';

describe('front and end matter', () => {
  const body = ['某市行动方案', '为推动发展，制定本方案。', '一、重点任务', '（一）推进交通', '完善铁路网络。加快建设城际铁路。', '建设港口。提升港口能力。'];
  const lastBody = (text: string) => {
    const plan = parsePlan(text);
    return [plan.nodes[plan.nodes.length - 1].body, plan.preamble];
  };

  it.each([
    ['an annex', ['附件1', '重点项目清单', '1. 某铁路项目。']],
    ['an annex with its title', ['附件：重点任务分工表', '| 序号 | 任务 | 牵头单位 |', '| 1 | 建设港口 | 省交通运输厅 |']],
    ['a footnote and the signature', ['注：港口能力按吞吐量计。', '某市人民政府', '2024年3月1日']],
    ['the 抄送 line', ['抄送：市委各部门。', '某市人民政府办公室 2024年3月1日印发']],
  ])('never puts %s into the last measure', (_, tail) => {
    expect(lastBody([...body, ...tail].join('\n'))).toEqual(['提升港口能力。', '为推动发展，制定本方案。']);
  });

  it('keeps a paragraph that only mentions an annex', () => {
    const plan = parsePlan([...body, '附件所列项目按年度推进，确保按期完成。'].join('\n'));
    expect(plan.nodes[plan.nodes.length - 1].body).toBe('提升港口能力。\n附件所列项目按年度推进，确保按期完成。');
  });
});
