import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { applyCorrections } from './apply-corrections';
import { diffPlanVersions } from './diff-plan-versions';
import { normalizeText } from './normalize-text';
import { parseCorrectionsTsv } from './parse-corrections-tsv';
import { parsePlan } from './parse-plan';
import type { DirectoryDepartment, ParsedPlan, PlanNodeDraft } from './plan-types';

const repoRoot = join(__dirname, '../../../..');
const raw = readFileSync(join(repoRoot, 'seeds/plans/zhejiang-yrd-action-plan.raw.txt'), 'utf8');
const corrections = parseCorrectionsTsv(readFileSync(join(repoRoot, 'seeds/corrections/zhejiang-yrd.tsv'), 'utf8'));
const directory: DirectoryDepartment[] = JSON.parse(readFileSync(join(repoRoot, 'seeds/departments.json'), 'utf8')).departments;

const parse = (text: string = raw): ParsedPlan => parsePlan(text, { corrections, directory });
const plan = parse();
const childrenOf = (code: string | null, kind?: PlanNodeDraft['kind']) =>
  plan.nodes.filter((node) => node.parentCode === code && (!kind || node.kind === kind));
const measuresUnder = (partCode: string) =>
  plan.nodes.filter((node) => node.kind === 'measure' && (node.code === partCode || node.code.startsWith(`${partCode}.`)));

