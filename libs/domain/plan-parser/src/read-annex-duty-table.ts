import type { TableBlock } from './classify-lines';
import type { PlanNodeDraft } from './plan-types';
import { readMarkedLeads } from './extract-duty-annotations';
import { splitUnitNames, type DepartmentLookup } from './resolve-departments';
import { simplifyCharacters } from './simplify-characters';

/** One row of a 分工表, matched to a measure when possible. */
export interface AnnexDutyRow {
  task: string;
  leads: string[];
  cos: string[];
  deadlineText?: string;
  nodeCode: string | null;
  line: number;
  rowText: string;
}

const LEAD_HEADER = /牵头|责任单位|责任部门|主责|主办/;
const CO_HEADER = /配合|参与|协办|协同|协助/;
const DEADLINE_HEADER = /时限|完成时间|时间|进度/;
const TASK_HEADER = /重点任务|主要任务|工作任务|具体任务|任务内容|重点工作|工作内容|工作措施|任务|措施|事项|内容|项目/;
const NUMBER_HEADER = /^(序号|编号|No\.?)$/i;

/**
 * A 分工表 (markdown, TAB-separated or docx/PDF rows as the readers hand them over) with columns
 * such as 序号 | 重点任务 | 牵头单位 | 配合单位 | 完成时限. Each row is matched to a measure by
 * the similarity of its task text to the measure titles (a title contained in the task text, or
 * character-bigram similarity ≥ 0.55, see dice); failing that, by its 序号 when the table has one row per
 * measure. Rows that match nothing are kept with nodeCode null. A single 责任单位 column with
 * X（牵头）、Y gives X as lead and Y as co-department. Headers in traditional characters (牽頭單位)
 * are read too; names stay as written.
 */
export function readAnnexDutyTable(table: TableBlock, measures: readonly PlanNodeDraft[], lookup: DepartmentLookup): AnnexDutyRow[] | null {
  const headerIndex = table.rows.slice(0, 3).findIndex((row) => row.some((cell) => LEAD_HEADER.test(simplifyCharacters(cell))));
  if (headerIndex < 0) return null;
  const header = table.rows[headerIndex].map((cell) => simplifyCharacters(cell.trim()));
  const lead = header.findIndex((cell) => LEAD_HEADER.test(cell) && !CO_HEADER.test(cell));
  if (lead < 0) return null;
  const co = header.findIndex((cell, i) => i !== lead && CO_HEADER.test(cell));
  const deadline = header.findIndex((cell, i) => i !== lead && DEADLINE_HEADER.test(cell));
  const number = header.findIndex((cell) => NUMBER_HEADER.test(cell));
  const taskColumns = header.map((cell, i) => (TASK_HEADER.test(cell) && ![lead, co, deadline].includes(i) ? i : -1)).filter((i) => i >= 0);
  const task = taskColumns[taskColumns.length - 1] ?? header.findIndex((_, i) => ![lead, co, deadline, number].includes(i));

  const rows: AnnexDutyRow[] = [];
  const dataRows = table.rows.slice(headerIndex + 1);
  dataRows.forEach((row, index) => {
    const cell = (i: number) => (i >= 0 ? (row[i] ?? '').trim() : '');
    const leadText = cell(lead);
    const taskText = cell(task);
    if (!leadText || simplifyCharacters(leadText) === header[lead]) return;
    const rowIndex = headerIndex + 1 + index;
    const marked = readMarkedLeads(leadText, lookup);
    rows.push({
      task: taskText,
      leads: marked?.leads ?? splitUnitNames(leadText, lookup),
      cos: [...(marked?.cos ?? []), ...splitUnitNames(cell(co).replace(/^(无|—|-|\/)$/, ''), lookup)],
      ...(cell(deadline) ? { deadlineText: cell(deadline) } : {}),
      nodeCode: null,
      line: table.rowLines[rowIndex] ?? table.line,
      rowText: table.rowTexts[rowIndex] ?? '',
    });
  });
  matchRows(rows, dataRows.length, number >= 0 ? dataRows.map((row) => (row[number] ?? '').trim()) : [], measures);
  return rows;
}

function matchRows(rows: AnnexDutyRow[], dataRowCount: number, numbers: string[], measures: readonly PlanNodeDraft[]): void {
  const used = new Set<string>();
  for (const row of rows) {
    const best = bestMeasure(row.task, measures, used);
    if (best) {
      row.nodeCode = best.code;
      used.add(best.code);
    }
  }
  if (rows.every((row) => row.nodeCode !== null) || dataRowCount !== measures.length) return;
  rows.forEach((row, index) => {
    if (row.nodeCode !== null) return;
    const n = Number(numbers[index] ?? Number.NaN);
    const measure = Number.isInteger(n) ? measures[n - 1] : undefined;
    if (measure && !used.has(measure.code)) {
      row.nodeCode = measure.code;
      used.add(measure.code);
    }
  });
}

function bestMeasure(task: string, measures: readonly PlanNodeDraft[], used: Set<string>): PlanNodeDraft | null {
  const wanted = stripNumbering(task);
  if (wanted.length < 2) return null;
  let best: PlanNodeDraft | null = null;
  let bestScore = 0;
  for (const measure of measures) {
    const title = stripNumbering(measure.title);
    let score = title.length >= 4 && (wanted.includes(title) || title.includes(wanted)) ? 1 : dice(wanted, title);
    if (used.has(measure.code)) score -= 0.2;
    if (score > bestScore) {
      bestScore = score;
      best = measure;
    }
  }
  return bestScore >= 0.55 ? best : null;
}

function stripNumbering(text: string): string {
  return text
    .replace(/^(（?[一二三四五六七八九十\d]+[）、.．]\s*)+/, '')
    .replace(/[。，；：、“”\s]/g, '');
}

function bigrams(text: string): Map<string, number> {
  const grams = new Map<string, number>();
  for (let i = 0; i < text.length - 1; i++) {
    const gram = text.slice(i, i + 2);
    grams.set(gram, (grams.get(gram) ?? 0) + 1);
  }
  return grams;
}

/**
 * Similarity on character bigrams, 0–1: the larger of the Sørensen–Dice coefficient and 0.85 ×
 * the overlap coefficient (a short title whose bigrams all occur in a longer task text scores high).
 */
export function dice(a: string, b: string): number {
  if (a.length < 2 || b.length < 2) return 0;
  const x = bigrams(a);
  const y = bigrams(b);
  let overlap = 0;
  for (const [gram, count] of x) overlap += Math.min(count, y.get(gram) ?? 0);
  const shorter = Math.min(a.length, b.length) - 1;
  const containment = shorter >= 4 ? overlap / shorter : 0;
  return Math.max((2 * overlap) / (a.length - 1 + b.length - 1), 0.85 * containment);
}
