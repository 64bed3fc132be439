// Small tests: pure libs and services with fakes. No database, no Redis.
const preset = require('./jest.preset');

module.exports = {
  ...preset,
  displayName: 'unit',
  roots: ['<rootDir>/libs', '<rootDir>/apps/api', '<rootDir>/tools'],
  testMatch: ['**/*.spec.ts'],
};
