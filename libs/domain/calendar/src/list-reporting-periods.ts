import { assertWholeNumber } from './add-working-days';
import { CalendarError } from './calendar-error';
import { compareIsoDates, formatIsoDate, lastDayOfMonth, parseIsoDate, type IsoDate } from './iso-date';
import { isReportingCycle, type ReportingCycle } from './reporting-cycle';
import type { WorkingDayCalendar } from './working-day-calendar';

export interface ReportingPeriodBounds {
  /** '2027-03' (monthly), '2027-Q1' (quarterly), '2027-H1' (half-yearly), '2027' (yearly). */
  key: string;
  /** Chinese label for the UI: '2027年3月', '2027年第一季度', '2027年上半年', '2027年'. */
  label: string;
  start: IsoDate;
  end: IsoDate;
}

export interface ReportingPeriod extends ReportingPeriodBounds {
  /** When the report for the period is due: the N-th working day after `end`. */
  dueDate: IsoDate;
}

/** Months per period; every cycle divides the year evenly, so periods never straddle a year. */
const MONTHS: Readonly<Record<ReportingCycle, number>> = { monthly: 1, quarterly: 3, half_yearly: 6, yearly: 12 };
const CN_QUARTER = ['一', '二', '三', '四'];

/** The period of `cycle` that contains `date`. */
export function findReportingPeriod(cycle: ReportingCycle, date: IsoDate): ReportingPeriodBounds {
  assertCycle(cycle);
  const { year, month } = parseIsoDate(date);
  const size = MONTHS[cycle];
  const index = Math.floor((month - 1) / size); // 0-based period number within the year
  return boundsOf(cycle, year, index);
}

/**
 * Every period of `cycle` that overlaps [from, to], in order, with full (unclipped) bounds — a
 * task starting on 20 March still reports for Q1. The due date is the `dueAfterWorkingDays`-th
 * working day after the period ends (holidays such as 国庆 or 春节 push it back); with 0 it is
 * the end date itself, or the next working day if that is a rest day.
 */
export function listReportingPeriods(
  cycle: ReportingCycle,
  from: IsoDate,
  to: IsoDate,
  calendar: WorkingDayCalendar,
  dueAfterWorkingDays = 5,
): ReportingPeriod[] {
  assertCycle(cycle);
  parseIsoDate(from);
  parseIsoDate(to);
  if (compareIsoDates(from, to) > 0) {
    throw new CalendarError('BAD_RANGE', `开始日期 ${from} 晚于结束日期 ${to}`);
  }
  assertWholeNumber(dueAfterWorkingDays, '报送期限工作日天数');
  if (dueAfterWorkingDays < 0) {
    throw new CalendarError('BAD_WORKING_DAYS', `报送期限工作日天数不能为负数，实际为 ${dueAfterWorkingDays}`);
  }

  const periods: ReportingPeriod[] = [];
  const size = MONTHS[cycle];
  const perYear = 12 / size;
  const first = parseIsoDate(from);
  let year = first.year;
  let index = Math.floor((first.month - 1) / size);
  for (;;) {
    const bounds = boundsOf(cycle, year, index);
    if (compareIsoDates(bounds.start, to) > 0) break;
    periods.push({ ...bounds, dueDate: calendar.addWorkingDays(bounds.end, dueAfterWorkingDays) });
    index++;
    if (index === perYear) {
      index = 0;
      year++;
    }
  }
  return periods;
}

function boundsOf(cycle: ReportingCycle, year: number, index: number): ReportingPeriodBounds {
  const size = MONTHS[cycle];
  const startMonth = index * size + 1;
  const endMonth = startMonth + size - 1;
  const start = formatIsoDate(year, startMonth, 1);
  const end = lastDayOfMonth(year, endMonth);
  switch (cycle) {
    case 'monthly':
      return { key: `${year}-${String(startMonth).padStart(2, '0')}`, label: `${year}年${startMonth}月`, start, end };
    case 'quarterly':
      return { key: `${year}-Q${index + 1}`, label: `${year}年第${CN_QUARTER[index]}季度`, start, end };
    case 'half_yearly':
      return { key: `${year}-H${index + 1}`, label: `${year}年${index === 0 ? '上' : '下'}半年`, start, end };
    case 'yearly':
      return { key: `${year}`, label: `${year}年`, start, end };
  }
}

function assertCycle(cycle: unknown): asserts cycle is ReportingCycle {
  if (!isReportingCycle(cycle)) {
    throw new CalendarError('BAD_REPORTING_CYCLE', `未知的报送周期：${JSON.stringify(cycle)}`);
  }
}
