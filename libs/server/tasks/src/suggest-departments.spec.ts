import { type DepartmentKeyword, suggestDepartments } from './suggest-departments';
import { DEPARTMENTS, idOf } from './testing/task-fixtures';

const KEYWORDS: DepartmentKeyword[] = [
  ...['交通', '铁路', '港口'].map((keyword) => ({ departmentId: idOf('jtt'), keyword })),
  ...['生态环境', 'PM2.5'].map((keyword) => ({ departmentId: idOf('sthjt'), keyword })),
  { departmentId: idOf('hz'), keyword: '杭州' },
  { departmentId: idOf('nb'), keyword: '宁波' },
  { departmentId: idOf('kjt'), keyword: '创新' },
];
const suggest = (text: string) => suggestDepartments(text, DEPARTMENTS, KEYWORDS);

describe(suggestDepartments.name, () => {
  it('puts a department named in the text first, with the name as the reason', () => {
    const result = suggest('省发展改革委会同省交通运输厅编制交通一体化发展专项行动计划。');
    expect(result.map((s) => s.department.code)).toEqual(['fgw', 'jtt']);
    expect(result[0].reasons).toEqual(['提及“省发展改革委”']);
    expect(result[1].reasons).toEqual(['提及“省交通运输厅”', '关键词“交通”']);
  });

  it('suggests departments from topic words and cities, each with the matched word', () => {
    const result = suggest('提升港口集疏运能力，推动宁波舟山港与上海港合作，开展铁路建设。');
    expect(result.map((s) => s.department.code)).toEqual(['jtt', 'nb']);
    expect(result[0].reasons).toEqual(expect.arrayContaining(['关键词“港口”', '关键词“铁路”']));
    expect(result[1].reasons).toEqual(['关键词“宁波”']);
  });

  it('does not read a city out of another department’s name (杭州海关 is not 杭州市)', () => {
    const result = suggest('支持杭州海关优化通关流程。');
    expect(result.map((s) => s.department.code)).toEqual(['hgj']);
  });

  it('matches an alias and a name without 省, and never suggests the office', () => {
    expect(suggest('由省发改委牵头').map((s) => s.department.code)).toEqual(['fgw']);
    expect(suggest('交通运输厅负责').map((s) => s.department.code)).toEqual(['jtt']);
    expect(suggest('领导小组办公室统筹')).toEqual([]);
  });

  it('returns nothing for text without any clue', () => {
    expect(suggest('坚持统筹推进，形成工作合力。')).toEqual([]);
  });
});
