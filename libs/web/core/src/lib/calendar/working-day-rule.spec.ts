import type { HolidayResponse } from '@luoshi/contracts';
import { addIsoDays, isWorkingDayIn, localIsoDate, workingDayOnOrAfterIn } from './working-day-rule';

const entry = (date: string, kind: HolidayResponse['kind'], name: string): HolidayResponse => ({ date, kind, name, year: Number(date.slice(0, 4)), confirmed: true });

/** 2026 国庆: Thu 10-01 … Wed 10-07 off, Sat 10-10 a make-up working day (as the seed has it). */
const ENTRIES = new Map(
  [...['01', '02', '03', '04', '05', '06', '07'].map((d) => entry(`2026-10-${d}`, 'holiday', '国庆节')), entry('2026-10-10', 'makeupWorkday', '国庆节')].map((e) => [
    e.date,
    e,
  ]),
);

describe('working-day rule (the web side of WorkingDayCalendar)', () => {
  it('takes holidays off, a weekend make-up day on, and otherwise Monday–Friday', () => {
    expect(isWorkingDayIn(ENTRIES, '2026-10-01')).toBe(false); // Thursday, 国庆
    expect(isWorkingDayIn(ENTRIES, '2026-10-10')).toBe(true); // Saturday, 调休上班
    expect(isWorkingDayIn(ENTRIES, '2026-10-11')).toBe(false); // Sunday
    expect(isWorkingDayIn(ENTRIES, '2026-10-09')).toBe(true); // Friday
  });

  it('offers the first working day on or after a date', () => {
    expect(workingDayOnOrAfterIn(ENTRIES, '2026-10-01')).toBe('2026-10-08');
    expect(workingDayOnOrAfterIn(ENTRIES, '2026-10-03')).toBe('2026-10-08');
    expect(workingDayOnOrAfterIn(ENTRIES, '2026-10-08')).toBe('2026-10-08');
    expect(workingDayOnOrAfterIn(ENTRIES, '2026-12-05')).toBe('2026-12-07'); // a plain weekend
  });

  it('steps dates across month and year ends', () => {
    expect(addIsoDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addIsoDays('2028-02-28', 1)).toBe('2028-02-29');
  });

  it('writes a picker date as its local calendar day', () => {
    expect(localIsoDate(new Date(2027, 1, 8, 23, 30))).toBe('2027-02-08');
  });
});
