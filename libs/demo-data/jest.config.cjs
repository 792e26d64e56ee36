const preset = require('../../jest.preset.cjs');
module.exports = { ...preset, displayName: 'demo-data', rootDir: __dirname, testMatch: ['<rootDir>/src/**/*.spec.ts'] };
