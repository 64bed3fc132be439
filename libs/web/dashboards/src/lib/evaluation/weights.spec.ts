import { DEFAULT_WEIGHTS, sameWeights, scoreHealth, weightsSum, weightsValid } from './weights';

describe('evaluation weights', () => {
  it('accepts whole numbers adding up to 100', () => {
    expect(weightsSum(DEFAULT_WEIGHTS)).toBe(100);
    expect(weightsValid(DEFAULT_WEIGHTS)).toBe(true);
    expect(weightsValid({ acceptance: 0, reporting: 0, overdue: 0, completion: 100 })).toBe(true);
  });

  it('refuses other sums, fractions and out-of-range values', () => {
    expect(weightsValid({ acceptance: 25, reporting: 25, overdue: 25, completion: 20 })).toBe(false);
    expect(weightsValid({ acceptance: 20.5, reporting: 19.5, overdue: 30, completion: 30 })).toBe(false);
    expect(weightsValid({ acceptance: -10, reporting: 50, overdue: 30, completion: 30 })).toBe(false);
    expect(weightsSum({ acceptance: 25, reporting: 25, overdue: 25, completion: 20 })).toBe(95);
  });

  it('compares weight sets', () => {
    expect(sameWeights(DEFAULT_WEIGHTS, { ...DEFAULT_WEIGHTS })).toBe(true);
    expect(sameWeights(DEFAULT_WEIGHTS, { ...DEFAULT_WEIGHTS, overdue: 31 })).toBe(false);
  });

  it('bands scores like task health: 85 green, 60 amber, below red', () => {
    expect([100, 85, 84.9, 60, 59.9, 0].map(scoreHealth)).toEqual(['green', 'green', 'amber', 'amber', 'red', 'red']);
  });
});
