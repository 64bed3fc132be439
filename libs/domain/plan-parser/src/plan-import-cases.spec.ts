import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCorrectionsTsv } from './parse-corrections-tsv';
import { parsePlan } from './parse-plan';
import type { DirectoryDepartment, ParsedPlan } from './plan-types';

/*
 * The cases of ../shared/plan-import-cases/ (beside the repository, as in a clean clone and in CI),
 * each with the result its README expects. s10 is a .docx: the FORMATS reader tests it.
 */
const repoRoot = join(__dirname, '../../../..');
const casesDir = join(repoRoot, '..', 'shared', 'plan-import-cases');
const corrections = parseCorrectionsTsv(readFileSync(join(repoRoot, 'seeds/corrections/zhejiang-yrd.tsv'), 'utf8'));
const directory: DirectoryDepartment[] = JSON.parse(readFileSync(join(repoRoot, 'seeds/departments.json'), 'utf8')).departments;

const read = (file: string) => readFileSync(join(casesDir, file), 'utf8');
const parse = (file: string): ParsedPlan => parsePlan(read(file), { corrections, directory });
const outline = (plan: ParsedPlan) => plan.nodes.map((n) => `${n.code} ${n.kind} ${n.label}${n.title}`);
const duties = (plan: ParsedPlan) => plan.duties.map((d) => [d.nodeCode, d.leadNames, d.coNames]);

