import { CalendarError } from './calendar-error';
import { addDays } from './iso-date';
import { findReportingPeriod, listReportingPeriods } from './list-reporting-periods';
import { REPORTING_CYCLES, type ReportingCycle } from './reporting-cycle';
import { seedCalendar } from './testing';


const calendar = seedCalendar();

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    return (e as CalendarError).code;
  }
  return undefined;
}

describe(listReportingPeriods.name, () => {
  it('lists monthly periods across the year boundary with due dates that skip the 2026 New Year holiday', () => {
    expect(listReportingPeriods('monthly', '2025-11-15', '2026-02-10', calendar)).toEqual([
      { key: '2025-11', label: '2025年11月', start: '2025-11-01', end: '2025-11-30', dueDate: '2025-12-05' },
      // 1/1–1/3 off, Sunday 1/4 is a make-up working day.
      { key: '2025-12', label: '2025年12月', start: '2025-12-01', end: '2025-12-31', dueDate: '2026-01-08' },
      { key: '2026-01', label: '2026年1月', start: '2026-01-01', end: '2026-01-31', dueDate: '2026-02-06' },
      // Saturday 2/28 is a make-up working day but the period's own last day never counts.
      { key: '2026-02', label: '2026年2月', start: '2026-02-01', end: '2026-02-28', dueDate: '2026-03-06' },
    ]);
  });

  it('lists quarterly periods across the year boundary with due dates after 国庆 and 清明', () => {
    expect(listReportingPeriods('quarterly', '2025-08-01', '2026-04-01', calendar)).toEqual([
      // 10/1–10/8 off; Saturday 10/11 is a make-up working day.
      { key: '2025-Q3', label: '2025年第三季度', start: '2025-07-01', end: '2025-09-30', dueDate: '2025-10-14' },
      { key: '2025-Q4', label: '2025年第四季度', start: '2025-10-01', end: '2025-12-31', dueDate: '2026-01-08' },
      // 4/4–4/6 off.
      { key: '2026-Q1', label: '2026年第一季度', start: '2026-01-01', end: '2026-03-31', dueDate: '2026-04-08' },
      { key: '2026-Q2', label: '2026年第二季度', start: '2026-04-01', end: '2026-06-30', dueDate: '2026-07-07' },
    ]);
  });

  it('lists half-yearly periods across two year boundaries', () => {
    expect(listReportingPeriods('half_yearly', '2025-03-01', '2026-12-31', calendar)).toEqual([
      { key: '2025-H1', label: '2025年上半年', start: '2025-01-01', end: '2025-06-30', dueDate: '2025-07-07' },
      { key: '2025-H2', label: '2025年下半年', start: '2025-07-01', end: '2025-12-31', dueDate: '2026-01-08' },
      { key: '2026-H1', label: '2026年上半年', start: '2026-01-01', end: '2026-06-30', dueDate: '2026-07-07' },
      // 2027-01-01 is a holiday even in the unconfirmed 2027 data.
      { key: '2026-H2', label: '2026年下半年', start: '2026-07-01', end: '2026-12-31', dueDate: '2027-01-08' },
    ]);
  });

  it('lists yearly periods across the year boundary', () => {
    expect(listReportingPeriods('yearly', '2025-06-01', '2026-06-01', calendar)).toEqual([
      { key: '2025', label: '2025年', start: '2025-01-01', end: '2025-12-31', dueDate: '2026-01-08' },
      { key: '2026', label: '2026年', start: '2026-01-01', end: '2026-12-31', dueDate: '2027-01-08' },
    ]);
  });

  it('pushes a due date over 春节 2026 and onto its make-up Saturday', () => {
    const due = (n: number) => listReportingPeriods('monthly', '2026-01-10', '2026-01-10', calendar, n)[0].dueDate;
    expect(due(10)).toBe('2026-02-13');
    expect(due(11)).toBe('2026-02-14');
    expect(due(12)).toBe('2026-02-24');
  });

  it('with zero working days the period end is due, or the next working day if it is a rest day', () => {
    expect(listReportingPeriods('quarterly', '2025-09-01', '2025-09-01', calendar, 0)[0].dueDate).toBe('2025-09-30');
    expect(listReportingPeriods('monthly', '2026-01-05', '2026-01-05', calendar, 0)[0].dueDate).toBe('2026-02-02');
  });

  it('includes every period overlapping the range, with unclipped bounds', () => {
    const periods = listReportingPeriods('quarterly', '2025-03-31', '2025-04-01', calendar);
    expect(periods.map((p) => [p.key, p.start, p.end])).toEqual([
      ['2025-Q1', '2025-01-01', '2025-03-31'],
      ['2025-Q2', '2025-04-01', '2025-06-30'],
    ]);
  });

  it.each(REPORTING_CYCLES.map((c) => [c]))('produces contiguous %s periods whose due dates are working days after the end', (cycle: ReportingCycle) => {
    const periods = listReportingPeriods(cycle, '2025-01-01', '2026-12-31', calendar);
    expect(periods.length).toBe({ monthly: 24, quarterly: 8, half_yearly: 4, yearly: 2 }[cycle]);
    expect(periods[0].start).toBe('2025-01-01');
    expect(periods[periods.length - 1].end).toBe('2026-12-31');
    for (let i = 0; i < periods.length; i++) {
      const p = periods[i];
      if (i > 0) expect(p.start).toBe(addDays(periods[i - 1].end, 1));
      expect(calendar.isWorkingDay(p.dueDate)).toBe(true);
      expect(calendar.countWorkingDays(p.end, p.dueDate)).toBe(5);
      expect(findReportingPeriod(cycle, p.start)).toEqual({ key: p.key, label: p.label, start: p.start, end: p.end });
      expect(findReportingPeriod(cycle, p.end).key).toBe(p.key);
    }
  });

  it('rejects a reversed range, an unknown cycle and a negative due offset', () => {
    expect(codeOf(() => listReportingPeriods('monthly', '2026-01-01', '2025-12-31', calendar))).toBe('BAD_RANGE');
    expect(codeOf(() => listReportingPeriods('weekly' as ReportingCycle, '2025-01-01', '2025-12-31', calendar))).toBe('BAD_REPORTING_CYCLE');
    expect(codeOf(() => listReportingPeriods('monthly', '2025-01-01', '2025-12-31', calendar, -1))).toBe('BAD_WORKING_DAYS');
    expect(codeOf(() => listReportingPeriods('monthly', '2025-01-01', '2025-13-01', calendar))).toBe('BAD_DATE');
  });
});
