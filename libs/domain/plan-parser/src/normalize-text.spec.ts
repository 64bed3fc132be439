import { normalizeText } from './normalize-text';

describe(normalizeText.name, () => {
  it('converts full-width letters, digits and symbols to half-width', () => {
    expect(normalizeText('ＰＭ２．５浓度下降１５％')).toBe('PM2.5浓度下降15%');
  });

  it('gives both parenthesis styles and commas the Chinese form', () => {
    expect(normalizeText('(一)加强领导,明确责任;(1)细化分工')).toBe('（一）加强领导，明确责任；（1）细化分工');
    expect(normalizeText('（一）加强领导，明确责任')).toBe('（一）加强领导，明确责任');
  });

  it('keeps numbers, ratios and URLs intact', () => {
    expect(normalizeText('投资1,500亿元,比例1.8:1')).toBe('投资1,500亿元，比例1.8:1');
    expect(normalizeText('详见 https://example.com/a,b (附件)')).toBe('详见 https://example.com/a,b (附件)');
  });

  it('removes full-width spaces and spaces between Chinese characters', () => {
    expect(normalizeText('\u3000\u3000一、\u3000总体要求  ')).toBe('一、总体要求');
    expect(normalizeText('推进 5G 网络 建设')).toBe('推进 5G 网络建设');
  });

  it('blanks page-number lines but keeps the line count', () => {
    const text = '第一段。\r\n— 3 —\r\n- 4 -\n第 5 页\n第6页 共10页\n7/10\n第二段。';
    const out = normalizeText(text);
    expect(out.split('\n')).toEqual(['第一段。', '', '', '', '', '', '第二段。']);
  });

  it('removes inline footnote markers and footnote definition lines', () => {
    expect(normalizeText('研发投入强度达到3%[1]，专利数量翻番①。\n[1] 数据来源：统计局。\n① 按常住人口计算。')).toBe(
      '研发投入强度达到3%，专利数量翻番。\n\n',
    );
  });

  it('keeps ① sub-item lines that no text refers to', () => {
    expect(normalizeText('加强平台建设：\n①建设国家实验室。\n②建设省实验室。')).toBe('加强平台建设：\n①建设国家实验室。\n②建设省实验室。');
  });

  it('drops a byte-order mark and zero-width characters', () => {
    expect(normalizeText('\uFEFF总体\u200b要求')).toBe('总体要求');
  });

  it('turns TAB-separated table rows into markdown rows', () => {
    expect(normalizeText('序号\t重点任务\t牵头单位\n1\t建设城际铁路\t省交通运输厅、省发展改革委')).toBe(
      '| 序号 | 重点任务 | 牵头单位 |\n| 1 | 建设城际铁路 | 省交通运输厅、省发展改革委 |',
    );
    expect(normalizeText('\t一、总体要求')).toBe('一、总体要求');
    // Word numbering resolved with its tab is a heading, not a table; a lone tab is a space.
    expect(normalizeText('一、\t总体要求\n（一）\t指导思想\n1.\t建设基站')).toBe('一、总体要求\n（一）指导思想\n1. 建设基站');
    expect(normalizeText('推进\t交通建设')).toBe('推进交通建设');
  });

  it('drops a browser print header and footer and joins the hard wraps of a PDF paste, keeping the line count', () => {
    const text = [
      '2019/1/21 国务院办公厅关于印发某方案的通知_政府信息公开专栏',
      '\u3000\u3000某方案',
      '\u3000\u3000一、总体要求',
      '\u3000\u3000到2020年，利用率达到8',
      '5%以上，处置能力明显',
      '提升。',
      'http://www.gov.cn/zhengce/content/2019-01/21/content_5359620.htm 1/15',
    ].join('\n');
    expect(normalizeText(text).split('\n')).toEqual(['', '某方案', '一、总体要求', '到2020年，利用率达到85%以上，处置能力明显提升。', '', '', '']);
  });

  it('leaves a text whose paragraphs are all indented (no hard wraps) line for line', () => {
    const text = '\u3000\u3000某方案\n\u3000\u3000一、总体要求\n\u3000\u3000（一）指导思想。坚持新发展理念。\n\u3000\u3000二、重点任务';
    expect(normalizeText(text).split('\n')).toEqual(['某方案', '一、总体要求', '（一）指导思想。坚持新发展理念。', '二、重点任务']);
  });
});
