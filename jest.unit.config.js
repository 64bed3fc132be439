// Small tests: the pure libs and the framework-free parts of the server libs. No database, no Redis.
const preset = require('./jest.preset');

module.exports = {
  ...preset,
  displayName: 'unit',
  roots: ['<rootDir>/libs', '<rootDir>/apps/api', '<rootDir>/tools'],
  testMatch: ['**/*.spec.ts'],
};
