// The one `test` every journey imports: a fresh browser context per journey (ja-JP, a non-Japanese time
// zone, 1280×900 or the phone project's 375×812), and fixtures for
//   j        the journey's helpers (axe, expectText, graphql, screenshots, a second person's browser);
//            at the end, any request to another host (the LGWAN rule), uncaught page error or axe
//            violation recorded meanwhile fails the journey
//   login    logs in through the form as a demo role ('organiser', 'officer', 'follower') or an address
//   writes   `test.use({ writes: true })` in a journey that changes data: it runs only on an app the
//            global setup started on fresh data, or with E2E_WRITES=1
import { test as base } from '@playwright/test';
import { writesAllowed } from './app';
import { DEMO_USERS, type DemoRole } from './demo';
import { loginAs } from './helpers';
import { Journey, guardOtherHosts } from './journey';

export { expect } from '@playwright/test';

interface JourneyFixtures {
  writes: boolean;
  problems: string[];
  j: Journey;
  login: (who: DemoRole | string, next?: string) => Promise<void>;
}

export const test = base.extend<JourneyFixtures>({
  writes: [false, { option: true }],

  problems: [
    async ({ writes, baseURL }, use, testInfo) => {
      testInfo.skip(writes && !writesAllowed(), `changes data; E2E_WRITES=1 runs it against ${baseURL}`);
      const problems: string[] = [];
      await use(problems);
      if (problems.length) throw new Error(problems.join('\n'));
    },
    { auto: true },
  ],

  context: async ({ context, problems }, use) => {
    await guardOtherHosts(context, problems);
    await use(context);
  },

  page: async ({ page, problems }, use, testInfo) => {
    page.on('pageerror', (error) => problems.push(`uncaught error in the page: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') console.log(`    console error (${testInfo.title}): ${message.text()}`);
    });
    await use(page);
  },

  j: async ({ context, page, problems }, use, testInfo) => {
    const journey = new Journey(context, page, problems);
    await use(journey);
    testInfo.annotations.push({ type: 'axe', description: `${journey.checkedPages} pages checked` });
    for (const other of journey.otherContexts) await other.close().catch(() => {});
  },

  login: async ({ j, page }, use) => {
    await use((who, next = '/') =>
      loginAs(j, page, who in DEMO_USERS ? DEMO_USERS[who as DemoRole].email : who, next),
    );
  },
});
