/**
 * Positioned PDF text → the importer's text. Pure: items in, text out.
 * - Items on one baseline form a line; a wide horizontal gap splits a line into cells (table rows).
 * - Running headers, footers, print headers and page numbers — lines that repeat at the same place on
 *   most pages, or look like a page number in the top or bottom margin — are dropped.
 * - Hard-wrapped lines are joined (also across pages and in the middle of a number: 8⏎5% → 85%);
 *   a paragraph starts at an indented line, after a line ending short of the right margin, or after a gap.
 * - Table rows become TAB-separated cells; a cell wrapped over several lines is joined back.
 */
export interface PdfTextItem {
  str: string;
  x: number;
  y: number;
  width: number;
  size: number;
}

export interface PdfPage {
  width: number;
  height: number;
  bottom?: number;
  left?: number;
  items: PdfTextItem[];
}

interface Segment {
  text: string;
  x0: number;
  x1: number;
}

interface Line {
  page: number;
  y: number;
  size: number;
  x0: number;
  x1: number;
  segments: Segment[];
  text: string;
}

const isLatin = (ch: string | undefined) => !!ch && /[A-Za-z0-9]/.test(ch);
const isLetter = (ch: string | undefined) => !!ch && /[A-Za-z]/.test(ch);

const CJK = '\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef\u2018-\u201f';
/** PDF producers space Latin and digits apart from Chinese ("到2025 年"); the document did not. */
export function closeCjkSpacing(text: string): string {
  return text.replace(new RegExp(`([${CJK}])\\s+(?=\\S)|(\\S)\\s+(?=[${CJK}])`, 'g'), (_, a: string | undefined, b: string | undefined) => a ?? b ?? '');
}

/** A horizontal gap wider than this (in font sizes) separates table cells. */
const CELL_GAP = 0.8;

function median(values: number[]): number {
  if (!values.length) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function quantile(values: number[], q: number): number {
  if (!values.length) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))];
}

/** Groups a page's items into lines (top to bottom) and each line into cells. */
export function pageLines(page: PdfPage, pageIndex: number): Line[] {
  const items = page.items
    .filter((i) => i.str.trim() && Number.isFinite(i.x) && Number.isFinite(i.y))
    .map((i) => ({ ...i, size: i.size > 0 ? i.size : 10 }))
    .sort((a, b) => b.y - a.y || a.x - b.x);
  const groups: (typeof items)[] = [];
  for (const item of items) {
    const current = groups[groups.length - 1];
    if (current && Math.abs(current[0].y - item.y) < Math.min(current[0].size, item.size) * 0.5) current.push(item);
    else groups.push([item]);
  }
  return groups.map((group) => {
    group.sort((a, b) => a.x - b.x);
    const size = median(group.map((i) => i.size));
    const segments: Segment[] = [];
    for (const item of group) {
      const text = item.str.replace(/\s+/g, ' ');
      const last = segments[segments.length - 1];
      const gap = last ? item.x - last.x1 : 0;
      if (!last || gap > size * CELL_GAP) {
        segments.push({ text: text.trim(), x0: item.x, x1: item.x + item.width });
        continue;
      }
      const join = gap > size * 0.15 && isLatin(last.text.slice(-1)) && isLatin(text.trim()[0]) ? ' ' : '';
      last.text = (last.text + join + text).replace(/\s+/g, ' ');
      last.x1 = Math.max(last.x1, item.x + item.width);
    }
    for (const s of segments) s.text = closeCjkSpacing(s.text.trim());
    const kept = segments.filter((s) => s.text);
    return {
      page: pageIndex,
      y: group[0].y,
      size,
      x0: kept[0]?.x0 ?? 0,
      x1: Math.max(...kept.map((s) => s.x1)),
      segments: kept,
      text: kept.map((s) => s.text).join('\t'),
    };
  }).filter((l) => l.segments.length);
}

const PAGE_NUMBER = /^[-—–－·•\s]*(第\s*)?[0-9０-９ivxlcIVXLC]+\s*(页)?(\s*[/／]\s*(共\s*)?[0-9]+\s*(页)?)?[-—–－·•\s]*$|^(page\s*)?\d+(\s*(of|\/)\s*\d+)?$/i;

/** Drops running headers/footers (repeating in the margins) and page numbers. */
export function dropRunningLines(pages: Line[][], pageDims: PdfPage[]): Line[][] {
  const keyOf = (l: Line) => l.text.replace(/\s+/g, '').replace(/[0-9０-９]+/g, '#');
  const inMargin = (l: Line, dims: PdfPage) => {
    const bottom = dims.bottom ?? 0;
    const rel = (l.y - bottom) / (dims.height || 1);
    return rel > 0.85 || rel < 0.15;
  };
  const counts = new Map<string, Set<number>>();
  pages.forEach((lines, p) => {
    const candidates = [...lines.slice(0, 3), ...lines.slice(-3)].filter((l) => inMargin(l, pageDims[p]));
    for (const l of candidates) {
      const key = `${keyOf(l)}@${Math.round(l.y / 6)}`;
      if (!counts.has(key)) counts.set(key, new Set());
      counts.get(key)!.add(p);
    }
  });
  const repeating = (l: Line) => {
    const around = [-1, 0, 1].map((d) => counts.get(`${keyOf(l)}@${Math.round(l.y / 6) + d}`)?.size ?? 0);
    const seen = Math.max(...around);
    return pages.length >= 2 && seen >= 2 && seen >= pages.length * 0.4;
  };
  return pages.map((lines, p) => {
    const edge = new Set([...lines.slice(0, 3), ...lines.slice(-3)]);
    return lines.filter((l) => !(edge.has(l) && inMargin(l, pageDims[p]) && (PAGE_NUMBER.test(l.text) || repeating(l))));
  });
}

