const preset = require('../../jest.preset.cjs');

// meilisearch's client, file-type (with its tokenizer packages) and @fastify/static's content-disposition
// ship ES modules only; let swc turn them into CommonJS for jest (the built app loads them with Node's
// require of ES modules). @fastify/static is listed so that its own node_modules/ is looked into.
const transformIgnorePatterns = [
  '/node_modules/(?!(meilisearch|file-type|strtok3|token-types|@tokenizer|uint8array-extras|@borewit|@fastify/static|content-disposition)/)',
];

// file-type's package.json offers Node only an `import` entry, which jest's CommonJS resolver does not
// take: point it at the same module file.
const moduleNameMapper = {
  ...preset.moduleNameMapper,
  '^file-type$': require('node:path').join(__dirname, '../../node_modules/file-type/index.js'),
};

module.exports = {
  rootDir: __dirname,
  // Integration hooks boot a real app; jest reads testTimeout here, not per project.
  testTimeout: 60000,
  projects: [
    {
      ...preset,
      transformIgnorePatterns,
      moduleNameMapper,
      displayName: 'api:unit',
      rootDir: __dirname,
      testMatch: ['<rootDir>/src/**/*.spec.ts'],
    },
    {
      ...preset,
      transformIgnorePatterns,
      moduleNameMapper,
      displayName: 'api:integration',
      rootDir: __dirname,
      testMatch: ['<rootDir>/test/**/*.int-spec.ts'],
      globalSetup: '<rootDir>/test/global-setup.ts',
      globalTeardown: '<rootDir>/test/global-teardown.ts',
      testTimeout: 60000,
    },
  ],
};
