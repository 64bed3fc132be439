import type { TableBlock } from './classify-lines';
import type { TextSegment } from './build-plan-tree';
import type { Comparison, IndicatorDraft } from './plan-types';

/*
 * Quantitative targets in running text. A target is a number with a unit, e.g. 达到3%以上,
 * 控制在30微克/立方米以下, 缩小到1.8∶1, 2至3个, inside a clause (split at ，；。 and, when each
 * item carries its own number, at 、). Wording decides the comparison:
 *   以上 / 超过 / 不低于 / 不少于 / 突破 / 提高到 / 达到 (plain 达到 counts as a minimum) → gte
 *   以下 / 以内 / 控制在 / 不高于 / 不超过 / 缩小到 / 降低到 → lte
 *   保持在 / 稳定在 / 为 / 左右 → eq
 * A suffix (以上/以下) wins over the verb. A range (2至3个) is gte its lower bound. A number with
 * no comparison word counts only after an action verb (新增/建成/争创 …) and is gte.
 * A change stated as 下降14% / 年均增长6% is an indicator named with its verb (…下降), gte.
 * The name is the noun phrase before the verb, or after the unit when the clause is 争创2至3个X.
 * The target year is the nearest preceding 到20XX年 in the same part/section (or the end year in
 * the plan title); a target without any year is skipped with a warning.
 */
const UNITS = [
  '公里/万平方公里', '公里/百平方公里', '个/万人', '张/千人', '人/万人', '名/万人', '件/万人', '个工作日', '工作日', '个月',
  '微克/立方米', '毫克/立方米', '万平方公里', '平方公里', '万平方米', '平方米', '万立方米', '立方米',
  '万千瓦时', '千瓦时', '万千瓦', '千瓦', '公里', '千米', '万吨', '吨', '万亿元', '亿元', '万元', '元',
  '万人次', '人次', '万人', '人', '个百分点', '%', '‰', '个', '家', '件', '项', '所', '座', '条',
  '岁', '天', '小时', '分钟', '次', '张', '台', '万辆', '辆', '万户', '户', '倍', '亿', '万', '处',
  '万名', '名', '公顷', '万亩', '亩', '米', '份', '套', '艘', '床', '支',
].sort((a, b) => b.length - a.length);

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const NUMBER = '(\\d+(?:\\.\\d+)?)';
// Not preceded by a letter, digit, dot or 第, so PM2.5, G60, IPv6 and 第19届 are not targets.
const QUANTITY = new RegExp(
  `(?<![A-Za-z\\d.第])${NUMBER}(?:\\s*(?:至|到|-|—|～|~)\\s*${NUMBER})?\\s*(?:([∶:])\\s*1(?![\\d.])|(${UNITS.map(escapeRegExp).join('|')}))(?![A-Za-z])`,
  'g',
);
const HAS_QUANTITY = new RegExp(QUANTITY.source);

const VERBS: [string, Comparison][] = (
  [
    ['力争达到', 'gte'], ['力争超过', 'gte'], ['达到', 'gte'], ['超过', 'gte'], ['突破', 'gte'], ['不低于', 'gte'],
    ['不少于', 'gte'], ['高于', 'gte'], ['大于', 'gte'], ['提高到', 'gte'], ['提高至', 'gte'], ['提升到', 'gte'],
    ['提升至', 'gte'], ['增加到', 'gte'], ['增加至', 'gte'], ['增长到', 'gte'], ['增长至', 'gte'], ['增至', 'gte'],
    ['达', 'gte'], ['控制在', 'lte'], ['不高于', 'lte'], ['不超过', 'lte'], ['低于', 'lte'], ['小于', 'lte'],
    ['压缩至', 'lte'], ['压缩到', 'lte'], ['缩短至', 'lte'], ['缩短到', 'lte'], ['缩小到', 'lte'], ['缩小至', 'lte'], ['降低到', 'lte'], ['降低至', 'lte'], ['降至', 'lte'], ['下降到', 'lte'],
    ['下降至', 'lte'], ['减少到', 'lte'], ['减少至', 'lte'], ['压减到', 'lte'], ['压减至', 'lte'],
    ['保持在', 'eq'], ['稳定在', 'eq'], ['维持在', 'eq'], ['为', 'eq'],
  ] as [string, Comparison][]
).sort((a, b) => b[0].length - a[0].length);