describe(parsePlan.name, () => {
  describe('on the spun Zhejiang Yangtze River Delta action plan', () => {
    it('prints the counts of what it found', () => {
      const perPart = childrenOf(null, 'part').map((part) => `${part.code} ${part.title}: ${measuresUnder(part.code).length}`);
      console.log(`seed stats ${JSON.stringify(plan.stats)}\nmeasures per part\n${perPart.join('\n')}`);
      expect(plan.stats).toEqual({
        parts: 5,
        sections: plan.nodes.filter((n) => n.kind === 'section').length,
        measures: plan.nodes.filter((n) => n.kind === 'measure').length,
        indicators: plan.indicators.length,
        duties: plan.duties.length,
        corrections: plan.corrections.length,
      });
    });

    it('restores the title without the glued-on phrase', () => {
      expect(plan.title).toBe('浙江省推进长江三角洲区域一体化发展行动方案');
      expect(plan.normalizedText.split('\n')[0]).toBe('浙江省推进长江三角洲区域一体化发展行动方案');
    });

    it('keeps the background paragraphs as the preamble', () => {
      expect(plan.preamble).toMatch(/^2018年11月5日，习近平总书记在首届中国国际进口博览会上宣布/);
      expect(plan.preamble.split('\n')).toHaveLength(3);
    });

    it('recovers the five parts with their titles, each marked inferred', () => {
      const parts = childrenOf(null);
      expect(parts.map((p) => [p.code, p.kind, p.title, p.inferred])).toEqual([
        ['1', 'part', '总体要求', true],
        ['2', 'part', '重点任务', true],
        ['3', 'part', '长三角生态绿色一体化发展示范区建设', true],
        ['4', 'part', '省际毗邻区域协同发展', true],
        ['5', 'part', '保障措施', true],
      ]);
      const inferredWarnings = plan.warnings.filter((w) => w.code === 'HEADING_INFERRED').map((w) => w.line);
      expect(inferredWarnings).toEqual([5, 6, 23, 73, 74, 92, 106]);
    });

    it('finds the nine key-task sections with their titles', () => {
      expect(childrenOf('2').map((s) => `${s.label}${s.title}`)).toEqual([
        '（一）高水平建设大湾区，共同构建长三角产业创新协同体系',
        '（二）高品质建设大花园，共同加强长三角生态环境联保共治',
        '（三）高标准建设大通道，共同构建长三角基础设施互联互通网络',
        '（四）高能级建设大都市区，共同打造长三角城市群金南翼',
        '（五）高层次扩大对外开放，共同打造长三角“一带一路”枢纽',
        '（六）高起点发展数字经济，共同打造长三角全球数字经济创新高地',
        '（七）高质量发展民营经济，共同推进长三角民营经济转型升级',
        '（八）高普惠共享公共服务，共同提升长三角居民美好生活水平',
        '（九）高效能深化“最多跑一次”改革，共同建立长三角统一开放大市场',
      ]);
      expect(childrenOf('2').every((s) => s.kind === 'section' && !s.inferred && s.body.length > 20)).toBe(true);
    });

    it('finds the sections of the other parts, inferring 基本原则 and the missing demonstration-zone headings', () => {
      const sections = (code: string) => childrenOf(code, 'section').map((s) => [s.label, s.title, s.inferred]);
      expect(sections('1')).toEqual([
        ['（一）', '指导思想', false],
        ['（二）', '基本原则', true],
        ['（三）', '推进路径', false],
        ['（四）', '愿景目标', false],
      ]);
      expect(sections('3')).toEqual([
        ['（一）至（四）', '原文缺少（一）至（四）节标题', true],
        ['（五）', '推进周边区域联动发展', false],
      ]);
      expect(sections('4')).toEqual([]);
      // The 保障措施 items have nothing under them: they are the leaves, so measures.
      expect(childrenOf('5', 'measure').map((m) => `${m.label}${m.title}`)).toEqual([
        '（一）加强统筹协调',
        '（二）强化制度保障',
        '（三）制定专项计划',
        '（四）打造项目载体',
        '（五）强化督查评估',
      ]);
    });

    it('reads about seventy measures in the key-task, demonstration-zone and cross-border parts', () => {
      const counts = { keyTasks: measuresUnder('2').length, demonstrationZone: measuresUnder('3').length, crossBorder: measuresUnder('4').length };
      const total = counts.keyTasks + counts.demonstrationZone + counts.crossBorder;
      console.log(`measures: ${JSON.stringify(counts)} total ${total}; overall requirements ${measuresUnder('1').length}`);
      expect(total).toBeGreaterThanOrEqual(69);
      expect(total).toBeLessThanOrEqual(73);
      expect(counts).toEqual({ keyTasks: 41, demonstrationZone: 17, crossBorder: 13 });
    });

    it('gives every measure a short non-empty title and a body', () => {
      const measures = plan.nodes.filter((n) => n.kind === 'measure');
      for (const measure of measures) {
        expect(measure.title.length).toBeGreaterThan(3);
        expect(measure.title.length).toBeLessThanOrEqual(40);
        expect(measure.title).not.toMatch(/[，。]/);
        expect(measure.body.length).toBeGreaterThan(10);
      }
      const byCode = new Map(plan.nodes.map((n) => [n.code, n]));
      expect(byCode.get('2.3.1')?.title).toBe('共建轨道上的长三角');
      expect(byCode.get('2.3.1')?.body).toMatch(/^加快建设集高速铁路/);
      expect(byCode.get('1.2')?.body).toMatch(/^坚持全域融入。/);
      expect(byCode.get('3.2.1')?.title).toBe('推动交通设施互联互通');
      expect(byCode.get('4.13')?.title).toBe('建设杭嘉一体化合作先行区');
    });

    it('keeps the targets paragraph 到2035年 in the section body, not in the last measure', () => {
      const goals = plan.nodes.find((n) => n.code === '1.4');
      expect(goals?.body).toContain('到2035年，我省现代化经济体系基本建成');
      const withGuiding = parsePlan(raw, { corrections, directory, includeGuidingParagraphs: true });
      expect(withGuiding.nodes.find((n) => n.code === '1.2.1')?.title).toBe('坚持全域融入');
      expect(withGuiding.nodes.find((n) => n.code === '1.4.4')?.body).not.toContain('到2035年');
      expect(withGuiding.nodes.find((n) => n.code === '1.4')?.body).toContain('到2035年');
      expect(plan.warnings.filter((w) => w.code === 'PARAGRAPH_WITHOUT_TITLE')).toEqual([]);
    });

    it('extracts the quantitative targets with comparison, value, unit and year', () => {
      const table = plan.indicators.map((i) => [i.name, i.comparison, i.value, i.unit, i.targetYear]);
      expect(table).toEqual([
        ['国家实验室', 'gte', 2, '个', 2025],
        ['研发经费投入强度', 'gte', 3, '%', 2025],
        ['科技进步贡献率', 'gte', 70, '%', 2025],
        ['高新技术产业增加值占规模以上工业增加值比重', 'gte', 52, '%', 2025],
        ['省际科创产业合作平台', 'gte', 70, '家', 2025],
        ['每万人发明专利拥有量', 'gte', 30, '件', 2025],
        ['常住人口城镇化率', 'gte', 75, '%', 2025],
        ['核心区城乡居民收入水平差距', 'lte', 1.8, '∶1', 2025],
        ['新增轨道里程数', 'gte', 1500, '公里', 2025],
        ['新增高速公路里程数', 'gte', 1100, '公里', 2025],
        ['沪苏皖省际轨道接口总数', 'gte', 13, '个', 2025],
        ['省际高速接口总数', 'gte', 16, '个', 2025],
        ['人均公共财政收入', 'gte', 2.5, '万元', 2025],
        ['高等教育毛入学率', 'gte', 70, '%', 2025],
        ['人均预期寿命', 'gte', 79, '岁', 2025],
        ['跨省市异地就医直接结算率', 'gte', 90, '%', 2025],
        ['细颗粒物（PM2.5）浓度', 'lte', 30, '微克/立方米', 2025],
        ['空气质量优良天数比率', 'gte', 90, '%', 2025],
        ['跨行政区域河流交接断面水质达标率', 'gte', 100, '%', 2025],
      ]);
      expect(plan.indicators.find((i) => i.name === '国家实验室')?.upperValue).toBe(3);
      const pm = plan.indicators.find((i) => i.name.includes('PM2.5'));
      expect(pm).toMatchObject({ nodeCode: '1.4', line: 20 });
      expect(pm?.sourceSentence).toContain('浓度控制在30微克/立方米以下');
    });

    it('extracts the six named special action plans and the general duty with their departments', () => {
      const rows = plan.duties.map((d) => [d.kind, d.deliverable, d.leadDepartmentCode, d.leadName, d.coDepartmentCodes, d.coNames]);
      expect(rows).toEqual([
        ['general', '推进长三角一体化发展专项行动计划', null, '省直有关部门', [], []],
        ['special_action_plan', '交通一体化发展专项行动计划', 'fgw', '省发展改革委', ['jtt'], ['省交通运输厅']],
        ['special_action_plan', '科创产业协同发展专项行动计划', 'kjt', '省科技厅', ['fgw'], ['省发展改革委']],
        ['special_action_plan', '城乡区域融合发展专项行动计划', 'fgw', '省发展改革委', ['zrzyt', 'jst', 'nynct'], ['省自然资源厅', '省建设厅', '省农业农村厅']],
        ['special_action_plan', '市场体系一体化发展专项行动计划', 'scjgj', '省市场监管局', ['swt'], ['省商务厅']],
        ['special_action_plan', '公共服务便利共享专项行动计划', 'fgw', '省发展改革委', [], ['省直有关部门']],
        ['special_action_plan', '生态环境保护一体化专项行动计划', 'sthjt', '省生态环境厅', [], []],
      ]);
      expect(plan.duties.every((d) => d.nodeCode === '5.3' && d.line === 108)).toBe(true);
      expect(plan.warnings.filter((w) => w.code === 'UNKNOWN_DEPARTMENT')).toEqual([]);
    });

    it('restores the spun words: 推动 and 发展 are back, 鞭策 and 成长 are gone', () => {
      const text = plan.normalizedText;
      expect(text).toContain('推动');
      expect(text).toContain('发展');
      // Two spun-looking strings are genuine, spanning a word boundary: 建成|长三角, 设立|异地.
      expect(text.match(/.{2}成长.{2}/g)).toEqual(['准建成长三角']);
      const scrubbed = text.replace(/建成长三角|设立异地/g, '');
      for (const spun of ['鞭策', '扶植', '劣势', '计谋', '平易近', '沉点', '删加', '使命', '步履', '博项', '打算', '鼎新', '立异', '摸索', '庇护', '财产', '根本设备', '省曲', '天然资本', '量量', '严沉', '笨能', '聪慧', '手艺', '生齿', '交难', '博利', '收撑', '收持', '外小企业']) {
        expect({ spun, found: scrubbed.includes(spun) }).toEqual({ spun, found: false });
      }
      expect(text).toContain('省发展改革委会同省自然资源厅、省建设厅、省农业农村厅编制城乡区域融合发展专项行动计划');
      expect(text).toContain('省直有关部门要牵头组织编制推进长三角一体化发展专项行动计划');
      expect(text).toContain('以习近平新时代中国特色社会主义思想为指导');
      expect(text).toContain('嘉兴中德中小企业合作区');
    });

    it('keeps correct words that contain risky characters', () => {
      const text = plan.normalizedText;
      for (const word of ['对外开放', '国内外', '外国人就业', '外商投资', '天然气管道', '太湖取水', '无害化处置', '核心区率先融入', '生态系统', '口岸通关', '社会公用计量标准', '监测分析', '掌上办事', '平安建设', '落实情况', '设备联网上云', '营业执照', '产业结构、能源结构', '身份不变']) {
        expect({ word, found: text.includes(word) }).toEqual({ word, found: true });
      }
    });

    it('leaves a correctly written text with the risky characters alone', () => {
      const correct =
        '坚持对外开放，统筹国内外两个市场，实行外国人来华工作许可制度，加快天然气管道和太湖取水工程建设，争取国家支持，' +
        '取消不合理收费，正在推进垃圾无害化处理，从严从实抓好落实，核心区率先发展，优化口岸通关环境，完善社会公用计量标准，' +
        '加强监测分析，深化平安建设，及时通报落实情况，推广设备联网上云，发放电子营业执照，生态系统保持稳定，产业结构持续优化。';
      expect(applyCorrections(correct, corrections)).toEqual({ text: correct, corrections: [] });
    });

    it('reports every correction with its line and column', () => {
      expect(plan.stats.corrections).toBeGreaterThan(2500);
      expect(plan.corrections[0]).toEqual({ id: '1:22:金山区智慧教育云平台', wrong: '金山区智慧教育云平台', right: '', line: 1, column: 22 });
      const lines = normalizeText(raw).split('\n');
      for (const c of plan.corrections.slice(0, 200)) {
        expect(lines[c.line - 1].slice(c.column - 1, c.column - 1 + c.wrong.length)).toBe(c.wrong);
      }
    });

    it('is idempotent: the dictionary changes nothing in already-corrected text', () => {
      expect(applyCorrections(plan.normalizedText, corrections).corrections).toEqual([]);
      const correctedRaw = applyCorrections(raw, corrections).text;
      expect(applyCorrections(correctedRaw, corrections).corrections).toEqual([]);
    });

    it('gives identical codes when the same text is imported twice', () => {
      const again = parse();
      expect(again.nodes.map((n) => [n.code, n.title])).toEqual(plan.nodes.map((n) => [n.code, n.title]));
      expect(new Set(plan.nodes.map((n) => n.code)).size).toBe(plan.nodes.length);
    });

    it('diffs a revised version: one measure edited, one added, one removed, one moved', () => {
      const lines = raw.split('\n');
      const find = (prefix: string) => lines.findIndex((l) => l.startsWith(prefix));
      const edited = find('共建轨道上的长三角。');
      lines[edited] = lines[edited].replace('当令启动沪杭磁悬浮规划研究。', '当令启动沪杭磁悬浮规划研究,加速推进沪杭超级高铁前期工做。');
      const movedLine = lines.splice(find('鞭策科技立异资本开放共享。'), 1)[0];
      lines.splice(find('协同创重生态情况联保共乱机制。') + 1, 0, movedLine);
      lines.splice(find('加速推进长三角医保一体化。'), 1);
      lines.splice(find('推进城乡融合成长。') + 1, 0, '加强都市圈人才协同。完善都市圈人才互认机制,推动人才跨区域流动。');

      const revised = parse(lines.join('\n'));
      const diff = diffPlanVersions(plan.nodes, revised.nodes);
      expect(diff.changed.map((c) => [c.before.code, c.after.code, c.after.title])).toEqual([['2.3.1', '2.3.1', '共建轨道上的长三角']]);
      expect(diff.added.map((n) => [n.code, n.title])).toEqual([['2.4.4', '加强都市圈人才协同']]);
      expect(diff.removed.map((n) => [n.code, n.title])).toEqual([['2.8.2', '加快推进长三角医保一体化']]);
      expect(diff.moved.map((m) => [m.before.code, m.after.code, m.after.title])).toEqual([['2.1.2', '2.2.6', '推动科技创新资源开放共享']]);
      expect(diff.unchanged).toHaveLength(plan.nodes.length - 3);
    });
  });
});

