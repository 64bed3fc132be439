import { WorkingDayCalendar } from '@luoshi/domain/calendar';
import { addMonths, lockDateOf, periodsToDraft } from './report-periods';

const calendar = new WorkingDayCalendar([]);

describe(periodsToDraft.name, () => {
  it('drafts every past quarter and the current one, not the quarter after', () => {
    const periods = periodsToDraft({ reportingCycle: 'quarterly', from: '2026-02-10', dueDate: null }, '2026-11-29', calendar);
    expect(periods.map((p) => p.key)).toEqual(['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4']);
    expect(periods[3]).toMatchObject({ start: '2026-10-01', end: '2026-12-31', label: '2026年第四季度' });
  });

  it('stops at the due date, and drafts nothing for a task without a cycle or a start', () => {
    expect(periodsToDraft({ reportingCycle: 'monthly', from: '2026-09-15', dueDate: '2026-10-20' }, '2026-11-29', calendar).map((p) => p.key)).toEqual([
      '2026-09',
      '2026-10',
    ]);
    expect(periodsToDraft({ reportingCycle: 'none', from: '2026-01-01', dueDate: null }, '2026-11-29', calendar)).toEqual([]);
    expect(periodsToDraft({ reportingCycle: 'quarterly', from: null, dueDate: null }, '2026-11-29', calendar)).toEqual([]);
    expect(periodsToDraft({ reportingCycle: 'quarterly', from: '2027-01-01', dueDate: '2027-12-31' }, '2026-11-29', calendar)).toEqual([]);
  });

  it('includes the next period once it ends within a period from today', () => {
    expect(periodsToDraft({ reportingCycle: 'monthly', from: '2026-11-01', dueDate: null }, '2026-11-30', calendar).map((p) => p.key)).toEqual(['2026-11']);
    expect(periodsToDraft({ reportingCycle: 'monthly', from: '2026-11-01', dueDate: null }, '2026-12-31', calendar).map((p) => p.key)).toEqual([
      '2026-11',
      '2026-12',
      '2027-01',
    ]);
  });
});

describe(lockDateOf.name, () => {
  it('is ten working days after the due date', () => {
    // Thu 7 Jan 2027 + 10 working days (no holidays known) = Thu 21 Jan.
    expect(lockDateOf('2027-01-07', calendar)).toBe('2027-01-21');
  });
});

describe(addMonths.name, () => {
  it('clamps to the end of a shorter month and crosses years', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2026-11-29', 3)).toBe('2027-02-28');
    expect(addMonths('2026-12-15', 12)).toBe('2027-12-15');
  });
});
