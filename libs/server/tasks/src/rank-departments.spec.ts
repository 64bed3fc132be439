import type { DirectoryDepartment } from './department-directory';
import { bigramsOf, type DepartmentEvidence, rankDepartments, type RankInput } from './rank-departments';
import type { DepartmentKeyword } from './suggest-departments';

let serial = 0;
const dept = (code: string, name: string, responsibilities: string, kind: DirectoryDepartment['kind'] = 'provincial'): DirectoryDepartment & { responsibilities: string } => ({
  id: `00000000-0000-4000-9000-${String(++serial).padStart(12, '0')}`,
  code,
  name,
  shortName: name,
  kind,
  aliases: [],
  responsibilities,
});

const DEPTS = [
  dept('office', '领导小组办公室', '统筹协调、督查督办', 'office'),
  dept('fgw', '省发展改革委', '国民经济和社会发展规划；区域协调发展和区域合作；重大项目建设和投资管理；营商环境'),
  dept('jtt', '省交通运输厅', '公路、水路、港口、航道和综合交通运输规划建设；铁路和机场建设协调；多式联运和物流'),
  dept('jst', '省建设厅', '住房保障、房地产市场、城市建设和市政公用设施建设、建筑业、城镇老旧小区改造'),
  dept('jyt', '省教育厅', '教育事业发展规划，基础教育、职业教育和高等教育，教育资源共享，教育信息化和智慧教育'),
  dept('dsjj', '省大数据局', '数字政府和政务服务，公共数据共享开放，政务云平台和数据中心建设，城市大脑'),
  dept('kjt', '省科技厅', '科技创新体系建设，实验室和科研平台建设，关键核心技术攻关，科技成果转化'),
  dept('hz', '杭州市', '杭州市人民政府', 'city'),
];
const id = (code: string) => DEPTS.find((d) => d.code === code)!.id;
const KEYWORDS: DepartmentKeyword[] = [
  { departmentId: id('jst'), keyword: '建设' },
  { departmentId: id('jst'), keyword: '住房' },
  { departmentId: id('jyt'), keyword: '教育' },
  { departmentId: id('jtt'), keyword: '港口' },
  { departmentId: id('hz'), keyword: '杭州' },
];
const rank = (text: string, extra: Partial<RankInput> = {}) => rankDepartments({ text, departments: DEPTS, keywords: KEYWORDS, evidence: [], ...extra });
const codes = (text: string, extra: Partial<RankInput> = {}) => rank(text, extra).map((r) => r.department.code);

describe(rankDepartments.name, () => {
  it('takes the plan’s own 牵头/配合 for the measure first, with those roles', () => {
    const result = rank('推进长三角教育资源共享。', { ownDuty: { leadIds: [id('dsjj')], coIds: [id('jyt'), id('office')] } });
    expect(result.slice(0, 2).map((r) => [r.department.code, r.role])).toEqual([
      ['dsjj', 'lead'],
      ['jyt', 'co'],
    ]);
    expect(result[0].reasons).toContain('计划分工：牵头');
    expect(result[1].reasons).toContain('计划分工：配合');
    expect(result.every((r) => r.role === 'co' || r.department.code === 'dsjj')).toBe(true);
  });

  it('puts a department named in the text before topic matches, in the order named', () => {
    expect(codes('省科技厅会同省交通运输厅推进港口科技创新。').slice(0, 2)).toEqual(['kjt', 'jtt']);
  });

  it('does not read 建设 as 省建设厅: a cloud platform for education goes to the education and data departments', () => {
    const result = rank('建设长三角智慧教育云平台。推进优质教育资源共享，建设数据中心。');
    expect(result[0].department.code).toBe('jyt');
    expect(result.map((r) => r.department.code)).toContain('dsjj');
    expect(result.findIndex((r) => r.department.code === 'jst')).not.toBe(0);
    expect(result[0].role).toBe('lead');
    expect(result[0].reasons.some((r) => r.startsWith('职责相符') && r.includes('教育'))).toBe(true);
    expect(result.find((r) => r.department.code === 'dsjj')?.reasons.join()).toContain('云平台');
  });

  it('still suggests 省建设厅 where the measure is about its work', () => {
    expect(codes('推进城镇老旧小区改造，完善住房保障体系。')[0]).toBe('jst');
  });

  it('learns from the plan’s duties on other measures', () => {
    const evidence: DepartmentEvidence[] = [{ departmentId: id('fgw'), source: 'duty', text: '编制嘉兴全面接轨上海示范区总体方案' }];
    expect(codes('高水平建设嘉兴全面接轨上海示范区。')).not.toContain('fgw');
    const result = rank('高水平建设嘉兴全面接轨上海示范区。', { evidence });
    expect(result[0].department.code).toBe('fgw');
    expect(result[0].reasons.some((r) => r.startsWith('计划同类分工') && r.includes('接轨上海示范区'))).toBe(true);
  });

  it('learns from earlier assignments', () => {
    const evidence: DepartmentEvidence[] = [{ departmentId: id('jtt'), source: 'assignment', text: '完善集疏运体系' }];
    const result = rank('提升宁波舟山港集疏运能力。', { evidence });
    expect(result[0].department.code).toBe('jtt');
    expect(result[0].reasons.some((r) => r.startsWith('以往承办') && r.includes('集疏运'))).toBe(true);
  });

  it('never suggests the office, and nothing for text without a clue', () => {
    expect(codes('领导小组办公室统筹协调。')).not.toContain('office');
    expect(rank('坚持统筹推进，形成工作合力。')).toEqual([]);
  });

  it('makes bigrams of Chinese runs only', () => {
    expect(bigramsOf('云平台PM2.5，教育')).toEqual(['云平', '平台', '教育']);
  });
});
