import type { CorrectionEntry } from './plan-types';

/** A bad row in a correction dictionary; `line` is 1-based so editors can jump to it. */
export class CorrectionsFormatError extends Error {
  constructor(
    public readonly line: number,
    message: string,
  ) {
    super(`第${line}行：${message}`);
    this.name = 'CorrectionsFormatError';
  }
}

/**
 * Reads `wrong<TAB>right<TAB>optional context` rows. Lines starting with '#' and blank lines are
 * skipped. An empty `right` deletes `wrong` (used for glued-on junk). A row with the same `wrong`
 * and context twice is rejected because the outcome would depend on row order.
 */
export function parseCorrectionsTsv(tsv: string): CorrectionEntry[] {
  const entries: CorrectionEntry[] = [];
  const seen = new Map<string, number>();
  const lines = tsv.replace(/^\uFEFF/, '').split(/\r?\n/);
  lines.forEach((raw, index) => {
    const lineNo = index + 1;
    if (raw.trim() === '' || raw.trimStart().startsWith('#')) return;
    const cells = raw.split('\t');
    if (cells.length < 2) throw new CorrectionsFormatError(lineNo, '缺少制表符分隔的“正确写法”列');
    if (cells.length > 3) throw new CorrectionsFormatError(lineNo, `列数过多（${cells.length}列），应为“错误\\t正确\\t可选上下文”`);
    const [wrong, right, context] = cells.map((cell) => cell.trim());
    if (!wrong) throw new CorrectionsFormatError(lineNo, '“错误写法”列为空');
    if (wrong === right) throw new CorrectionsFormatError(lineNo, `错误写法与正确写法相同（${wrong}）`);
    const entry: CorrectionEntry = { wrong, right };
    if (context) {
      let pattern: RegExp;
      try {
        pattern = new RegExp(context, 'u');
      } catch (error) {
        throw new CorrectionsFormatError(lineNo, `上下文不是有效的正则表达式：${(error as Error).message}`);
      }
      // A context that can never contain the word would silently disable the row.
      if (!pattern.source.includes(wrong[0] ?? '')) {
        throw new CorrectionsFormatError(lineNo, `上下文“${context}”不包含错误写法“${wrong}”`);
      }
      entry.context = context;
    }
    const key = `${wrong}\u0000${context ?? ''}`;
    const previous = seen.get(key);
    if (previous !== undefined) throw new CorrectionsFormatError(lineNo, `与第${previous}行重复（${wrong}）`);
    seen.set(key, lineNo);
    entries.push(entry);
  });
  return entries;
}