describe('seed acceptance (issue 11)', () => {
  const seedPlan = parsePlan(raw, { corrections, directory });
  const measuresIn = (code: string) => seedPlan.nodes.filter((n) => n.kind === 'measure' && n.code.startsWith(`${code}.`)).length;

  it('judges the spun seed corrupted from spinner-only words and restores it', () => {
    expect(seedPlan.corruption).toMatchObject({ corrupted: true, applied: true, mode: 'auto' });
    expect(seedPlan.corruption.score).toBeGreaterThan(10 * seedPlan.corruption.threshold);
    expect(seedPlan.corruption.evidence.slice(0, 3).map((e) => e.term)).toEqual(['打制', '平易近', '严沉']);
    expect(seedPlan.corruption.candidates).toBe(seedPlan.corrections.length);
  });

  it('has 5 parts, 71 measures in parts 2–4, ≥ 18 indicators, the 6 special action plans and the preamble', () => {
    expect(seedPlan.stats.parts).toBe(5);
    expect(measuresIn('2') + measuresIn('3') + measuresIn('4')).toBe(71);
    expect(seedPlan.indicators.length).toBeGreaterThanOrEqual(18);
    expect(seedPlan.duties.filter((d) => d.kind === 'special_action_plan')).toHaveLength(6);
    expect(seedPlan.preamble).toContain('2018年11月5日');
  });

  it('keeps a rejected correction as written, and corrects nothing when forced off', () => {
    const first = seedPlan.corrections[1];
    const rejected = parsePlan(raw, { corrections, directory, rejectedCorrections: [first.id] });
    expect(rejected.corrections).toHaveLength(seedPlan.corrections.length - 1);
    expect(rejected.corrections.map((c) => c.id)).not.toContain(first.id);
    const line = rejected.normalizedText.split('\n')[first.line - 1];
    expect(line.slice(first.column - 1, first.column - 1 + first.wrong.length)).toBe(first.wrong);
    const off = parsePlan(raw, { corrections, directory, correctionMode: 'off' });
    expect(off.corrections).toEqual([]);
    expect(off.corruption).toMatchObject({ corrupted: true, applied: false, mode: 'off', candidates: seedPlan.corrections.length });
  });
});
