import type { HolidayKind, HolidayResponse } from '@luoshi/contracts';

export interface DayCell {
  /** YYYY-MM-DD */
  date: string;
  day: number;
  weekend: boolean;
  kind: HolidayKind | null;
  name: string | null;
}

export interface MonthGrid {
  month: number;
  /** Weeks Monday→Sunday; null pads the days outside the month. */
  weeks: (DayCell | null)[][];
  holidays: number;
  makeupWorkdays: number;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Twelve month grids for `year`, each day marked 休 (holiday) or 班 (make-up workday) where the calendar says so. */
export function yearGrid(year: number, holidays: readonly HolidayResponse[]): MonthGrid[] {
  const byDate = new Map(holidays.map((h) => [h.date, h]));
  return Array.from({ length: 12 }, (_, m) => {
    const first = new Date(Date.UTC(year, m, 1));
    const days = new Date(Date.UTC(year, m + 1, 0)).getUTCDate();
    const lead = (first.getUTCDay() + 6) % 7; // Monday = 0
    const cells: (DayCell | null)[] = Array.from({ length: lead }, () => null);
    let holidayCount = 0;
    let makeupCount = 0;
    for (let d = 1; d <= days; d++) {
      const date = `${year}-${pad(m + 1)}-${pad(d)}`;
      const weekday = (lead + d - 1) % 7;
      const entry = byDate.get(date);
      if (entry?.kind === 'holiday') holidayCount++;
      if (entry?.kind === 'makeupWorkday') makeupCount++;
      cells.push({ date, day: d, weekend: weekday >= 5, kind: entry?.kind ?? null, name: entry?.name ?? null });
    }
    while (cells.length % 7 !== 0) cells.push(null);
    const weeks: (DayCell | null)[][] = [];
    for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
    return { month: m + 1, weeks, holidays: holidayCount, makeupWorkdays: makeupCount };
  });
}

/** 0 = Monday … 6 = Sunday for a YYYY-MM-DD date. */
export function weekdayIndex(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  return (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7;
}
