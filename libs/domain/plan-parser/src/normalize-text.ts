/**
 * Canonical form used by every later step (and by correction dictionaries):
 * - line breaks are \n, and the number of lines never changes, so line numbers keep pointing at
 *   the input (removed lines become empty);
 * - full-width letters, digits and ASCII symbols become half-width (ＰＭ２．５ → PM2.5, ％ → %);
 * - Chinese punctuation is full-width: ， ； ： （ ） ？ ！ — half-width , ; : ( ) ? ! are converted,
 *   except inside numbers (1,500 / 10:30) and URLs, so （一） and (一) headings look the same;
 * - full-width and other exotic spaces become ordinary spaces, runs collapse, lines are trimmed,
 *   and spaces between two Chinese characters or punctuation marks are dropped (一、 总体要求);
 * - page-number lines (— 3 —, - 3 -, 第 3 页, 第3页 共10页, 3/10) and footnote definition lines
 *   ([1] …, ① … when the text refers to that marker) are blanked; inline markers are removed, and
 *   a line opening with ① that nothing refers to stays (a sub-item);
 * - a browser's print header (2019/1/21 <page title>) and footer (<URL> 1/15) are blanked;
 * - a line with TAB-separated cells (how the readers hand over table rows) becomes a markdown row
 *   | a | b |, so tables from .docx/PDF/TSV read like markdown ones — when it has three cells or
 *   more or sits next to another such line; Word numbering followed by a tab (一、⇥总体要求) is
 *   a heading, and a lone tab is a space;
 * - text pasted from a PDF, where paragraphs start indented (two full-width spaces) and the other
 *   lines are hard wraps, gets each wrapped line appended to its paragraph's line (which joins
 *   numbers split across lines, 8⏎5% → 85%); the wrapped line becomes empty.
 */
export function normalizeText(raw: string): string {
  const rawLines = raw.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').split('\n');
  const tabbed = rawLines.map((line) => line.trim().includes('\t') && !NUMBER_THEN_TAB.test(line.trim()));
  const referenced = inlineMarkers(rawLines);
  const lines = rawLines.map((line, i) =>
    tabbed[i] && (tabbed[i - 1] || tabbed[i + 1] || line.trim().split('\t').length > 2) ? tableRow(line) : normalizeLine(line, referenced),
  );
  return joinHardWraps(rawLines, lines).join('\n');
}

const INDENTED = /^(\u3000|\s{2,}|\t)/;
const PRINT_HEADER = /^\d{4}\/\d{1,2}\/\d{1,2}(\s+(上午|下午)?\d{1,2}:\d{2}(:\d{2})?)?\s+\S/;
const PRINT_FOOTER = /^(https?:\/\/|www\.)\S+\s+\d{1,4}\/\d{1,4}$/;

/**
 * Hard wraps are recognised only when the text shows the PDF pattern: at least three indented
 * paragraph lines, unindented lines at least a fifth as many (two or more), no markdown or table rows.
 */
