import { CalendarError } from './calendar-error';
import type { HolidayEntry, HolidayKind, HolidayYear } from './holiday-types';
import { isIsoDate, isWeekend } from './iso-date';
import { validateHolidayYear } from './validate-holiday-year';

export interface ParseHolidayCsvOptions {
  /** Stored as each year's `source`; the CSV itself has no column for it. */
  source?: string;
  /**
   * Used when the file has no `confirmed` column or a row leaves it empty. Defaults to true:
   * the office uploading a year is the act of confirming it; pass false to stage a draft.
   */
  defaultConfirmed?: boolean;
}

const KIND_WORDS: Readonly<Record<string, HolidayKind>> = {
  holiday: 'holiday',
  休: 'holiday',
  makeupworkday: 'makeupWorkday',
  班: 'makeupWorkday',
};

const TRUE_WORDS = new Set(['true', '1', 'yes', 'y', '是', '已确认']);
const FALSE_WORDS = new Set(['false', '0', 'no', 'n', '否', '未确认']);

type Column = 'date' | 'kind' | 'name' | 'confirmed';
const HEADER_WORDS: Readonly<Record<string, Column>> = {
  date: 'date',
  日期: 'date',
  kind: 'kind',
  类型: 'kind',
  name: 'name',
  名称: 'name',
  confirmed: 'confirmed',
  已确认: 'confirmed',
  是否确认: 'confirmed',
};
const POSITIONAL: readonly Column[] = ['date', 'kind', 'name', 'confirmed'];

/**
 * Reads the office's holiday upload: one row per day, columns `date,kind,name[,confirmed]`
 * (an optional header row may name them in any order, in English or Chinese). `kind` accepts
 * holiday | makeupWorkday | 休 | 班. Blank lines and lines starting with '#' are skipped.
 *
 * Rows may span several years; one HolidayYear per year is returned, ascending. All rows of a
 * year must agree on `confirmed`. Every problem is reported with its line number, e.g.
 * CalendarError('BAD_HOLIDAY_ROW', '第3行: 日期格式错误 …'), with the full list in `details`.
 */
export function parseHolidayCsv(csv: string, options: ParseHolidayCsvOptions = {}): HolidayYear[] {
  const defaultConfirmed = options.defaultConfirmed ?? true;
  const source = options.source?.trim() || 'CSV 导入（领导小组办公室上传）';
  const lines = csv.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  const errors: string[] = [];
  let columns: readonly Column[] | undefined;

  const byYear = new Map<number, { confirmed: boolean; confirmedLine: number; entries: HolidayEntry[] }>();
  const seenDates = new Map<string, number>();

  lines.forEach((rawLine, i) => {
    const lineNo = i + 1;
    const line = rawLine.trim();
    if (line === '' || line.startsWith('#')) return;
    const fail = (msg: string): void => void errors.push(`第${lineNo}行: ${msg}`);

    const cells = splitCsvLine(line);
    if (cells === null) return fail('引号不匹配');

    if (columns === undefined) {
      const header = cells.map((c) => HEADER_WORDS[c.toLowerCase()]);
      // A first cell naming a column means the line is a header.
      if (header[0] !== undefined) {
        const missing = (['date', 'kind', 'name'] as const).filter((c) => !header.includes(c));
        if (header.some((h) => h === undefined) || new Set(header).size !== header.length || missing.length > 0) {
          fail(`表头应为 date,kind,name[,confirmed]，实际为“${line}”`);
          columns = POSITIONAL;
        } else {
          columns = header as Column[];
        }
        return;
      }
      columns = POSITIONAL;
    }

    // A trailing optional `confirmed` cell may be left out.
    const cols = columns;
    const expectedMin = Math.max(...(['date', 'kind', 'name'] as const).map((c) => cols.indexOf(c))) + 1;
    const expectedMax = columns.length;
    if (cells.length < expectedMin || cells.length > expectedMax) {
      return fail(`列数应为 ${expectedMin === expectedMax ? expectedMin : `${expectedMin}–${expectedMax}`}，实际为 ${cells.length}`);
    }
    const cell = (c: Column) => {
      const idx = cols.indexOf(c);
      return idx >= 0 && idx < cells.length ? cells[idx] : '';
    };

    const date = cell('date');
    const kindText = cell('kind');
    const name = cell('name');
    const confirmedText = cell('confirmed');
    const before = errors.length;

    if (!isIsoDate(date)) fail(`日期格式错误“${date}”，应为 YYYY-MM-DD 格式的有效日期`);
    const kind = KIND_WORDS[kindText.toLowerCase()];
    if (kind === undefined) fail(`类型错误“${kindText}”，应为 holiday、makeupWorkday、休 或 班`);
    if (name === '') fail('名称不能为空');
    let confirmed = defaultConfirmed;
    if (confirmedText !== '') {
      const lower = confirmedText.toLowerCase();
      if (TRUE_WORDS.has(lower)) confirmed = true;
      else if (FALSE_WORDS.has(lower)) confirmed = false;
      else fail(`confirmed 取值错误“${confirmedText}”，应为 true 或 false`);
    }
    if (errors.length > before || kind === undefined) return;

    const firstLine = seenDates.get(date);
    if (firstLine !== undefined) return fail(`日期 ${date} 与第${firstLine}行重复`);
    seenDates.set(date, lineNo);
    if (kind === 'makeupWorkday' && !isWeekend(date)) return fail(`调休上班日 ${date} 不是周六或周日`);

    const year = Number(date.slice(0, 4));
    let bucket = byYear.get(year);
    if (!bucket) {
      bucket = { confirmed, confirmedLine: lineNo, entries: [] };
      byYear.set(year, bucket);
    } else if (bucket.confirmed !== confirmed) {
      return fail(`${year} 年的 confirmed 与第${bucket.confirmedLine}行不一致`);
    }
    bucket.entries.push({ date, kind, name });
  });

  if (errors.length === 0 && byYear.size === 0) errors.push('CSV 中没有节假日数据');
  if (errors.length > 0) {
    throw new CalendarError('BAD_HOLIDAY_ROW', errors.join('；'), errors);
  }
  return [...byYear.entries()]
    .sort(([a], [b]) => a - b)
    .map(([year, b]) => validateHolidayYear({ year, confirmed: b.confirmed, source, entries: b.entries }));
}

/** RFC 4180 fields on one line: commas separate, double quotes wrap, "" is a quote. */
function splitCsvLine(line: string): string[] | null {
  const cells: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (c === '"') {
        quoted = false;
      } else {
        cur += c;
      }
    } else if (c === '"') {
      quoted = true;
    } else if (c === ',') {
      cells.push(cur.trim());
      cur = '';
    } else {
      cur += c;
    }
  }
  if (quoted) return null;
  cells.push(cur.trim());
  return cells;
}
