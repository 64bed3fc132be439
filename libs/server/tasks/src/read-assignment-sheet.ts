import type { CellValue, Worksheet } from 'exceljs';
import { TaskException } from './task.exception';

/** Column headings of the ledger (任务台账); the import accepts the alternatives listed. */
export const LEDGER_COLUMNS = {
  seq: '序号',
  code: '任务编号',
  title: '任务',
  lead: '牵头单位',
  co: '配合单位',
  deadline: '完成时限',
  progress: '进展情况',
  status: '状态',
  id: '任务ID',
} as const;

type ColumnKey = 'id' | 'code' | 'title' | 'lead' | 'co' | 'deadline';

const HEADINGS: Record<ColumnKey, string[]> = {
  id: ['任务ID', '任务id'],
  code: ['任务编号', '编号'],
  title: ['任务', '任务名称', '任务内容'],
  lead: ['牵头单位'],
  co: ['配合单位', '协办单位'],
  deadline: ['完成时限', '完成时间'],
};

export type DeadlineCell = { kind: 'empty' } | { kind: 'date'; date: string } | { kind: 'text'; text: string };

export interface SheetRow {
  /** The sheet's row number, as Excel shows it. */
  row: number;
  id: string;
  code: string;
  title: string;
  lead: string;
  co: string[];
  deadline: DeadlineCell;
}

/** A cell as plain text, whatever exceljs made of it (rich text, formula result, hyperlink, date). */
export function cellText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return isoOfCellDate(value);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('').trim();
    if ('result' in value) return value.result === undefined ? '' : cellText(value.result as CellValue);
    if ('text' in value) return String(value.text).trim();
    if ('error' in value) return '';
    return '';
  }
  return String(value).trim();
}

/** Excel dates carry no zone; exceljs hands them over as UTC midnights. */
function isoOfCellDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** 配合单位 cells list several names: 省科技厅、省教育厅 / 省科技厅,省教育厅 / one per line. */
export function splitDepartmentNames(text: string): string[] {
  return text
    .split(/[、，,；;\n\r/]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/**
 * Finds the header row (within the first 10 rows, so a title row above it is fine), checks the
 * columns the import needs, and reads every non-empty row below it.
 */
export function readAssignmentSheet(ws: Worksheet): { headerRow: number; rows: SheetRow[] } {
  let headerRow = 0;
  const columns = new Map<ColumnKey, number>();
  for (let r = 1; r <= Math.min(10, ws.rowCount) && headerRow === 0; r++) {
    const row = ws.getRow(r);
    const found = new Map<ColumnKey, number>();
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      const text = cellText(cell.value).replace(/\s+/g, '');
      for (const [key, names] of Object.entries(HEADINGS) as [ColumnKey, string[]][]) {
        if (names.includes(text) && !found.has(key)) found.set(key, col);
      }
    });
    if (found.has('title') || found.size >= 3) {
      headerRow = r;
      for (const [k, v] of found) columns.set(k, v);
    }
  }
  const missing: string[] = [];
  if (!columns.has('id') && !columns.has('code')) missing.push(LEDGER_COLUMNS.code);
  for (const key of ['title', 'lead', 'co', 'deadline'] as const) if (!columns.has(key)) missing.push(HEADINGS[key][0]);
  if (missing.length > 0) throw TaskException.importColumnsMissing(missing, headerRow || 1);

  const rows: SheetRow[] = [];
  for (let r = headerRow + 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const get = (key: ColumnKey) => {
      const col = columns.get(key);
      return col ? row.getCell(col).value : null;
    };
    const texts = (['id', 'code', 'title', 'lead', 'co', 'deadline'] as const).map((k) => cellText(get(k)));
    if (texts.every((t) => t === '')) continue;
    const deadlineValue = get('deadline');
    const deadlineText = cellText(deadlineValue);
    rows.push({
      row: r,
      id: texts[0],
      code: texts[1],
      title: texts[2],
      lead: texts[3],
      co: splitDepartmentNames(texts[4]),
      deadline:
        deadlineText === ''
          ? { kind: 'empty' }
          : deadlineValue instanceof Date
            ? { kind: 'date', date: deadlineText }
            : { kind: 'text', text: deadlineText },
    });
  }
  return { headerRow, rows };
}