const SUFFIXES: [RegExp, Comparison][] = [
  [/^(及以上|以上)/, 'gte'],
  [/^(及以下|以下|以内)/, 'lte'],
  [/^左右/, 'eq'],
];

const CHANGE_WORDS = ['下降', '降低', '减少', '增长', '提高', '提升', '增加'];
const INNER_ACTION = /完成|新增|累计|建成|新建|培育|引进|创建|招引|改造/;
const ACTION_VERBS = ['初步', '基本', '推动', '推进', '重点', '新增', '累计', '建成', '新建', '培育', '引进', '争创', '创建', '打造', '建设', '完成', '招引', '新开', '开通', '改造'];
/** Units of time: a number of months or days is a target only when it is cut (压缩至3个工作日), not a rule. */
const DURATION = /^(个工作日|工作日|个月|天|小时|分钟)$/;
const RULE_WORDS = /一般|原则上|为期|期限|每[年月次]|应当|须在|之日起/;
const LIST_JOIN = /和|及|以及/;

interface TargetYear {
  year: number;
  startYear?: number;
}

const PERIODS: Record<string, number> = { 十二五: 2011, 十三五: 2016, 十四五: 2021, 十五五: 2026 };

/**
 * The year a clause sets: 到2025年 / 至2025年底, 2025年底前 / 2025年6月底前, 2012年起5年内
 * (2012–2016), “十四五”期间 (2021–2025), a clause opening with 2020年 (2020年初步建成…), or
 * 2025年 right before the target verb (全市生产总值2025年达到…; not 比2020年下降).
 * Returns the clause without the year expression as well.
 */
export function readClauseYear(clause: string): { target: TargetYear; rest: string } | null {
  if (!/\d{4}年|五”?(期间|时期|末)/.test(clause)) return null;
  const patterns: [RegExp, (m: RegExpExecArray) => TargetYear][] = [
    [/(\d{4})年起(\d{1,2}|[一二三四五六七八九十])年内/, (m) => ({ startYear: Number(m[1]), year: Number(m[1]) + years(m[2]) - 1 })],
    [/“?(十[二三四五]五)”?(?:期间|时期|末)/, (m) => ({ startYear: PERIODS[m[1]], year: PERIODS[m[1]] + 4 })],
    [/(?:到|至)(\d{4})年(?:底|末)?/, (m) => ({ year: Number(m[1]) })],
    [/(\d{4})年(?:\d{1,2}月)?(?:底|末)?前/, (m) => ({ year: Number(m[1]) })],
    [/^(\d{4})年(?![\d月起])/, (m) => ({ year: Number(m[1]) })],
    [/(?<!比|较|于|从|自|在)(\d{4})年(?:底|末)?(?=力争|达到|实现|突破|建成|超过|控制在|提高到|降至|降低到)/, (m) => ({ year: Number(m[1]) })],
  ];
  for (const [pattern, read] of patterns) {
    const m = pattern.exec(clause);
    if (m) return { target: read(m), rest: clause.slice(0, m.index) + clause.slice(m.index + m[0].length) };
  }
  return null;
}

function years(text: string): number {
  return /^\d+$/.test(text) ? Number(text) : '一二三四五六七八九十'.indexOf(text) + 1;
}

export function extractIndicators(
  segments: readonly TextSegment[],
  tables: readonly { table: TableBlock; nodeCode: string | null; scopeCode: string | null }[],
  defaultYear: number | null,
  warnings: { line: number; code: string; message: string }[],
): IndicatorDraft[] {
  const indicators: IndicatorDraft[] = [];
  const yearByScope = new Map<string | null, TargetYear>();
  for (const segment of segments) {
    for (const sentence of segment.text.split(/[。；！？]/)) {
      let actionVerb: string | null = null;
      for (const clause of sentence.split('，')) {
        const clauseYear = readClauseYear(clause);
        if (clauseYear) yearByScope.set(segment.scopeCode, clauseYear.target);
        const target = yearByScope.get(segment.scopeCode) ?? (defaultYear === null ? null : { year: defaultYear });
        const year = target?.year ?? null;
        const body = clauseYear ? clauseYear.rest : clause;
        actionVerb = null;
        for (const piece of splitListItems(body)) {
          const found = readTarget(piece, actionVerb);
          if (!found) continue;
          actionVerb = found.actionVerb;
          if (DURATION.test(found.unit) && RULE_WORDS.test(clause)) continue;
          if (year === null) {
            warnings.push({ line: segment.line, code: 'INDICATOR_WITHOUT_YEAR', message: `第${segment.line}行指标“${found.name}”找不到目标年份，未导入` });
            continue;
          }
          indicators.push({
            name: found.name,
            comparison: found.comparison,
            value: found.value,
            unit: found.unit,
            targetYear: year,
            sourceSentence: sentence.trim(),
            nodeCode: segment.nodeCode,
            line: segment.line,
            ...(found.upperValue !== undefined ? { upperValue: found.upperValue } : {}),
            ...(target?.startYear !== undefined ? { startYear: target.startYear } : {}),
          });
        }
      }
    }
  }
  for (const { table, nodeCode } of tables) indicators.push(...readIndicatorTable(table, nodeCode));
  return indicators;
}

