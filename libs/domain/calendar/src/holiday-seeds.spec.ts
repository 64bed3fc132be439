// Checks the shipped seeds/holidays/*.json against the State Council's notices, and checks
// the weekday facts those notices state, with code rather than by eye.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { HolidayYear } from './holiday-types';
import { addDays, isWeekend, weekdayOf, type IsoDate } from './iso-date';
import { validateHolidayYear } from './validate-holiday-year';
import { WorkingDayCalendar } from './working-day-calendar';

/** The shipped seed file for a year (read from disk: test code only, the library does no I/O). */
const loadSeed = (year: number): unknown =>
  JSON.parse(readFileSync(join(__dirname, '../../../../seeds/holidays', `${year}.json`), 'utf8'));
const seed2025 = loadSeed(2025);
const seed2026 = loadSeed(2026);
const seed2027 = loadSeed(2027);

function range(from: IsoDate, to: IsoDate): IsoDate[] {
  const out: IsoDate[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
}

const years: Record<number, HolidayYear> = {
  2025: validateHolidayYear(seed2025),
  2026: validateHolidayYear(seed2026),
  2027: validateHolidayYear(seed2027),
};
const dates = (y: HolidayYear, kind: 'holiday' | 'makeupWorkday') => y.entries.filter((e) => e.kind === kind).map((e) => e.date);

// 国办发明电〔2024〕12号, published 2024-11-12.
const HOLIDAYS_2025: Record<string, IsoDate[]> = {
  元旦: ['2025-01-01'],
  春节: range('2025-01-28', '2025-02-04'),
  清明节: range('2025-04-04', '2025-04-06'),
  劳动节: range('2025-05-01', '2025-05-05'),
  端午节: range('2025-05-31', '2025-06-02'),
  '国庆节、中秋节': range('2025-10-01', '2025-10-08'),
};
const MAKEUP_2025 = ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'];

// 国务院办公厅关于2026年部分节假日安排的通知, published 2025-11-04.
const HOLIDAYS_2026: Record<string, IsoDate[]> = {
  元旦: range('2026-01-01', '2026-01-03'),
  春节: range('2026-02-15', '2026-02-23'),
  清明节: range('2026-04-04', '2026-04-06'),
  劳动节: range('2026-05-01', '2026-05-05'),
  端午节: range('2026-06-19', '2026-06-21'),
  中秋节: range('2026-09-25', '2026-09-27'),
  国庆节: range('2026-10-01', '2026-10-07'),
};
const MAKEUP_2026 = ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'];

const SUN = 0, MON = 1, TUE = 2, WED = 3, THU = 4, FRI = 5, SAT = 6;

describe('holiday seed files', () => {
  it('each file is a valid HolidayYear for the year in its name', () => {
    expect(years[2025].year).toBe(2025);
    expect(years[2026].year).toBe(2026);
    expect(years[2027].year).toBe(2027);
  });

  it('stores entries sorted by date, as the validator would return them', () => {
    for (const raw of [seed2025, seed2026, seed2027]) {
      const ds = (raw as HolidayYear).entries.map((e) => e.date);
      expect(ds).toEqual([...ds].sort());
    }
  });

  it('cites the State Council notice as the source of 2025 and 2026, which are confirmed', () => {
    expect(years[2025].confirmed).toBe(true);
    expect(years[2025].source).toContain('国务院办公厅关于2025年部分节假日安排的通知');
    expect(years[2026].confirmed).toBe(true);
    expect(years[2026].source).toContain('国务院办公厅关于2026年部分节假日安排的通知');
  });

  it.each(Object.entries(HOLIDAYS_2025))('lists every 2025 %s day as a holiday', (name, days) => {
    for (const d of days) {
      expect(years[2025].entries).toContainEqual({ date: d, kind: 'holiday', name });
    }
  });

  it.each(Object.entries(HOLIDAYS_2026))('lists every 2026 %s day as a holiday', (name, days) => {
    for (const d of days) {
      expect(years[2026].entries).toContainEqual({ date: d, kind: 'holiday', name });
    }
  });

  it('has exactly the 2025 holidays (28 days) and make-up working days of the notice, nothing else', () => {
    expect(dates(years[2025], 'holiday')).toEqual(Object.values(HOLIDAYS_2025).flat().sort());
    expect(dates(years[2025], 'holiday')).toHaveLength(28);
    expect(dates(years[2025], 'makeupWorkday')).toEqual(MAKEUP_2025);
  });

  it('has exactly the 2026 holidays (33 days) and make-up working days of the notice, nothing else', () => {
    expect(dates(years[2026], 'holiday')).toEqual(Object.values(HOLIDAYS_2026).flat().sort());
    expect(dates(years[2026], 'holiday')).toHaveLength(33);
    expect(dates(years[2026], 'makeupWorkday')).toEqual(MAKEUP_2026);
  });

  it('puts every make-up working day on a Saturday or Sunday', () => {
    for (const d of [...MAKEUP_2025, ...MAKEUP_2026]) expect(isWeekend(d)).toBe(true);
  });

  it('matches the weekdays printed in the 2025 notice', () => {
    const printed: [IsoDate, number][] = [
      ['2025-01-01', WED],
      ['2025-01-28', TUE], ['2025-02-04', TUE], ['2025-01-26', SUN], ['2025-02-08', SAT],
      ['2025-04-04', FRI], ['2025-04-06', SUN],
      ['2025-05-01', THU], ['2025-05-05', MON], ['2025-04-27', SUN],
      ['2025-05-31', SAT], ['2025-06-02', MON],
      ['2025-10-01', WED], ['2025-10-08', WED], ['2025-09-28', SUN], ['2025-10-11', SAT],
    ];
    for (const [d, w] of printed) expect([d, weekdayOf(d)]).toEqual([d, w]);
  });

  it('matches the weekdays printed in the 2026 notice', () => {
    const printed: [IsoDate, number][] = [
      ['2026-01-01', THU], ['2026-01-03', SAT], ['2026-01-04', SUN],
      ['2026-02-15', SUN], ['2026-02-23', MON], ['2026-02-14', SAT], ['2026-02-28', SAT],
      ['2026-04-04', SAT], ['2026-04-06', MON],
      ['2026-05-01', FRI], ['2026-05-05', TUE], ['2026-05-09', SAT],
      ['2026-06-19', FRI], ['2026-06-21', SUN],
      ['2026-09-25', FRI], ['2026-09-27', SUN],
      ['2026-10-01', THU], ['2026-10-07', WED], ['2026-09-20', SUN], ['2026-10-10', SAT],
    ];
    for (const [d, w] of printed) expect([d, weekdayOf(d)]).toEqual([d, w]);
  });

  it('gives 248 working days in 2025 and 248 in 2026 (counted by hand from the notices)', () => {
    const calendar = new WorkingDayCalendar([years[2025], years[2026]]);
    expect(calendar.countWorkingDays('2024-12-31', '2025-12-31')).toBe(248);
    expect(calendar.countWorkingDays('2025-12-31', '2026-12-31')).toBe(248);
  });

  it('ships 2027 unconfirmed, with only the statutory holiday days and no make-up days', () => {
    const y = years[2027];
    expect(y.confirmed).toBe(false);
    expect(y.source).toContain('国务院');
    expect(y.source).toContain('未确认');
    expect(dates(y, 'makeupWorkday')).toEqual([]);
    expect(y.entries.map((e) => [e.date, e.name])).toEqual([
      ['2027-01-01', '元旦'],
      ['2027-02-05', '春节'], // 除夕
      ['2027-02-06', '春节'], // 正月初一
      ['2027-02-07', '春节'],
      ['2027-02-08', '春节'],
      ['2027-04-05', '清明节'],
      ['2027-05-01', '劳动节'],
      ['2027-05-02', '劳动节'],
      ['2027-06-09', '端午节'],
      ['2027-09-15', '中秋节'],
      ['2027-10-01', '国庆节'],
      ['2027-10-02', '国庆节'],
      ['2027-10-03', '国庆节'],
    ]);
  });

  it('is reported as unconfirmed by a calendar built from all three seeds', () => {
    const calendar = new WorkingDayCalendar(Object.values(years));
    expect(calendar.unconfirmedYears()).toEqual([2027]);
    expect(calendar.isYearConfirmed(2026)).toBe(true);
    expect(calendar.isYearConfirmed(2027)).toBe(false);
    expect(calendar.isYearKnown(2027)).toBe(true);
  });
});