function joinHardWraps(rawLines: string[], lines: string[]): string[] {
  let indented = 0;
  let flush = 0;
  lines.forEach((line, i) => {
    if (!line) return;
    if (/^[|#]/.test(line)) flush = Number.NEGATIVE_INFINITY;
    if (INDENTED.test(rawLines[i])) indented++;
    else flush++;
  });
  if (indented < 3 || flush < Math.max(2, indented * 0.2)) return lines;
  const out = [...lines];
  let target = -1;
  out.forEach((line, i) => {
    if (!line) return;
    if (INDENTED.test(rawLines[i]) || target < 0) {
      target = i;
      return;
    }
    const previous = out[target];
    const space = /[A-Za-z]$/.test(previous) && /^[A-Za-z]/.test(line) ? ' ' : '';
    out[target] = `${previous}${space}${line}`;
    out[i] = '';
  });
  return out;
}

const CJK = '\\u3000-\\u303f\\u3400-\\u9fff\\uf900-\\ufaff\\uff00-\\uffef\\u2014\\u2026\\u201c\\u201d\\u2018\\u2019';
const SPACE_BETWEEN_CJK = new RegExp(`(?<=[${CJK}]) +(?=[${CJK}])`, 'g');
const PAGE_NUMBER_LINE = [
  /^[-—–－─~～]+ ?\d{1,4} ?[-—–－─~～]+$/,
  /^第 ?\d{1,4} ?页( ?[，,/]? ?共 ?\d{1,4} ?页)?$/,
  /^\d{1,4} ?\/ ?\d{1,4}$/,
  /^page \d{1,4}( of \d{1,4})?$/i,
];
const FOOTNOTE_DEFINITION = /^(\[\d{1,3}\]|[\u2460-\u2473])/;
const INLINE_FOOTNOTE = /(?<=\S)(\[\d{1,3}\]|[\u2460-\u2473])/g;

/** Word numbering followed by its tab (一、⇥总体要求) is a heading, not a table row. */
const NUMBER_THEN_TAB = /^(第[一二三四五六七八九十百\d]+[章节篇]|[一二三四五六七八九十百]+、|（[一二三四五六七八九十百\d]+）|\([一二三四五六七八九十百\d]+\)|\d{1,3}[.、．])\t[^\t]+$/;

/** A table row (TAB-separated cells, on its own or next to other rows) as a markdown row. */
function tableRow(line: string): string {
  const cells = line.trim().split('\t');
  return `| ${cells.map((cell) => normalizeLine(cell).replace(/\|/g, '｜')).join(' | ')} |`;
}

/** Footnote markers referenced in running text ([1], ① after a character): their definition lines are dropped. */
function inlineMarkers(lines: string[]): Set<string> {
  const markers = new Set<string>();
  for (const line of lines) for (const m of line.trim().matchAll(INLINE_FOOTNOTE)) markers.add(m[1]);
  return markers;
}

function normalizeLine(line: string, referenced: Set<string> = new Set()): string {
  if (PRINT_HEADER.test(line.trim()) || PRINT_FOOTER.test(line.trim())) return '';
  let s = line
    .replace(/[\u200b-\u200d\u2060\ufeff]/g, '')
    .replace(/[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\t]/g, ' ')
    .replace(/[\uff01-\uff5e]/g, toHalfWidth);
  s = s.replace(/ {2,}/g, ' ').trim();
  if (s === '') return '';
  if (PAGE_NUMBER_LINE.some((pattern) => pattern.test(s))) return '';
  // ① 加快… opening a line is a sub-item unless the text refers to ① as a footnote.
  const definition = FOOTNOTE_DEFINITION.exec(s);
  if (definition && referenced.has(definition[1])) return '';
  s = s.replace(INLINE_FOOTNOTE, '');
  s = toChinesePunctuation(s);
  return s.replace(SPACE_BETWEEN_CJK, '');
}

/** Chinese punctuation stays full-width; everything else in the FF01–FF5E block becomes ASCII. */
const KEEP_FULL_WIDTH = new Set(['，', '；', '：', '（', '）', '？', '！']);
function toHalfWidth(ch: string): string {
  if (KEEP_FULL_WIDTH.has(ch)) return ch;
  return String.fromCharCode(ch.charCodeAt(0) - 0xfee0);
}

function toChinesePunctuation(s: string): string {
  // URLs keep their ASCII syntax; table rows keep ASCII commas (cells may hold 1,500).
  if (/https?:\/\//.test(s)) return s;
  if (/^\|.*\|$/.test(s)) return s.replace(/\(/g, '（').replace(/\)/g, '）');
  return s
    .replace(/(?<!\d),|,(?!\d)/g, '，')
    .replace(/;/g, '；')
    .replace(/(?<!\d):|:(?!\d)/g, '：')
    .replace(/\(/g, '（')
    .replace(/\)/g, '）')
    .replace(new RegExp(`(?<=[${CJK}])\\?`, 'g'), '？')
    .replace(new RegExp(`(?<=[${CJK}])!`, 'g'), '！');
}
