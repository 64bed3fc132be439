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
 *   ([1] …, ① …) are blanked; inline footnote markers ([1], ①) are removed.
 */
export function normalizeText(raw: string): string {
  const text = raw.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  return text
    .split('\n')
    .map((line) => normalizeLine(line))
    .join('\n');
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

function normalizeLine(line: string): string {
  let s = line
    .replace(/[\u200b-\u200d\u2060\ufeff]/g, '')
    .replace(/[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\t]/g, ' ')
    .replace(/[\uff01-\uff5e]/g, toHalfWidth);
  s = s.replace(/ {2,}/g, ' ').trim();
  if (s === '') return '';
  if (PAGE_NUMBER_LINE.some((pattern) => pattern.test(s))) return '';
  if (FOOTNOTE_DEFINITION.test(s)) return '';
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
