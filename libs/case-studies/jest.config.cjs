const preset = require('../../jest.preset.cjs');
module.exports = { ...preset, displayName: 'case-studies', rootDir: __dirname, testMatch: ['<rootDir>/src/**/*.spec.ts'] };
