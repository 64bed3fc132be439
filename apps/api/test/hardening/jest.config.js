// `npm run test:hardening`: hostile inputs, documents, access matrix, faults and reminder recovery
// against the real PostgreSQL and Redis (fresh database per run, like the integration tests).
// No tight per-test timeouts: the suite must pass on a slow, shared two-core machine.
const path = require('node:path');
const preset = require('../../../../jest.preset');

module.exports = {
  ...preset,
  rootDir: path.join(__dirname, '../../../..'),
  displayName: 'hardening',
  roots: ['<rootDir>/apps/api/test/hardening'],
  testMatch: ['**/*.hardening-spec.ts'],
  globalSetup: '<rootDir>/apps/api/test/global-setup.ts',
  globalTeardown: '<rootDir>/apps/api/test/global-teardown.ts',
  testTimeout: 30 * 60 * 1000,
};
