const preset = require('../../jest.preset.cjs');

// Unit tests of the web's pure modules (form models, parsers, formatting): node environment, no DOM, no
// React rendering; pages and components are covered by the browser journeys (e2e/). The machine's zone is
// set away from Japan so that a test passes only if the code computes Japan time itself, as it must in a
// browser anywhere.
process.env.TZ = 'America/Los_Angeles';

module.exports = {
  ...preset,
  displayName: 'web',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
