import type { Block, HeadingBlock, HeadingStyle } from './classify-lines';
import { formatChineseNumeral } from './parse-chinese-numeral';
import type { ParseWarning } from './plan-types';
import { readMeasureTitle } from './read-measure-title';

/*
 * Recovering headings that a scraper dropped. Rules are deliberately few, fire only on exact
 * signals, and every inferred heading is marked inferred:true with a HEADING_INFERRED warning:
 *
 * 1. Parts (一、…) are inferred only when the text has no part-level numbering at all but has
 *    （一）… sections. A part starts
 *    - at the first section titled 指导思想/总体思路/… → 总体要求;
 *    - where section numbering restarts at （一） after a part that already had sections
 *      → 重点任务 after 总体要求, 保障措施 if the section is 加强统筹协调/加强组织领导/…,
 *      otherwise an untitled part;
 *    - at a body paragraph (not a measure) that starts with 长三角生态绿色一体化发展示范区,
 *      or whose lead sentence names 省际毗邻区域 — the two region parts of Yangtze River Delta
 *      plans, which have no numbered sections of their own to restart.
 *    Paragraphs before the first part are the preamble. Nothing is inferred unless this yields at
 *    least two parts.
 * 2. 基本原则: measure paragraphs titled 坚持… right after 指导思想 are the principles section,
 *    whose heading is inferred (指导思想 is always a single paragraph).
 * 3. Section gap: measures that open a part whose first section heading is （N） with N > 1 get one
 *    inferred section standing for the missing （一）…（N-1）; the text gives no way to split them.
 */
export const INFERRED_PART_TITLES = {
  overall: '总体要求',
  keyTasks: '重点任务',
  demonstrationZone: '长三角生态绿色一体化发展示范区建设',
  crossBorder: '省际毗邻区域协同发展',
  safeguards: '保障措施',
} as const;

const OVERALL_SECTION_TITLES = ['指导思想', '总体思路', '总体要求', '基本原则', '发展目标', '主要目标'];
const SAFEGUARD_SECTION_TITLES = ['加强统筹协调', '加强组织领导', '加强组织保障', '强化组织保障', '强化组织领导'];
const PRINCIPLE_HOST_TITLES = ['指导思想', '总体思路'];
const PART_STYLES: HeadingStyle[] = ['markdown', 'chapter', 'jie', 'cn-dun'];

export function inferMissingHeadings(blocks: Block[], warnings: ParseWarning[]): Block[] {
  let result = inferPrinciplesSection(blocks, warnings);
  result = inferParts(result, warnings);
  return inferSectionGaps(result, warnings);
}

function syntheticHeading(style: HeadingStyle, numeral: number, label: string, title: string, line: number): HeadingBlock {
  return { type: 'heading', style, mdLevel: 0, numeral, label, title, body: '', line, inferred: true };
}

function inferPrinciplesSection(blocks: Block[], warnings: ParseWarning[]): Block[] {
  const out: Block[] = [];
  let host: HeadingBlock | null = null;
  for (const block of blocks) {
    if (block.type === 'heading') host = PRINCIPLE_HOST_TITLES.includes(block.title) ? block : null;
    if (host && block.type === 'paragraph' && readMeasureTitle(block.text)?.startsWith('坚持')) {
      const numeral = host.numeral + 1;
      const label = host.style === 'cn-paren' ? `（${formatChineseNumeral(numeral)}）` : '';
      out.push(syntheticHeading(host.style, numeral, label, '基本原则', block.line));
      warnings.push({
        line: block.line,
        code: 'HEADING_INFERRED',
        message: `第${block.line}行起的“坚持……”段落缺少节标题，已推断为${label}基本原则`,
      });
      host = null;
    }
    out.push(block);
  }
  return out;
}

