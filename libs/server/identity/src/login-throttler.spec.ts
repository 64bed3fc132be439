import { backoffSeconds } from './login-throttler';

describe(backoffSeconds.name, () => {
  it('starts at a minute and doubles with every further failure, capped at an hour', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 7].map(backoffSeconds)).toEqual([60, 120, 240, 480, 960, 1920, 3600, 3600]);
    expect(backoffSeconds(1000)).toBe(3600);
  });
});