/**
 * Splits 新增轨道里程数1500公里、高速公路里程数1100公里 at 、 (and 建设50所学校和150个专业 at 和/及)
 * only where each item has a number.
 */
function splitListItems(clause: string): string[] {
  if (!/\d/.test(clause)) return [clause];
  const parts = clause.split('、').flatMap((part) => {
    if (!LIST_JOIN.test(part)) return [part];
    const pieces = part.split(LIST_JOIN);
    return pieces.every((p) => HAS_QUANTITY.test(p)) ? pieces : [part];
  });
  const items: string[] = [];
  let carry = '';
  for (const part of parts) {
    const text = carry ? `${carry}、${part}` : part;
    if (HAS_QUANTITY.test(part)) {
      items.push(text);
      carry = '';
    } else {
      carry = text;
    }
  }
  if (carry && items.length) items[items.length - 1] += `、${carry}`;
  else if (carry) items.push(carry);
  return items;
}

interface FoundTarget {
  name: string;
  comparison: Comparison;
  value: number;
  upperValue?: number;
  unit: string;
  actionVerb: string | null;
}

function readTarget(piece: string, inheritedActionVerb: string | null): FoundTarget | null {
  if (!/\d/.test(piece)) return null;
  for (const m of piece.matchAll(QUANTITY)) {
    const before = piece.slice(0, m.index).trim();
    const after = piece.slice((m.index ?? 0) + m[0].length);
    const verb = VERBS.find(([word]) => before.endsWith(word));
    const suffix = SUFFIXES.find(([re]) => re.test(after));
    const actionVerb = leadingActionVerbs(before);
    // 能耗下降14% / 年均增长6%: the change itself is the indicator, named with its verb.
    const change = !verb && CHANGE_WORDS.some((word) => before.endsWith(word));
    const inherited = !verb && !suffix && !actionVerb && !change ? inheritedActionVerb : null;
    // 全省完成交通投资1.2万亿元: an action verb inside the name also makes the number a target.
    const innerAction = !verb && !suffix && !actionVerb && !change && !inherited && INNER_ACTION.test(before);
    if (!verb && !suffix && !actionVerb && !change && !inherited && !innerAction) continue;

    let name: string;
    if (verb) name = before.slice(0, before.length - verb[0].length);
    else if ((actionVerb && before === actionVerb) || (inherited && !before)) name = after.replace(/^(及以上|以上|及以下|以下|以内|左右)/, '').split(/[，。；、]/)[0];
    else if (inherited) name = `${inherited}${before}`;
    else name = before;
    name = cleanName(name);
    if (name.length < 2 || name.length > 40) continue;

    // A range (2至3个) is a minimum whatever the wording; otherwise the suffix wins over the verb.
    const comparison: Comparison = m[2] ? 'gte' : (suffix?.[1] ?? verb?.[1] ?? 'gte');
    const unit = m[3] ? '∶1' : (m[4] ?? '');
    return {
      name,
      comparison,
      value: Number(m[1]),
      ...(m[2] ? { upperValue: Number(m[2]) } : {}),
      unit,
      actionVerb: actionVerb ?? inherited,
    };
  }
  return null;
}

/** 累计培育绿色工厂 → 累计培育: the verbs a following list item (、绿色园区10个) shares. */
function leadingActionVerbs(text: string): string | null {
  let rest = text;
  let verbs = '';
  for (let verb = ACTION_VERBS.find((w) => rest.startsWith(w)); verb; verb = ACTION_VERBS.find((w) => rest.startsWith(w))) {
    verbs += verb;
    rest = rest.slice(verb.length);
  }
  return verbs || null;
}

