import { formatChineseNumeral, parseChineseNumeral } from './parse-chinese-numeral';

/** Numbering styles, from the outermost to the innermost by Chinese drafting convention. */
export type HeadingStyle = 'inferred-part' | 'markdown' | 'chapter' | 'jie' | 'cn-dun' | 'cn-paren' | 'arabic' | 'arabic-paren';

export interface HeadingBlock {
  type: 'heading';
  style: HeadingStyle;
  /** Number of # for markdown headings, 0 otherwise. */
  mdLevel: number;
  numeral: number;
  label: string;
  title: string;
  body: string;
  line: number;
  inferred: boolean;
  /** The heading as written (label, title and body), when read from the text. */
  source?: string;
}

export interface ParagraphBlock {
  type: 'paragraph';
  text: string;
  line: number;
}

export interface TableBlock {
  type: 'table';
  /** Cells of every row except the |---| separator; rows[0] is the header. */
  rows: string[][];
  /** 1-based line and raw text of each entry of rows. */
  rowLines: number[];
  rowTexts: string[];
  text: string;
  line: number;
}

export type Block = HeadingBlock | ParagraphBlock | TableBlock;

const NUMERAL = '[一二三四五六七八九十百零〇两]+';
const PATTERNS: { style: HeadingStyle; pattern: RegExp }[] = [
  { style: 'chapter', pattern: new RegExp(`^(第(${NUMERAL}|\\d+)(?:章|篇|部分))\\s*(.*)$`) },
  { style: 'jie', pattern: new RegExp(`^(第(${NUMERAL}|\\d+)节)\\s*(.*)$`) },
  { style: 'cn-dun', pattern: new RegExp(`^((${NUMERAL})、)\\s*(.+)$`) },
  { style: 'cn-paren', pattern: new RegExp(`^(（(${NUMERAL})）)\\s*(.+)$`) },
  // (?!\d) keeps decimals such as 1.8∶1 or 2025.3 out.
  { style: 'arabic', pattern: /^((\d{1,3})[.、](?!\d))\s*(.+)$/ },
  { style: 'arabic-paren', pattern: /^(（(\d{1,3})）)\s*(.+)$/ },
];

/**
 * Splits normalized text into headings, paragraphs and markdown tables, keeping 1-based line numbers.
 * Two things real documents do are undone here: a numbered item whose title starts with digits
 * (11.121人才梯队项目 — read as item 11 when the previous item was 10), and two headings glued into
 * one paragraph (（一）指导思想。…。（二）主要目标。… — split where the next numeral follows 。).
 */
export function classifyLines(text: string): Block[] {
  const lines = text.split('\n');
  const blocks: Block[] = [];
  let lastArabic = 0;
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i];
    if (raw === '') continue;
    if (raw.startsWith('|')) {
      const start = i;
      const tableLines: string[] = [];
      while (i < lines.length && lines[i].startsWith('|')) tableLines.push(lines[i++]);
      i--;
      blocks.push(toTable(tableLines, start + 1));
      continue;
    }
    const digitTitle = DIGIT_TITLE.exec(raw);
    const block =
      digitTitle && Number(digitTitle[2]) === lastArabic + 1
        ? { ...emptyHeading('arabic', i + 1), numeral: lastArabic + 1, label: digitTitle[1], ...splitLead(digitTitle[3]) }
        : classifyLine(raw, i + 1);
    if (!block) continue;
    if (block.type === 'heading' && block.style === 'arabic') lastArabic = block.numeral;
    blocks.push(...splitGluedHeadings(block));
  }
  return blocks;
}

const DIGIT_TITLE = /^((\d{1,3})[.．])(\d+[^\d.%．].*)$/;

function splitGluedHeadings(block: Block): Block[] {
  if (block.type !== 'heading' || (block.style !== 'cn-paren' && block.style !== 'cn-dun') || !block.body) return [block];
  const next = formatChineseNumeral(block.numeral + 1);
  const label = block.style === 'cn-paren' ? `（${next}）` : `${next}、`;
  const at = block.body.indexOf(`。${label}`);
  const lead = block.body.startsWith(label) ? 0 : at < 0 ? -1 : at + 1;
  if (lead < 0) return [block];
  const rest = matchNumbered(block.body.slice(lead), block.line);
  if (!rest || rest.style !== block.style) return [block];
  return [{ ...block, body: block.body.slice(0, lead).trim(), source: undefined }, ...splitGluedHeadings(rest)];
}

function classifyLine(raw: string, line: number): Block | null {
  if (/^([-*_]\s*){3,}$/.test(raw)) return null; // markdown horizontal rule
  const md = /^(#{1,6})\s*(.+?)\s*#*$/.exec(raw);
  if (md) {
    const inner = stripEmphasis(md[2]);
    const numbered = matchNumbered(inner, line);
    const heading: HeadingBlock = numbered ?? { ...emptyHeading('markdown', line), ...splitLead(inner) };
    return { ...heading, style: 'markdown', mdLevel: md[1].length };
  }
  // Markdown bullets need a space after -*+ (so **bold** survives); Chinese bullets and —— do not.
  const text = stripEmphasis(raw.replace(/^(>\s*)+/, '').replace(/^([-*+]\s+|[•·●▪◆■]\s*|——\s*)/, ''));
  if (!text) return null;
  return matchNumbered(text, line) ?? { type: 'paragraph', text, line };
}

function matchNumbered(text: string, line: number): HeadingBlock | null {
  for (const { style, pattern } of PATTERNS) {
    const m = pattern.exec(text);
    if (!m) continue;
    const numeral = parseChineseNumeral(m[2]);
    if (Number.isNaN(numeral)) continue;
    return { ...emptyHeading(style, line), numeral, label: m[1], ...splitLead(m[3]), source: text };
  }
  return null;
}

function emptyHeading(style: HeadingStyle, line: number): HeadingBlock {
  return { type: 'heading', style, mdLevel: 0, numeral: 0, label: '', title: '', body: '', line, inferred: false };
}

/**
 * The lead sentence (up to the first 。) is the title; the rest is the body. A duty annotation at
 * the end of a title without 。 (推进X（省科技厅牵头）) goes to the body.
 */
export function splitLead(content: string): { title: string; body: string } {
  const end = content.indexOf('。');
  if (end < 0) {
    const annotation = TRAILING_ANNOTATION.exec(content);
    if (annotation && annotation.index > 0) return { title: content.slice(0, annotation.index).trim(), body: annotation[0] };
    return { title: content.trim(), body: '' };
  }
  return { title: content.slice(0, end).trim(), body: content.slice(end + 1).trim() };
}

const TRAILING_ANNOTATION = /（[^（）]*(?:（[^（）]*）[^（）]*)*(牵头|负责|责任单位|配合)[^（）]*(?:（[^（）]*）[^（）]*)*）$/;

function stripEmphasis(text: string): string {
  return text.replace(/\*\*|__/g, '').trim();
}

function toTable(lines: string[], line: number): TableBlock {
  const rows: string[][] = [];
  const rowLines: number[] = [];
  const rowTexts: string[] = [];
  lines.forEach((row, index) => {
    if (/^\|?[\s:|-]+\|?$/.test(row) && row.includes('-')) return; // |---|---| separator
    rows.push(
      row
        .replace(/^\|/, '')
        .replace(/\|$/, '')
        .split('|')
        .map((cell) => stripEmphasis(cell)),
    );
    rowLines.push(line + index);
    rowTexts.push(row);
  });
  return { type: 'table', rows, rowLines, rowTexts, text: lines.join('\n'), line };
}
