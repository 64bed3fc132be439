// Medium tests: the HTTP API against the real PostgreSQL and Redis, one fresh database per run.
const preset = require('./jest.preset');

module.exports = {
  ...preset,
  displayName: 'integration',
  roots: ['<rootDir>/apps/api', '<rootDir>/libs/server'],
  testMatch: ['**/*.e2e-spec.ts'],
  globalSetup: '<rootDir>/apps/api/test/global-setup.ts',
  globalTeardown: '<rootDir>/apps/api/test/global-teardown.ts',
  testTimeout: 60000,
};
