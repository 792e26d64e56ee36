const preset = require('../../jest.preset.cjs');

// meilisearch's client ships ES modules only; let swc turn it into CommonJS for jest.
const transformIgnorePatterns = ['/node_modules/(?!meilisearch/)'];

module.exports = {
  rootDir: __dirname,
  // Integration hooks boot a real app; jest reads testTimeout here, not per project.
  testTimeout: 60000,
  projects: [
    {
      ...preset,
      transformIgnorePatterns,
      displayName: 'api:unit',
      rootDir: __dirname,
      testMatch: ['<rootDir>/src/**/*.spec.ts'],
    },
    {
      ...preset,
      transformIgnorePatterns,
      displayName: 'api:integration',
      rootDir: __dirname,
      testMatch: ['<rootDir>/test/**/*.int-spec.ts'],
      globalSetup: '<rootDir>/test/global-setup.ts',
      globalTeardown: '<rootDir>/test/global-teardown.ts',
      testTimeout: 60000,
    },
  ],
};
