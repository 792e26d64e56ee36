// What a journey works with beside `page`: axe on every page visited, the other-host guard for a second
// browser, text that settles, GraphQL from inside the page, screenshots for docs/screenshots.
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { BrowserContext, Locator, Page } from '@playwright/test';
import { BASE_URL, SCREENSHOTS } from './app';

/**
 * The LGWAN rule: nothing may be fetched from another host (fonts, CDNs, analytics, workers). Every
 * such request is blocked and recorded as a problem of the journey.
 */
export async function guardOtherHosts(context: BrowserContext, problems: string[]): Promise<void> {
  const origin = new URL(BASE_URL).origin;
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('data:') || url.startsWith('blob:') || new URL(url).origin === origin)
      return route.continue();
    problems.push(`request to another host: ${url}`);
    return route.abort('blockedbyclient');
  });
}

export class Journey {
  checkedPages = 0;
  /** Other browsers (a second person) the journey opened; closed with it. */
  readonly otherContexts: BrowserContext[] = [];

  constructor(
    readonly context: BrowserContext,
    readonly page: Page,
    /** Other-host requests, uncaught page errors and axe violations: any of them fails the journey. */
    readonly problems: string[] = [],
  ) {}

  /** A page in a browser of its own (another person, no shared cookies), held to the same rules. */
  async otherPage({ width = 1280, height = 900 } = {}): Promise<Page> {
    const browser = this.context.browser();
    if (!browser) throw new Error('no browser to open another page in');
    const context = await browser.newContext({
      baseURL: BASE_URL,
      locale: 'ja-JP',
      timezoneId: 'America/Los_Angeles',
      viewport: { width, height },
    });
    this.otherContexts.push(context);
    await guardOtherHosts(context, this.problems);
    const page = await context.newPage();
    page.on('pageerror', (error) => this.problems.push(`uncaught error in the other page: ${error.message}`));
    return page;
  }

  url(path: string): string {
    return `${BASE_URL}${path}`;
  }

  async goto(path: string): Promise<void> {
    await this.page.goto(this.url(path), { waitUntil: 'networkidle' });
  }

  /** axe-core (WCAG 2.1 A/AA and best practice) on the page as it is now; any violation fails the journey. */
  async checkA11y(
    label: string,
    options: { page?: Page; exclude?: string[]; disableRules?: string[] } = {},
  ): Promise<void> {
    let builder = new AxeBuilder({ page: options.page ?? this.page }).withTags([
      'wcag2a',
      'wcag2aa',
      'wcag21a',
      'wcag21aa',
      'best-practice',
    ]);
    for (const selector of options.exclude ?? []) builder = builder.exclude(selector);
    if (options.disableRules) builder = builder.disableRules(options.disableRules);
    const { violations } = await builder.analyze();
    this.checkedPages += 1;
    for (const violation of violations) {
      const targets = violation.nodes
        .slice(0, 3)
        .map((node) => node.target.join(' '))
        .join(', ');
      this.problems.push(
        `axe [${label}] ${violation.id} (${violation.impact}): ${violation.help} — ${targets}`,
      );
    }
  }

  /** A full-page screenshot for the docs: docs/screenshots/<name>.png. */
  async screenshot(name: string, page: Page = this.page): Promise<void> {
    await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
  }

  /** Waits (up to 10 s) until the first match of `locator` shows text matching `pattern`. */
  async expectText(locator: Locator, pattern: string | RegExp, what: string): Promise<string> {
    const matches = (text: string) =>
      pattern instanceof RegExp ? pattern.test(text) : text.includes(pattern);
    const deadline = Date.now() + 10_000;
    let text = '';
    await locator.first().waitFor({ state: 'visible', timeout: 10_000 });
    while (Date.now() < deadline) {
      text = (await locator.first().innerText()).trim();
      if (matches(text)) return text;
      await this.page.waitForTimeout(100);
    }
    throw new Error(`${what}: expected ${pattern}, got "${text}"`);
  }

  /** A GraphQL call from inside the page, with its session cookie (to look up test data). */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- GraphQL answers of any shape
  async graphql(query: string, variables: Record<string, unknown> = {}): Promise<any> {
    return this.page.evaluate(
      async ({ query, variables }) => {
        const response = await fetch('/graphql', {
          method: 'POST',
          credentials: 'same-origin',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query, variables }),
        });
        return response.json();
      },
      { query, variables },
    );
  }

  /** After an action that removes the control used (the page stays): focus is on the page's h1. */
  async expectFocusOnHeading(what: string): Promise<void> {
    await this.page
      .waitForFunction(() => document.activeElement === document.querySelector('main h1'), null, {
        timeout: 5_000,
      })
      .catch(async () => {
        const focused = await this.page.evaluate(() => document.activeElement?.tagName);
        throw new Error(`${what}: focus should be on the page heading, is on <${focused?.toLowerCase()}>`);
      });
  }

  /** Fills and sends the login form on the page shown (Japanese or English). */
  async login(email: string, password: string): Promise<void> {
    const page = this.page;
    await page.getByLabel(/メールアドレス|Email address/).fill(email);
    await page.getByRole('textbox', { name: /^(パスワード|Password)/ }).fill(password);
    await page.getByRole('button', { name: /^(ログインする|Log in)$/ }).click();
  }
}
