// Medium tests: the HTTP API against the real PostgreSQL and Redis, one fresh database per run.
const preset = require('./jest.preset');

module.exports = {
  ...preset,
  displayName: 'integration',
  roots: ['<rootDir>/apps/api', '<rootDir>/libs/server'],
  testMatch: ['**/*.e2e-spec.ts'],
  globalSetup: '<rootDir>/apps/api/test/global-setup.ts',
  globalTeardown: '<rootDir>/apps/api/test/global-teardown.ts',
  // No tight per-test timeouts: on a loaded two-core machine starting an app took more than a minute,
  // and a hook that times out leaves its app starting after teardown, failing the suites after it.
  testTimeout: 10 * 60 * 1000,
};
