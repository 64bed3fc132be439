import { countByStatus, currentMonth, figure, percent } from './health';
import { pointText, sparkGeometry, targetsText } from './indicator-format';

describe('indicator formatting', () => {
  it('writes points and targets as the bulletin does', () => {
    expect(pointText({ year: 2025, value: 75.2 })).toBe('75.2（2025）');
    expect(pointText(null)).toBe('—');
    expect(targetsText('gte', [{ year: 2025, value: 30 }, { year: 2035, value: 40 }])).toBe('≥ 30（2025）；≥ 40（2035）');
    expect(targetsText('lte', [])).toBe('—');
  });

  it('rounds figures and rates', () => {
    expect(figure(2.345678)).toBe('2.35');
    expect(figure(3)).toBe('3');
    expect(figure(null)).toBe('—');
    expect(percent(0.1084)).toBe('10.8%');
    expect(percent(null)).toBe('—');
  });

  it('takes the month in Beijing time', () => {
    expect(currentMonth(new Date('2026-11-30T17:00:00Z'))).toBe('2026-12');
    expect(currentMonth(new Date('2026-11-30T15:00:00Z'))).toBe('2026-11');
  });

  it('counts indicators by status, every status listed in order', () => {
    const counted = countByStatus([{ status: 'at_risk' }, { status: 'achieved' }, { status: 'at_risk' }]);
    expect(counted).toEqual([
      { status: 'achieved', n: 1 },
      { status: 'on_track', n: 0 },
      { status: 'at_risk', n: 2 },
      { status: 'off_track', n: 0 },
      { status: 'no_data', n: 0 },
    ]);
    expect(countByStatus([]).every((c) => c.n === 0)).toBe(true);
  });
});

describe('sparkGeometry', () => {
  it('scales the values into the box and draws a dashed line to the target', () => {
    const g = sparkGeometry(
      [
        { year: 2020, value: 0 },
        { year: 2022, value: 50 },
      ],
      { year: 2025, value: 100 },
      106,
      26,
      3,
    );
    expect(g.observed).toBe('3,23 43,13');
    expect(g.last).toEqual({ x: 43, y: 13 });
    expect(g.target).toEqual({ x: 103, y: 3 });
    expect(g.toTarget).toBe('43,13 103,3');
  });

  it('has nothing to draw without values, and no dashed line when the target year has passed', () => {
    expect(sparkGeometry([], { year: 2025, value: 1 }, 88, 26).last).toBeNull();
    const g = sparkGeometry([{ year: 2025, value: 1 }, { year: 2026, value: 2 }], { year: 2025, value: 2 }, 88, 26);
    expect(g.toTarget).toBeNull();
  });
});