function cleanName(raw: string): string {
  return raw
    .trim()
    .replace(/^(并且|并|且|和|与|及|其中|确保|力争|使)+/, '')
    .replace(/(力争|要|将|应|均|分别)+$/, '')
    .trim();
}

const LOWER_IS_BETTER = /浓度|排放|能耗|差距|死亡率|发生率|失业率/;
const REDUCTION_NAME = /(下降|降低|减少)(率|幅度)?$/;
const CELL = /^(≥|≤|>|<|不低于|不少于|不高于|不超过)?\s*(\d+(?:\.\d+)?)\s*(%|‰)?\s*(以上|以下|以内|左右)?$/;

/**
 * Indicator tables such as | 指标 | 属性 | 单位 | 2020年基数 | 2022年 | 2025年 |: one indicator per
 * target-year cell. Columns headed 基数/基期/现状/基准/实际/完成 are baselines: their value (and year)
 * goes to baseline/baselineYear of the row's targets, never a target itself. A 属性 column
 * (约束性/预期性) is kept as attribute. Without ≥/≤/以上/以下 in a cell, names that measure
 * something to reduce (浓度, 排放, 能耗, 差距 …) are lte, others gte — including reductions such as
 * 单位GDP能耗下降 (the cut is a minimum).
 */
export function readIndicatorTable(table: TableBlock, nodeCode: string | null): IndicatorDraft[] {
  const [header, ...rows] = table.rows;
  if (!header) return [];
  const columns = header.map((cell, index) => ({ index, year: /(\d{4})/.exec(cell)?.[1], cell, baseline: BASELINE_HEADER.test(cell) }));
  const yearColumns = columns.filter((c): c is typeof c & { year: string } => !!c.year && !c.baseline);
  if (!yearColumns.length) return [];
  const baselineColumns = columns.filter((c) => c.baseline);
  let nameColumn = header.findIndex((cell) => /指标|名称|项目/.test(cell));
  if (nameColumn < 0) nameColumn = /^(序号|编号)$/.test(header[0] ?? '') ? 1 : 0;
  const unitColumn = header.findIndex((cell) => /^(计量)?单位/.test(cell));
  const attributeColumn = header.findIndex((cell) => /属性|性质|类型/.test(cell));
  const indicators: IndicatorDraft[] = [];
  rows.forEach((row, rowIndex) => {
    let name = (row[nameColumn] ?? '').trim();
    if (!name) return;
    let unit = unitColumn >= 0 ? (row[unitColumn] ?? '').trim() : '';
    const unitInName = /（([^（）]+)）$/.exec(name);
    if (!unit && unitInName && !/PM/i.test(unitInName[1])) {
      unit = unitInName[1];
      name = name.slice(0, unitInName.index);
    }
    const attribute = /约束性|预期性/.exec(attributeColumn >= 0 ? (row[attributeColumn] ?? '') : '')?.[0] as IndicatorDraft['attribute'] | undefined;
    const baselineCell = baselineColumns
      .map((c) => ({ m: CELL.exec((row[c.index] ?? '').replace(/\s+/g, '')), year: c.year }))
      .find((c) => c.m !== null);
    for (const { index, year } of yearColumns) {
      const m = CELL.exec((row[index] ?? '').replace(/\s+/g, ''));
      if (!m) continue;
      const marker = m[1] ?? m[4];
      const comparison: Comparison = marker
        ? /≥|>|不低于|不少于|以上/.test(marker)
          ? 'gte'
          : /左右/.test(marker)
            ? 'eq'
            : 'lte'
        : LOWER_IS_BETTER.test(name) && !REDUCTION_NAME.test(name)
          ? 'lte'
          : 'gte';
      indicators.push({
        name,
        comparison,
        value: Number(m[2]),
        unit: m[3] ?? unit,
        targetYear: Number(year),
        sourceSentence: table.rowTexts[rowIndex + 1] ?? '',
        nodeCode,
        line: table.rowLines[rowIndex + 1] ?? table.line,
        ...(baselineCell?.m ? { baseline: Number(baselineCell.m[2]) } : {}),
        ...(baselineCell?.m && baselineCell.year ? { baselineYear: Number(baselineCell.year) } : {}),
        ...(attribute ? { attribute } : {}),
      });
    }
  });
  return indicators;
}

const BASELINE_HEADER = /基数|基期|现状|基准|实际|完成|基础值|现值/;