function inferParts(blocks: Block[], warnings: ParseWarning[]): Block[] {
  const headings = blocks.filter((b): b is HeadingBlock => b.type === 'heading');
  if (headings.some((h) => PART_STYLES.includes(h.style))) return blocks;
  if (!headings.some((h) => h.style === 'cn-paren')) return blocks;

  const out: Block[] = [];
  const pending: ParseWarning[] = [];
  let partTitle: string | null = null;
  let partHasSections = false;
  let lastNumeral = 0;
  let parts = 0;
  const openPart = (title: string, line: number) => {
    parts++;
    partTitle = title;
    partHasSections = false;
    lastNumeral = 0;
    out.push(syntheticHeading('inferred-part', parts, `${formatChineseNumeral(parts)}、`, title, line));
    pending.push({ line, code: 'HEADING_INFERRED', message: `第${line}行前缺少一级标题，已推断为“${formatChineseNumeral(parts)}、${title}”` });
  };

  for (const block of blocks) {
    if (block.type === 'heading' && block.style === 'cn-paren') {
      if (partTitle === null) {
        openPart(OVERALL_SECTION_TITLES.includes(block.title) ? INFERRED_PART_TITLES.overall : untitledPart(parts + 1), block.line);
      } else if (SAFEGUARD_SECTION_TITLES.includes(block.title) && partTitle !== INFERRED_PART_TITLES.safeguards) {
        openPart(INFERRED_PART_TITLES.safeguards, block.line);
      } else if (block.numeral <= lastNumeral) {
        if (partHasSections) {
          openPart(partTitle === INFERRED_PART_TITLES.overall ? INFERRED_PART_TITLES.keyTasks : untitledPart(parts + 1), block.line);
        }
      }
      partHasSections = true;
      lastNumeral = block.numeral;
    } else if (block.type === 'paragraph' && partTitle !== null && readMeasureTitle(block.text) === null) {
      const lead = block.text.slice(0, Math.max(block.text.indexOf('。'), 0));
      if (block.text.startsWith('长三角生态绿色一体化发展示范区') && partTitle !== INFERRED_PART_TITLES.demonstrationZone) {
        openPart(INFERRED_PART_TITLES.demonstrationZone, block.line);
      } else if (lead.includes('省际毗邻区域') && partTitle !== INFERRED_PART_TITLES.crossBorder) {
        openPart(INFERRED_PART_TITLES.crossBorder, block.line);
      }
    }
    out.push(block);
  }
  if (parts < 2) return blocks;
  for (const warning of pending) warnings.push(warning); // no spread: a long file has too many for the stack
  return out;
}

function untitledPart(index: number): string {
  return `第${formatChineseNumeral(index)}部分（原文缺少标题）`;
}

function inferSectionGaps(blocks: Block[], warnings: ParseWarning[]): Block[] {
  const styles = rankedStyles(blocks);
  if (styles.length < 2) return blocks;
  const [partStyle, sectionStyle] = styles;
  const out: Block[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i];
    out.push(block);
    if (block.type !== 'heading' || headingKey(block) !== partStyle) continue;
    // Look ahead inside this part for orphan measures followed by a section numbered above one.
    let firstOrphan = -1;
    for (let j = i + 1; j < blocks.length; j++) {
      const next = blocks[j];
      if (next.type === 'heading' && headingKey(next) === partStyle) break;
      if (next.type === 'heading' && headingKey(next) === sectionStyle) {
        if (firstOrphan >= 0 && next.numeral > 1) {
          for (let k = i + 1; k < firstOrphan; k++) out.push(blocks[k]);
          const missing = next.numeral - 1;
          const label = missing === 1 ? '（一）' : `（一）至（${formatChineseNumeral(missing)}）`;
          const line = blocks[firstOrphan].line;
          out.push({ ...syntheticHeading(next.style, 1, label, `原文缺少${label}节标题`, line), mdLevel: next.mdLevel });
          warnings.push({
            line,
            code: 'HEADING_INFERRED',
            message: `第${line}行起的措施缺少${label}节标题，已归入一个推断的节，请人工核对`,
          });
          i = firstOrphan - 1;
        }
        break;
      }
      if (next.type === 'paragraph' && firstOrphan < 0 && readMeasureTitle(next.text) !== null) firstOrphan = j;
    }
  }
  return out;
}

/** Style keys present, outermost first (markdown levels count as separate styles). */
export function rankedStyles(blocks: Block[]): string[] {
  const keys = new Set<string>();
  for (const block of blocks) if (block.type === 'heading') keys.add(headingKey(block));
  return [...keys].sort((a, b) => styleRank(a) - styleRank(b));
}

export function headingKey(block: HeadingBlock): string {
  return block.style === 'markdown' ? `markdown${block.mdLevel}` : block.style;
}

const STYLE_ORDER: string[] = [
  'inferred-part',
  ...[1, 2, 3, 4, 5, 6].map((level) => `markdown${level}`),
  'chapter',
  'jie',
  'cn-dun',
  'cn-paren',
  'arabic',
  'arabic-paren',
];
function styleRank(key: string): number {
  return STYLE_ORDER.indexOf(key);
}
