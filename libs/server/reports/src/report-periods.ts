import {
  formatIsoDate,
  type IsoDate,
  isReportingCycle,
  lastDayOfMonth,
  listReportingPeriods,
  parseIsoDate,
  type ReportingCycle,
  type ReportingPeriod,
  type WorkingDayCalendar,
} from '@luoshi/domain/calendar';

/** A report can still be handed in this many working days after its due date; then the period locks. */
export const REPORT_GRACE_WORKING_DAYS = 10;
/** Reports are due this many working days after the period ends (as on the task's detail page). */
export const REPORT_DUE_AFTER_WORKING_DAYS = 5;

const MONTHS: Record<ReportingCycle, number> = { monthly: 1, quarterly: 3, half_yearly: 6, yearly: 12 };

export function addMonths(date: IsoDate, months: number): IsoDate {
  const { year, month, day } = parseIsoDate(date);
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const mo = (index % 12) + 1;
  const last = Number(lastDayOfMonth(y, mo).slice(8));
  return formatIsoDate(y, mo, Math.min(day, last));
}

export interface ReportingTask {
  reportingCycle: string;
  /** The task's start date, else the day it was accepted. */
  from: IsoDate | null;
  dueDate: IsoDate | null;
}

/**
 * The periods that should have a report by `today`: from the task's start (or acceptance) to its due
 * date, every period that ends no later than one period from today: the past periods, the current one
 * and, on the last day of a period, the next one.
 */
export function periodsToDraft(task: ReportingTask, today: IsoDate, calendar: WorkingDayCalendar): ReportingPeriod[] {
  if (!isReportingCycle(task.reportingCycle) || task.from === null) return [];
  const horizon = addMonths(today, MONTHS[task.reportingCycle]);
  const to = task.dueDate !== null && task.dueDate < horizon ? task.dueDate : horizon;
  if (to < task.from) return [];
  return listReportingPeriods(task.reportingCycle, task.from, to, calendar, REPORT_DUE_AFTER_WORKING_DAYS).filter((p) => p.end <= horizon);
}

/** The last day a never-submitted report of a period due on `dueDate` can be submitted. */
export function lockDateOf(dueDate: IsoDate, calendar: WorkingDayCalendar): IsoDate {
  return calendar.addWorkingDays(dueDate, REPORT_GRACE_WORKING_DAYS);
}
