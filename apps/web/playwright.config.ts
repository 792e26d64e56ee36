// Browser tests of the web client's main journeys (apps/web/e2e/journeys, one file per journey), on
// Playwright Test and the system Chromium (no browser download). See apps/web/e2e/README.md.
import { defineConfig } from '@playwright/test';
import { BASE_URL } from './e2e/app';

// The old runner's name filter, kept: E2E_ONLY='dashboard|phone header' runs the journeys whose name
// contains one of the parts (the same as `-g`, with the parts taken literally).
const only = process.env.E2E_ONLY;
const grep = only
  ? new RegExp(only.split('|').map((part) => part.replace(/[.*+?^${}()[\]\\]/g, '\\$&')).join('|'))
  : undefined;

export default defineConfig({
  testDir: './e2e/journeys',
  outputDir: '../../test-results',
  globalSetup: './e2e/global-setup.ts',
  // The journeys share one app and several change its data (and some count on what an earlier one
  // did): one at a time, in file order (the NN- prefix).
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 180_000,
  ...(grep ? { grep } : {}),
  reporter: [['list']],
  use: {
    baseURL: BASE_URL,
    locale: 'ja-JP',
    // Deliberately not Japan: dates on screen must still be the JST calendar day.
    timezoneId: 'America/Los_Angeles',
    viewport: { width: 1280, height: 900 },
    // playwright-core's own defaults, which the journeys were written against (Playwright Test has none).
    actionTimeout: 30_000,
    navigationTimeout: 30_000,
    // Kept for failed journeys only: DOM snapshots and sources of every step (no screencast: on this
    // two-core machine its frames cost run time that the snapshots do not need).
    trace: { mode: 'retain-on-failure', screenshots: false, snapshots: true, sources: true },
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [
    { name: 'desktop', testIgnore: /\.phone\.spec\.ts$/ },
    // The journeys that run at phone width from their start (files named *.phone.spec.ts).
    { name: 'phone', testMatch: /\.phone\.spec\.ts$/, use: { viewport: { width: 375, height: 812 } } },
  ],
});
