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

  it('reads a title wrapped over several lines, after a cover letter without 关于', () => {
    const plan = parsePlan(
      [
        '中共某区委办公室 某区人民政府办公室印发《某区全力打响“上海服务”品牌加快建设“国际某区”三年行动计划（2018—2020年）》的通知',
        '各部门：',
        '现将《某区全力打响“上海服务”品牌加快建设“国际某区”三年行动计划（2018—2020年）》印发给你们，请认真贯彻落实。',
        '某区全力打响“上海服务”品牌',
        '加快建设“国际某区”三年行动计划',
        '(2018—2020年)',
        '为贯彻落实上海全力打响“四大品牌”的战略部署，特制定本行动计划。',
        '一、重点任务',
        '（一）提升服务能级。推进总部经济发展。',
      ].join('\n'),
    );
    expect(plan.title).toBe('某区全力打响“上海服务”品牌加快建设“国际某区”三年行动计划（2018—2020年）');
    expect(plan.preamble).toBe('为贯彻落实上海全力打响“四大品牌”的战略部署，特制定本行动计划。');
  });

  it('does not take the first preamble line for a title continuation', () => {
    const plan = parsePlan(['某市交通行动方案', '总体考虑', '一、重点任务', '（一）建设铁路。加快建设。'].join('\n'));
    expect(plan.title).toBe('某市交通行动方案');
    expect(plan.preamble).toBe('总体考虑');
  });

  it('skips a cover letter without a quoted name, its 附件 line and 此件公开发布', () => {
    const plan = parsePlan(
      ['某市人民政府办公室关于印发交通行动方案的通知', '各区人民政府：', '经市政府同意，现印发给你们，请认真贯彻执行。', '附件：交通行动方案', '某市人民政府办公室', '2024年3月1日', '（此件公开发布）', '某市交通行动方案', '一、重点任务', '（一）建设铁路。加快建设。'].join('\n'),
    );
    expect(plan.title).toBe('某市交通行动方案');
    expect(plan.nodes.map((n) => n.title)).toEqual(['重点任务', '建设铁路']);
  });

  it('takes a cover letter whose notice title is missing from the copy for front matter (addressees, 现将《X》印发给你们, issuer, date)', () => {
    const plan = parsePlan(
      [
        '各市（州）人民政府、省级有关部门（单位）：',
        '经省政府同意，现将《某省“十四五”现代流通体系建设实施方案》印发给你们，请认真贯彻实施。',
        '某省发展和改革委员会',
        '2022年10月18日',
        '某省“十四五”现代流通体系建设实施方案',
        '为加快建设现代流通体系，制定本方案。',
        '一、深化改革',
        '（一）加强市场体系建设。推进高标准市场体系建设。',
      ].join('\n'),
    );
    expect(plan.title).toBe('某省“十四五”现代流通体系建设实施方案');
    expect(plan.preamble).toBe('为加快建设现代流通体系，制定本方案。');
    expect(plan.warnings.map((w) => w.code)).toContain('COVER_LETTER_SKIPPED');
  });
});

