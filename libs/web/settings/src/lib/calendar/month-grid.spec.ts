import type { HolidayResponse } from '@luoshi/contracts';
import { weekdayIndex, yearGrid } from './month-grid';

const h = (date: string, kind: HolidayResponse['kind'], name: string): HolidayResponse => ({ date, kind, name, year: 2026, confirmed: true });

describe('yearGrid', () => {
  const grid = yearGrid(2026, [h('2026-01-01', 'holiday', '元旦'), h('2026-01-04', 'makeupWorkday', '元旦调休上班')]);

  it('lays out twelve months Monday first', () => {
    expect(grid).toHaveLength(12);
    const january = grid[0];
    // 2026-01-01 is a Thursday: three empty cells before it.
    expect(january.weeks[0].slice(0, 3)).toEqual([null, null, null]);
    expect(january.weeks[0][3]).toMatchObject({ date: '2026-01-01', day: 1, kind: 'holiday', name: '元旦' });
    expect(january.weeks.every((week) => week.length === 7)).toBe(true);
    expect(grid[1].weeks.flat().filter(Boolean)).toHaveLength(28);
  });

  it('marks weekends and counts 休 and 班', () => {
    const sunday = grid[0].weeks.flat().find((c) => c?.date === '2026-01-04');
    expect(sunday).toMatchObject({ weekend: true, kind: 'makeupWorkday' });
    expect(grid[0].holidays).toBe(1);
    expect(grid[0].makeupWorkdays).toBe(1);
  });

  it('gives weekday indexes Monday = 0', () => {
    expect(weekdayIndex('2026-01-01')).toBe(3);
    expect(weekdayIndex('2026-01-04')).toBe(6);
  });
});
