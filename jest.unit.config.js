// Small tests: the pure libs and the framework-free parts of the server libs. No database, no Redis.
// Two projects: everything on SWC in Node, and the web kit's component tests (*.dom.spec.ts),
// which render Angular components in jsdom and need Angular's JIT compiler (jest-preset-angular).
const preset = require('./jest.preset');
const { createCjsPreset } = require('jest-preset-angular/presets');

// jest-preset-angular's own jsdom environment (on the jsdom package): no jest-environment-jsdom needed.
const angular = createCjsPreset({ tsconfig: '<rootDir>/libs/web/tsconfig.spec.json', testEnvironment: 'jest-preset-angular/environments/jest-jsdom-env' });

module.exports = {
  projects: [
    {
      ...preset,
      displayName: 'unit',
      roots: ['<rootDir>/libs', '<rootDir>/apps/api', '<rootDir>/tools'],
      testMatch: ['**/*.spec.ts'],
      testPathIgnorePatterns: [...preset.testPathIgnorePatterns, '\\.dom\\.spec\\.ts$'],
    },
    {
      ...angular,
      rootDir: __dirname,
      displayName: 'web-dom',
      roots: ['<rootDir>/libs/web'],
      testMatch: ['**/*.dom.spec.ts'],
      moduleNameMapper: preset.moduleNameMapper,
      setupFilesAfterEnv: ['<rootDir>/libs/web/test-setup.ts'],
      testPathIgnorePatterns: preset.testPathIgnorePatterns,
    },
  ],
};
