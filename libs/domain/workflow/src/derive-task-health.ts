import { calendarDaysBetween, type IsoDate } from './iso-date';
import type { TaskState } from './task-state-machine';

export type TaskHealth = 'green' | 'amber' | 'red';

export interface TaskHealthInput {
  state: TaskState;
  /** null = long-term task (长期任务): judged only on report lateness. */
  dueDate: IsoDate | null;
  today: IsoDate;
  /** Working days from today to the due date (0 = due today), computed by the caller with the calendar. */
  workingDaysUntilDue: number | null;
  /** Amber when workingDaysUntilDue <= this (inclusive). */
  warningWindowWorkingDays: number;
  startDate: IsoDate | null;
  /** 0–100; out-of-range values are clamped rather than thrown so a bad row cannot break a dashboard. */
  reportedProgress: number;
  /** Amber when expected − reported is strictly greater than this many percentage points. */
  progressMarginPercent: number;
  lastReportLate: boolean;
}

export interface TaskHealthResult {
  health: TaskHealth;
  /** Chinese, one per problem found; empty when green. */
  reasons: string[];
}

const clampPercent = (n: number): number => (Number.isFinite(n) ? Math.min(100, Math.max(0, n)) : 0);
const formatPercent = (n: number): string => `${Math.round(n)}%`;

/**
 * Expected progress by elapsed calendar time from start to due (linear). Calendar days, not working
 * days: the caller only hands us working days to the due date, and over a task's span the difference
 * is proportional enough for a warning light.
 */
export function expectedProgressPercent(startDate: IsoDate, dueDate: IsoDate, today: IsoDate): number {
  const total = calendarDaysBetween(startDate, dueDate);
  const elapsed = calendarDaysBetween(startDate, today);
  if (elapsed <= 0) return 0;
  if (total <= 0) return 100;
  return clampPercent((elapsed / total) * 100);
}

/**
 * Traffic light for a task. Every rule that fires adds a reason; the worst colour wins.
 * Completed and cancelled tasks are always green with no reasons: there is nothing left to chase,
 * and a finished task must not keep a department's dashboard red. Every other state — including
 * draft and suspended — is judged normally, so the office sees a suspended task slipping past its date.
 */
export function deriveTaskHealth(input: TaskHealthInput): TaskHealthResult {
  if (input.state === 'completed' || input.state === 'cancelled') return { health: 'green', reasons: [] };

  let red = false;
  const reasons: string[] = [];

  if (input.dueDate !== null) {
    const daysPastDue = calendarDaysBetween(input.dueDate, input.today);
    if (daysPastDue > 0) {
      red = true;
      reasons.push(`已逾期${daysPastDue}天（截止日期${input.dueDate}）`);
    } else if (input.workingDaysUntilDue !== null && input.workingDaysUntilDue <= input.warningWindowWorkingDays) {
      reasons.push(
        input.workingDaysUntilDue <= 0
          ? `今天是截止日期（${input.dueDate}）`
          : `距截止日期仅剩${input.workingDaysUntilDue}个工作日（${input.dueDate}）`,
      );
    }

    if (input.startDate !== null) {
      const expected = expectedProgressPercent(input.startDate, input.dueDate, input.today);
      const reported = clampPercent(input.reportedProgress);
      if (expected - reported > input.progressMarginPercent) {
        reasons.push(`进度滞后：按时间应完成约${formatPercent(expected)}，实际报告${formatPercent(reported)}`);
      }
    }
  }

  if (input.lastReportLate) reasons.push('最近一次进展报告未按时报送');

  return { health: red ? 'red' : reasons.length > 0 ? 'amber' : 'green', reasons };
}
