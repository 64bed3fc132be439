import type { IndicatorComparison, IndicatorPoint, IndicatorTarget } from '@luoshi/contracts';
import { AT_RISK_GAP_FRACTION, assessIndicator, EQ_TOLERANCE_FRACTION, fitLinearTrend, meetsTarget, shortfall } from './assess-indicator';

const assess = (
  comparison: IndicatorComparison,
  targets: IndicatorTarget[],
  observations: IndicatorPoint[],
  baseline: IndicatorPoint | null = null,
  currentYear = 2026,
) => assessIndicator({ comparison, targets, observations, baseline, currentYear });

/** 研发经费投入强度 ≥ 3% by 2025, baseline 2.0 (2020). */
const rd = (observations: IndicatorPoint[]) => assess('gte', [{ year: 2025, value: 3 }], observations, { year: 2020, value: 2 });
/** PM2.5 ≤ 30 微克/立方米 by 2025, baseline 40 (2020). */
const pm25 = (observations: IndicatorPoint[]) => assess('lte', [{ year: 2025, value: 30 }], observations, { year: 2020, value: 40 });
/** 断面水质达标率 = 100% by 2025, baseline 90 (2020). */
const water = (observations: IndicatorPoint[]) => assess('eq', [{ year: 2025, value: 100 }], observations, { year: 2020, value: 90 });

describe(fitLinearTrend.name, () => {
  it('fits the least squares line through two points exactly', () => {
    const line = fitLinearTrend([{ year: 2020, value: 1 }, { year: 2021, value: 3 }])!;
    expect(line.slope).toBeCloseTo(2, 12);
    expect(line.intercept + line.slope * 2022).toBeCloseTo(5, 9);
  });

  it('fits three points by least squares (not through the last two)', () => {
    const line = fitLinearTrend([{ year: 2020, value: 2 }, { year: 2023, value: 2.5 }, { year: 2024, value: 2.9 }])!;
    // Σ(x−x̄)(y−ȳ) / Σ(x−x̄)² = 1.8333… / 8.6666… = 0.21154
    expect(line.slope).toBeCloseTo(0.211538, 5);
    expect(line.intercept + line.slope * 2025).toBeCloseTo(3.030769, 5);
  });

  it('gives no line for fewer than two distinct years', () => {
    expect(fitLinearTrend([])).toBeNull();
    expect(fitLinearTrend([{ year: 2023, value: 1 }])).toBeNull();
    expect(fitLinearTrend([{ year: 2023, value: 1 }, { year: 2023, value: 2 }])).toBeNull();
  });
});

describe(meetsTarget.name, () => {
  it('reads the direction: ≥, ≤ and = within the tolerance', () => {
    expect(meetsTarget('gte', 3, 3)).toBe(true);
    expect(meetsTarget('gte', 2.99, 3)).toBe(false);
    expect(meetsTarget('lte', 30, 30)).toBe(true);
    expect(meetsTarget('lte', 30.1, 30)).toBe(false);
    expect(meetsTarget('lte', 12, 30)).toBe(true);
    expect(meetsTarget('eq', 100 - 100 * EQ_TOLERANCE_FRACTION, 100)).toBe(true);
    expect(meetsTarget('eq', 101, 100)).toBe(true);
    expect(meetsTarget('eq', 101.5, 100)).toBe(false);
    expect(meetsTarget('eq', 98.4, 100)).toBe(false);
  });

  it('forgives floating-point noise', () => {
    expect(meetsTarget('gte', 0.1 + 0.2 - 0.3 + 3 - 1e-15, 3)).toBe(true);
    expect(meetsTarget('lte', 30 + 1e-12, 30)).toBe(true);
  });

  it('measures the shortfall in the target unit', () => {
    expect(shortfall('gte', 2.5, 3)).toBeCloseTo(0.5);
    expect(shortfall('lte', 32, 30)).toBeCloseTo(2);
    expect(shortfall('eq', 95, 100)).toBeCloseTo(4);
  });
});

