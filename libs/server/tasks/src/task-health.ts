import type { TaskHealthColor } from '@luoshi/contracts';
import type { IsoDate, WorkingDayCalendar } from '@luoshi/domain/calendar';
import { deriveTaskHealth, type TaskHealthResult, type TaskState } from '@luoshi/domain/workflow';

/** Amber when the due date is this many working days away or fewer. */
export const HEALTH_WARNING_WINDOW_WORKING_DAYS = 5;
/** Amber when progress lags the time elapsed by more than this many percentage points. */
export const HEALTH_PROGRESS_MARGIN_PERCENT = 20;

/** What health is judged against, computed once per request. */
export interface HealthContext {
  today: IsoDate;
  /**
   * The (W+1)-th working day after today. workingDaysUntilDue ≤ W exactly when
   * today ≤ dueDate < amberBefore, which lets SQL apply the working-day window with one comparison.
   */
  amberBefore: IsoDate;
  calendar: WorkingDayCalendar;
}

export interface HealthSubject {
  status: TaskState;
  startDate: IsoDate | null;
  dueDate: IsoDate | null;
  progress: number;
  lastReportLate: boolean;
}

export function healthContext(calendar: WorkingDayCalendar, today: IsoDate): HealthContext {
  return { today, amberBefore: calendar.addWorkingDays(today, HEALTH_WARNING_WINDOW_WORKING_DAYS + 1), calendar };
}

/** Health and its reasons for one task (the domain rule, with working days from the calendar). */
export function taskHealth(task: HealthSubject, ctx: HealthContext): TaskHealthResult {
  return deriveTaskHealth({
    state: task.status,
    dueDate: task.dueDate,
    today: ctx.today,
    workingDaysUntilDue: task.dueDate !== null && task.dueDate >= ctx.today ? ctx.calendar.countWorkingDays(ctx.today, task.dueDate) : null,
    warningWindowWorkingDays: HEALTH_WARNING_WINDOW_WORKING_DAYS,
    startDate: task.startDate,
    reportedProgress: task.progress,
    progressMarginPercent: HEALTH_PROGRESS_MARGIN_PERCENT,
    lastReportLate: task.lastReportLate,
  });
}

/**
 * Working days from today (excluded) to the due date (included): 0 when due today, negative when
 * overdue; null without a due date or once the task is closed. The calendar counts in closed form,
 * so a deadline decades away costs no more than one next week.
 */
export function remainingWorkingDays(task: Pick<HealthSubject, 'status' | 'dueDate'>, ctx: HealthContext): number | null {
  if (task.dueDate === null || task.status === 'completed' || task.status === 'cancelled') return null;
  return ctx.calendar.countWorkingDays(ctx.today, task.dueDate);
}

/**
 * The same rule as taskHealth, as a SQL expression over `t`, so a health filter is right at query
 * time without a stored column. Placeholders: today, amberBefore (dates), margin (number). Progress
 * is computed in float8, the same IEEE arithmetic as deriveTaskHealth, so borderline cases agree.
 */
export function healthSql(p: { today: string; amberBefore: string; margin: string }): string {
  const elapsed = `(${p.today}::date - t.start_date)`;
  const total = `(t.due_date - t.start_date)`;
  const expected = `CASE WHEN ${elapsed} <= 0 THEN 0::float8 WHEN ${total} <= 0 THEN 100::float8
      ELSE LEAST(100::float8, GREATEST(0::float8, (${elapsed}::float8 / ${total}::float8) * 100)) END`;
  return `CASE
      WHEN t.status IN ('completed', 'cancelled') THEN 'green'
      WHEN t.due_date < ${p.today}::date THEN 'red'
      WHEN t.due_date < ${p.amberBefore}::date THEN 'amber'
      WHEN t.last_report_late THEN 'amber'
      WHEN t.due_date IS NOT NULL AND t.start_date IS NOT NULL AND (${expected}) - t.progress > ${p.margin}::float8 THEN 'amber'
      ELSE 'green' END`;
}

export const isHealthColor = (s: string): s is TaskHealthColor => s === 'green' || s === 'amber' || s === 'red';
