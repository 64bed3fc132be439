import type { BulletinResponse } from '@luoshi/contracts';
import { figure, percent } from '../shared/health';

// The bulletin is an official Chinese document: the printable page says exactly what the .docx says
// (same headings, sentences and tables) in either UI language — the headings and sentences are the
// API's own, from contracts (BULLETIN_SECTIONS, bulletinSentences, chineseDate).

/** Overdue tasks listed one by one on the page (the .xlsx lists all), as in the .docx. */
export const OVERDUE_DETAIL_ROWS = 30;

export interface OverdueDetail {
  taskId: string;
  code: string;
  title: string;
  department: string;
  dueDate: string;
  workingDaysOverdue: number;
}

/** Every overdue task, most working days overdue first (then by code). */
export function overdueDetails(b: BulletinResponse): OverdueDetail[] {
  return b.overdueByDepartment
    .flatMap((d) => d.items.map((i) => ({ ...i, department: d.department.name })))
    .sort((x, y) => y.workingDaysOverdue - x.workingDaysOverdue || x.code.localeCompare(y.code));
}

export const num = figure;
export const rate = percent;