interface TableState {
  columns: number[];
  rows: string[][];
  open: boolean[]; // per column: the cell's last line reached its right edge (it wraps on)
  rightEdge: number;
}

function columnOf(columns: number[], x: number, size: number): number {
  let index = 0;
  columns.forEach((c, i) => {
    if (x >= c - size) index = i;
  });
  return index;
}

/** Lays out all pages' lines into paragraphs and tables. */
export function layoutLines(pages: Line[][]): string {
  const lines = pages.flat();
  const long = lines.filter((l) => l.segments.length === 1 && l.text.length >= 8);
  const sample = long.length ? long : lines;
  const bodyLeft = quantile(sample.map((l) => l.x0), 0.1);
  const bodyRight = quantile(sample.map((l) => l.x1), 0.75);
  const blocks: string[] = [];
  let paragraph = '';
  let prev: Line | undefined;
  let table: TableState | undefined;
  const flushParagraph = () => {
    if (paragraph.trim()) blocks.push(paragraph.trim());
    paragraph = '';
  };
  const flushTable = () => {
    if (table) blocks.push(table.rows.map((r) => r.join('\t')).join('\n'));
    table = undefined;
  };
  const full = (x1: number, right: number, size: number) => x1 >= right - size * 1.6;

  for (const line of lines) {
    const samePage = prev && prev.page === line.page;
    const gap = prev && samePage ? prev.y - line.y : 0;
    // Tables: a line of several cells, or a line that continues a wrapped cell of the current row.
    if (table) {
      const t: TableState = table;
      const cols = line.segments.map((s) => columnOf(t.columns, s.x0, line.size));
      const rowOpen = t.open.some(Boolean);
      const continues = rowOpen && gap < line.size * 2.5 && cols.every((c) => t.open[c] || !t.rows[t.rows.length - 1][c]);
      const alignedRow = line.segments.length >= 2 || (cols[0] > 0 && Math.abs(line.segments[0].x0 - t.columns[cols[0]]) < line.size * 3);
      if (continues || alignedRow) {
        const row = continues ? t.rows[t.rows.length - 1] : t.columns.map(() => '');
        if (!continues) {
          t.rows.push(row);
          t.open = t.columns.map(() => false);
        }
        line.segments.forEach((s, i) => {
          const c = cols[i];
          const sep = row[c] && isLetter(row[c].slice(-1)) && isLetter(s.text[0]) ? ' ' : '';
          row[c] = row[c] ? row[c] + sep + s.text : s.text;
          const right = c + 1 < t.columns.length ? t.columns[c + 1] - line.size * 0.5 : t.rightEdge;
          t.open[c] = full(s.x1, right, line.size);
        });
        prev = line;
        continue;
      }
      flushTable();
    }
    if (line.segments.length >= 2) {
      flushParagraph();
      table = {
        columns: line.segments.map((s) => s.x0),
        rows: [line.segments.map((s) => s.text)],
        open: line.segments.map(() => false),
        rightEdge: Math.max(bodyRight, line.x1),
      };
      prev = line;
      continue;
    }
    const indented = line.x0 > bodyLeft + line.size * 0.8;
    const prevShort = !prev || !full(prev.x1, bodyRight, prev.size);
    const bigGap = samePage && prev ? gap > Math.max(prev.size, line.size) * 2.2 : false;
    const sizeChange = prev ? Math.abs(prev.size - line.size) > Math.max(prev.size, line.size) * 0.2 : true;
    if (!paragraph || indented || prevShort || bigGap || sizeChange) {
      flushParagraph();
      paragraph = line.text;
    } else {
      // A word broken at the line end gets its space back; a number split over two lines (8⏎5%) does not.
      paragraph += (isLetter(paragraph.slice(-1)) && isLetter(line.text[0]) ? ' ' : '') + line.text;
    }
    prev = line;
  }
  flushTable();
  flushParagraph();
  return blocks.join('\n\n');
}

export function layoutPdf(pages: PdfPage[]): string {
  const lines = pages.map((page, i) => pageLines(page, i));
  return layoutLines(dropRunningLines(lines, pages));
}

/** Characters of real text (not whitespace) in the extracted items. */
export function countTextCharacters(pages: PdfPage[]): number {
  return pages.reduce((sum, page) => sum + page.items.reduce((s, i) => s + i.str.replace(/\s/g, '').length, 0), 0);
}
