const preset = require('../../jest.preset.cjs');
module.exports = { ...preset, displayName: 'embedded-runtime', rootDir: __dirname, testMatch: ['<rootDir>/src/**/*.spec.ts'] };