describe('plan-import cases', () => {
  it('finds the case folder beside the repository', () => {
    expect(existsSync(join(casesDir, 'README.md'))).toBe(true);
  });

  it('s01: a clean text gets no correction at all, and the verdict says why', () => {
    const plan = parse('s01-false-corrections.txt');
    expect(plan.corrections).toEqual([]);
    expect(plan.normalizedText).toContain('各有关部门要配合做好收集、使用工作，依照法律法规，发现问题及时处理，推进供给侧结构性改革');
    expect(plan.corruption).toMatchObject({ corrupted: false, applied: false, mode: 'auto', score: 0, evidence: [] });
    // The dictionary would have rewritten it: that count is shown, nothing is applied.
    expect(plan.corruption.candidates).toBeGreaterThanOrEqual(5);
    const forced = parsePlan(read('s01-false-corrections.txt'), { corrections, correctionMode: 'on' });
    expect(forced.corruption).toMatchObject({ corrupted: false, applied: true, mode: 'on' });
    expect(forced.corrections.length).toBe(plan.corruption.candidates);
  });

  it('s02: (一) items straight under 一、 are measures, not sections', () => {
    const plan = parse('s02-paren-items-become-sections.txt');
    expect(plan.stats).toMatchObject({ parts: 2, sections: 0, measures: 3 });
    expect(outline(plan)).toEqual([
      '1 part 一、完善制度体系',
      '1.1 measure （一）健全国家职业教育制度框架',
      '1.2 measure （二）提高中等职业教育发展水平',
      '2 part 二、构建国家标准',
      '2.1 measure （三）完善教育教学相关标准',
    ]);
    expect(plan.nodes[1].body).toBe('把握好正确的改革方向，严把教学标准。');
  });

  it('s03: 1. items straight under 一、 are measures, each with its (A,B牵头) leads', () => {
    const plan = parse('s03-numbered-items-under-part.txt');
    expect(plan.stats).toMatchObject({ parts: 1, sections: 0, measures: 2 });
    expect(duties(plan)).toEqual([
      ['1.1', ['合肥市', '省发展改革委'], []],
      ['1.2', ['省科技厅'], []],
    ]);
    expect(plan.duties[0].leadDepartmentCodes).toEqual([null, 'fgw']);
    expect(plan.duties[0].unresolvedNames).toEqual(['合肥市']);
    expect(plan.unresolvedDepartmentNames).toEqual(['合肥市']);
  });

  it('s04: comma lead sentences are measures, and the first one may sit on its section line', () => {
    const plan = parse('s04-comma-titles-and-run-in-first-measure.txt');
    expect(plan.stats).toMatchObject({ sections: 2, measures: 5 });
    expect(outline(plan).filter((line) => line.includes('measure'))).toEqual([
      '1.1.1 measure 建立指标体系，发挥导向引领作用',
      '1.1.2 measure 优化固体废物管理体制机制，强化部门分工协作',
      '1.1.3 measure 加强制度政策集成创新，增强试点方案系统性',
      '1.2.1 measure 筑牢危险废物源头防线',
      '1.2.2 measure 夯实危险废物过程严控基础',
    ]);
  });

  it('s05: an item title starting with digits (11.121人才梯队项目) and （牵头单位：X，配合单位：Y）', () => {
    const plan = parse('s05-item-title-starting-with-digits.txt');
    expect(plan.nodes.filter((n) => n.kind === 'measure').map((n) => `${n.label}${n.title}`)).toEqual([
      '10.“羊城学者”特聘岗位项目',
      '11.121人才梯队项目',
      '12.博士后培养项目',
    ]);
    expect(duties(plan)).toEqual([
      ['1.1.1', ['市委组织部'], ['各有关单位']],
      ['1.1.2', ['市人力资源和社会保障局'], []],
      ['1.1.3', ['市人力资源和社会保障局'], []],
    ]);
    expect(plan.duties[0].collectiveNames).toEqual(['各有关单位']);
    expect(plan.duties[0].unresolvedNames).toEqual(['市委组织部']);
  });

  it('s06: （X牵头，Y参与） and （牵头单位：X，配合单位：Y） after measures', () => {
    const plan = parse('s06-duty-annotations-ignored.txt');
    expect(duties(plan)).toEqual([
      ['1.1.1', ['省交通运输厅'], ['省发展改革委']],
      ['1.1.2', ['生态环境部'], ['国家发展改革委', '工业和信息化部']],
      ['1.1.3', ['市委组织部'], ['市国资委']],
    ]);
    expect(plan.duties[0]).toMatchObject({ leadDepartmentCode: 'jtt', coDepartmentCodes: ['fgw'], source: 'annotation', deliverable: '推进交通一体化' });
    expect(plan.unresolvedDepartmentNames).toEqual(['生态环境部', '国家发展改革委', '工业和信息化部', '市委组织部', '市国资委']);
  });

  it('s07: period years, several targets in one clause, units as written, and a rule that is not a target', () => {
    const plan = parse('s07-indicator-misses.txt');
    expect(plan.indicators.map((i) => [i.value, i.unit, i.targetYear, i.startYear ?? null])).toEqual([
      // 2012年起5年内 = 2012 to 2016 inclusive.
      [2000, '名', 2016, 2012],
      [40, '%', 2016, 2012],
      [50, '所', 2022, null],
      [150, '个', 2022, null],
      [300, '个', 2022, null],
      [300, '个', 2020, null],
      [507, '公里/万平方公里', 2025, null],
    ]);
    expect(plan.indicators.map((i) => i.name)).toEqual([
      '重点引进和培养高层次人才',
      '人才贡献率',
      '高水平高等职业学校',
      '骨干专业（群）',
      '实训基地',
      '示范性职业教育集团',
      '铁路网密度',
    ]);
    expect(plan.indicators.some((i) => i.unit === '个月')).toBe(false);
  });

  it('s08: two headings glued in one paragraph are two sections', () => {
    const plan = parse('s08-two-headings-one-paragraph.txt');
    expect(outline(plan)).toEqual(['1 part 一、总体要求', '1.1 section （一）指导思想', '1.2 section （二）主要目标']);
    expect(plan.indicators.map((i) => [i.name, i.value, i.unit, i.targetYear])).toEqual([['常住人口城镇化率', 65, '%', 2025]]);
  });

  it('s09: text pasted from a printed PDF: header and footer dropped, hard wraps joined (8⏎5% → 85%)', () => {
    const plan = parse('s09-pdf-hard-wraps.txt');
    expect(plan.title).toBe('测试工作方案');
    expect(plan.normalizedText).not.toMatch(/政府信息公开专栏|http/);
    expect(plan.nodes.find((n) => n.code === '1.1')?.body).toBe(
      '党的十八大以来，党中央、国务院深入实施大气、水、土壤污染防治行动计划，固体废物管理工作迈出坚实步伐。同时，我国固体废物产生强度高、利用不充分。开展试点是重要举措。',
    );
    expect(plan.indicators.map((i) => [i.name, i.value, i.unit, i.targetYear])).toEqual([['秸秆综合利用率', 85, '%', 2020]]);
  });

  it('s11: the 印发通知 cover letter is front matter; the title comes from the plan', () => {
    const plan = parse('s11-cover-letter-title.txt');
    expect(plan.title).toBe('某某改革实施方案');
    expect(plan.preamble).toBe('');
    expect(outline(plan)).toEqual(['1 part 一、完善制度', '1.1 section （一）健全制度框架', '1.1.1 measure 推进交通一体化', '1.1.2 measure 推进生态保护']);
  });

  it('s10: the text the .docx reader hands over (Word numbering resolved, blank lines between paragraphs) gives the typed tree', () => {
    const fromReader =
      '测试实施意见\n\n一、实施人才行动计划\n\n（一）产业提升人才行动计划。实施如下重点项目：\n\n1.紧缺人才开发项目。重点引进紧缺人才。（牵头单位：市发展改革委）\n\n' +
      '2.企业家培养项目。培养优秀企业家。（牵头单位：市委组织部）\n\n二、强化组织实施\n\n3.加强组织领导。市人才工作领导小组负责统筹协调。';
    const plan = parsePlan(fromReader, { corrections, directory });
    expect(outline(plan)).toEqual([
      '1 part 一、实施人才行动计划',
      '1.1 section （一）产业提升人才行动计划',
      '1.1.1 measure 1.紧缺人才开发项目',
      '1.1.2 measure 2.企业家培养项目',
      '2 part 二、强化组织实施',
      '2.1 measure 3.加强组织领导',
    ]);
    expect(duties(plan)).toEqual([
      ['1.1.1', ['市发展改革委'], []],
      ['1.1.2', ['市委组织部'], []],
    ]);
    // Word's numbering followed by a tab, as some readers resolve it, reads the same.
    expect(outline(parsePlan(fromReader.replace(/^(一、|（一）|1\.|2\.|二、|3\.)/gm, '$1\t')))).toEqual(outline(plan));
  });
});