describe(assessIndicator.name, () => {
  describe('≥ (研发经费投入强度 ≥ 3%)', () => {
    it('is no_data without an approved value, whatever the baseline', () => {
      const a = rd([]);
      expect(a.status).toBe('no_data');
      expect(a.horizons).toEqual([{ year: 2025, target: 3, projected: null, status: 'no_data', basis: 'none' }]);
      expect(a.latest).toBeNull();
      expect(a.trend).toBeNull();
    });

    it('is off_track when the trend from the baseline misses by 10% of the gap or more', () => {
      // (2020, 2.0) → (2023, 2.5): 2025 → 2.833, short by 0.167 of a gap of 1.0.
      const a = rd([{ year: 2023, value: 2.5 }]);
      expect(a.status).toBe('off_track');
      expect(a.horizons[0]).toMatchObject({ basis: 'projected', status: 'off_track' });
      expect(a.horizons[0].projected).toBeCloseTo(2.8333, 4);
    });

    it('is at_risk when the trend misses by less than 10% of the gap', () => {
      // (2020, 2.0) → (2023, 2.55): 2025 → 2.9167, short by 0.083 < 0.1.
      const a = rd([{ year: 2023, value: 2.55 }]);
      expect(a.status).toBe('at_risk');
      expect(a.horizons[0].projected).toBeCloseTo(2.9167, 4);
    });

    it('is on_track when the least squares trend reaches the target by the horizon', () => {
      const a = rd([{ year: 2023, value: 2.5 }, { year: 2024, value: 2.9 }]);
      expect(a.status).toBe('on_track');
      expect(a.horizons[0].projected).toBeCloseTo(3.0308, 4);
      expect(a.trend!.slope).toBeCloseTo(0.211538, 5);
    });

    it('is on_track when the projection lands exactly on the target', () => {
      // (2020, 2.0) → (2023, 2.6): slope 0.2, 2025 → 3.0 (up to rounding).
      expect(rd([{ year: 2023, value: 2.6 }]).status).toBe('on_track');
    });

    it('is achieved as soon as the latest value meets the target, before the horizon', () => {
      const a = rd([{ year: 2023, value: 3.1 }]);
      expect(a.status).toBe('achieved');
      expect(a.horizons[0]).toMatchObject({ basis: 'observed', projected: null });
    });

    it('is achieved or off_track on the horizon year’s own value once it is reported', () => {
      expect(rd([{ year: 2024, value: 2.9 }, { year: 2025, value: 3.05 }]).status).toBe('achieved');
      const missed = rd([{ year: 2024, value: 3.2 }, { year: 2025, value: 2.95 }]);
      expect(missed.status).toBe('off_track');
      expect(missed.horizons[0].basis).toBe('observed');
    });

    it('judges a passed horizon without its own year on the first later value', () => {
      const a = assess('gte', [{ year: 2022, value: 2.5 }], [{ year: 2021, value: 2 }, { year: 2023, value: 2.6 }]);
      expect(a.horizons[0]).toMatchObject({ status: 'achieved', basis: 'observed' });
      const b = assess('gte', [{ year: 2022, value: 2.5 }], [{ year: 2021, value: 2 }, { year: 2023, value: 2.4 }]);
      expect(b.horizons[0].status).toBe('off_track');
    });
  });

  describe('≤ (PM2.5 ≤ 30)', () => {
    it('is on_track when the falling trend reaches the ceiling', () => {
      // (2020, 40) → (2022, 36): −2 a year, 2025 → 30.
      expect(pm25([{ year: 2022, value: 36 }]).status).toBe('on_track');
    });

    it('is at_risk when the projection stays above by less than 10% of the gap', () => {
      // → (2022, 36.2): −1.9 a year, 2025 → 30.5; above by 0.5 < 1.0 (10% of 40 − 30).
      const a = pm25([{ year: 2022, value: 36.2 }]);
      expect(a.status).toBe('at_risk');
      expect(a.horizons[0].projected).toBeCloseTo(30.5, 6);
    });

    it('is off_track when the projection stays above by 10% of the gap or more', () => {
      expect(pm25([{ year: 2022, value: 36.5 }]).status).toBe('off_track'); // → 31.25: above by 1.25 ≥ 1.0
      expect(pm25([{ year: 2022, value: 37 }]).status).toBe('off_track');
    });

    it('is off_track when the values rise instead of falling', () => {
      expect(pm25([{ year: 2022, value: 42 }]).status).toBe('off_track');
    });

    it('is achieved below the ceiling, and off_track when the horizon year is above it', () => {
      expect(pm25([{ year: 2024, value: 29 }]).status).toBe('achieved');
      expect(pm25([{ year: 2024, value: 29 }, { year: 2025, value: 31 }]).status).toBe('off_track');
    });
  });

  describe('= (达标率 = 100%)', () => {
    it('is achieved within the tolerance', () => {
      expect(water([{ year: 2024, value: 99.5 }]).status).toBe('achieved');
    });

    it('is on_track when the trend lands within the tolerance', () => {
      expect(water([{ year: 2022, value: 94 }]).status).toBe('on_track'); // → 100
      expect(water([{ year: 2022, value: 94.2 }]).status).toBe('on_track'); // → 100.5
    });

    it('is at_risk when the trend lands just outside the tolerance, below or above', () => {
      expect(water([{ year: 2022, value: 93.4 }]).status).toBe('at_risk'); // → 98.5: outside by 0.5 < 1.0
      expect(water([{ year: 2022, value: 94.6 }]).status).toBe('at_risk'); // → 101.5: outside by 0.5
    });

    it('is off_track when the trend overshoots far past the target', () => {
      expect(water([{ year: 2022, value: 98 }]).status).toBe('off_track'); // → 110
    });
  });

  describe('several horizons (2022, 2025, 2035)', () => {
    const targets = [
      { year: 2035, value: 4 },
      { year: 2022, value: 2.5 },
      { year: 2025, value: 3 },
    ];
    const observations = [{ year: 2021, value: 2.2 }, { year: 2022, value: 2.4 }];
    const baseline = { year: 2020, value: 2 };

    it('judges each horizon and sorts them by year', () => {
      const a = assess('gte', targets, observations, baseline, 2026);
      expect(a.horizons.map((h) => [h.year, h.status, h.basis])).toEqual([
        [2022, 'off_track', 'observed'],
        [2025, 'on_track', 'projected'],
        [2035, 'on_track', 'projected'],
      ]);
      expect(a.horizons[1].projected).toBeCloseTo(3, 6);
      expect(a.horizons[2].projected).toBeCloseTo(5, 6);
    });

    it('takes the status of the first horizon not before the current year, else the last', () => {
      expect(assess('gte', targets, observations, baseline, 2022)).toMatchObject({ currentHorizonYear: 2022, status: 'off_track' });
      expect(assess('gte', targets, observations, baseline, 2024)).toMatchObject({ currentHorizonYear: 2025, status: 'on_track' });
      expect(assess('gte', targets, observations, baseline, 2026)).toMatchObject({ currentHorizonYear: 2035, status: 'on_track' });
      expect(assess('gte', targets, observations, baseline, 2040)).toMatchObject({ currentHorizonYear: 2035, status: 'on_track' });
    });
  });

  describe('edge cases', () => {
    it('projects a single value flat when there is no baseline, against the gap from that value', () => {
      const a = assess('gte', [{ year: 2025, value: 3 }], [{ year: 2023, value: 2.5 }]);
      expect(a.trend).toBeNull();
      expect(a.horizons[0]).toMatchObject({ projected: 2.5, status: 'off_track' });
    });

    it('lets a reported value replace the baseline of the same year in the fit', () => {
      const a = assess('gte', [{ year: 2025, value: 3 }], [{ year: 2020, value: 2.2 }], { year: 2020, value: 2 });
      expect(a.trend).toBeNull();
      expect(a.horizons[0]).toMatchObject({ projected: 2.2, status: 'off_track' });
    });

    it('keeps the last value given for a year', () => {
      const a = rd([{ year: 2023, value: 2 }, { year: 2023, value: 3.2 }]);
      expect(a.observations).toEqual([{ year: 2023, value: 3.2 }]);
      expect(a.status).toBe('achieved');
    });

    it('sorts observations and reports the latest year', () => {
      const a = rd([{ year: 2024, value: 2.9 }, { year: 2022, value: 2.4 }]);
      expect(a.observations.map((o) => o.year)).toEqual([2022, 2024]);
      expect(a.latest).toEqual({ year: 2024, value: 2.9 });
    });

    it('uses |target| as the gap when the starting value equals the target', () => {
      // Baseline 3 = target; (2023, 2.9) → 2025: 2.833, short by 0.167 < 10% of 3.
      expect(assess('gte', [{ year: 2025, value: 3 }], [{ year: 2023, value: 2.9 }], { year: 2020, value: 3 }).status).toBe('at_risk');
    });

    it('uses 1 as the gap when both the starting value and the target are zero', () => {
      // 新增污染事件 ≤ 0: baseline 0, (2023, 0.5) → slope 1/6, 2025: 0.833, above by 0.833 ≥ 0.1.
      expect(assess('lte', [{ year: 2025, value: 0 }], [{ year: 2023, value: 0.5 }], { year: 2020, value: 0 }).status).toBe('off_track');
    });

    it('is no_data with no targets at all', () => {
      const a = assess('gte', [], [{ year: 2023, value: 1 }]);
      expect(a).toMatchObject({ horizons: [], status: 'no_data', currentHorizonYear: null, latest: { year: 2023, value: 1 } });
    });

    it('uses the documented threshold', () => {
      expect(AT_RISK_GAP_FRACTION).toBe(0.1);
      expect(EQ_TOLERANCE_FRACTION).toBe(0.01);
    });
  });
});
