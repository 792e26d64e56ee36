#!/usr/bin/env node
/* global fetch, AbortSignal, setTimeout, URL, document, localStorage, window -- Node 20 globals, and the browser's in page.evaluate() callbacks */
// Browser tests of the web client's main journeys, on plain Node + playwright-core (no test-runner
// download) and the system Chromium.
//
//   node apps/web/e2e/run.mjs                               start the app with `npm start` (port 3999, data
//                                                           in .data/e2e), wait for /health "ok", then test
//   BASE_URL=http://localhost:3000 node apps/web/e2e/run.mjs test an app that is already running
//
// Every journey fails on a request to any host other than the app's (municipal networks such as
// LGWAN block them), on an uncaught page error, and on any axe-core violation (WCAG 2.1 A/AA) of a
// page it visits. Screenshots go to docs/screenshots/. The last line is `N passed, N failed`.
import { spawn } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const screenshots = join(root, 'docs/screenshots');
const ORGANISER = {
  email: 'organiser@yokoten.example',
  password: process.env.DEMO_PASSWORD ?? 'yokoten-demo',
};
const STARTUP_TIMEOUT_MS = Number(process.env.E2E_STARTUP_TIMEOUT_MS ?? 300_000);
const only = process.argv.slice(2).find((arg) => !arg.startsWith('-'));

// ---------------------------------------------------------------- app under test

let appProcess;
let baseUrl = process.env.BASE_URL?.replace(/\/$/, '');
// Journeys that change data (admit, withdraw, sign) run on an app this runner started on fresh data,
// or anywhere when E2E_WRITES=1; never by surprise on someone's running instance.
let writesAllowed = process.env.E2E_WRITES === '1';

async function health(url) {
  try {
    const response = await fetch(`${url}/health`, { signal: AbortSignal.timeout(2_000) });
    const body = await response.json();
    return body.status;
  } catch {
    return undefined;
  }
}

async function startApp() {
  const port = process.env.E2E_PORT ?? '3999';
  baseUrl = `http://localhost:${port}`;
  console.log(`starting the app with \`npm start\` on port ${port}…`);
  if (!process.env.DATA_DIR) {
    // Fresh demo data on every run, so that the journeys that change data find what they need.
    rmSync(join(root, '.data/e2e'), { recursive: true, force: true });
    writesAllowed = true;
  }
  appProcess = spawn('npm', ['start'], {
    cwd: root,
    // Its own data directory and service ports, so that the tests neither touch the developer's data
    // nor collide with an instance that is already running; override any of them from the environment.
    env: {
      DATA_DIR: join(root, '.data/e2e'),
      EMBEDDED_PG_PORT: '54339',
      EMBEDDED_MEILI_PORT: '7719',
      ...process.env,
      PORT: port,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true, // its own process group, so that stopping it also stops PostgreSQL and Meilisearch
  });
  let output = '';
  const keep = (chunk) => {
    output = (output + chunk).slice(-8_000);
  };
  appProcess.stdout.on('data', keep);
  appProcess.stderr.on('data', keep);
  let exited = false;
  appProcess.on('exit', () => (exited = true));
  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (exited) throw new Error(`\`npm start\` exited before the app was healthy:\n${output}`);
    if ((await health(baseUrl)) === 'ok') return;
    await new Promise((r) => setTimeout(r, 1_000));
  }
  throw new Error(`the app did not report /health "ok" within ${STARTUP_TIMEOUT_MS / 1000}s:\n${output}`);
}

function stopApp() {
  if (appProcess && appProcess.exitCode === null) {
    try {
      process.kill(-appProcess.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
}

// ---------------------------------------------------------------- harness

const tests = [];
const test = (name, fn, options = {}) => tests.push({ name, fn, ...options });

class Journey {
  constructor(context, page) {
    this.context = context;
    this.page = page;
    this.problems = [];
    this.checkedPages = 0;
  }

  url(path) {
    return `${baseUrl}${path}`;
  }

  async goto(path) {
    await this.page.goto(this.url(path), { waitUntil: 'networkidle' });
  }

  /** axe-core on the page as it is now; any violation fails the journey. */
  async checkA11y(label, options = {}) {
    let builder = new AxeBuilder({ page: this.page }).withTags([
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

  async screenshot(name) {
    await this.page.screenshot({ path: join(screenshots, `${name}.png`), fullPage: true });
  }

  /** Waits (up to 10 s) until the first match of `locator` shows text matching `pattern`. */
  async expectText(locator, pattern, what) {
    const matches = (text) => (pattern instanceof RegExp ? pattern.test(text) : text.includes(pattern));
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
  async graphql(query, variables = {}) {
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

  async login(email, password) {
    const page = this.page;
    await page.getByLabel(/メールアドレス|Email address/).fill(email);
    await page.getByRole('textbox', { name: /^(パスワード|Password)/ }).fill(password);
    await page.getByRole('button', { name: /^(ログインする|Log in)$/ }).click();
  }
}

function expect(condition, message) {
  if (!condition) throw new Error(message);
}

async function run(browser, { name, fn }) {
  const context = await browser.newContext({
    baseURL: baseUrl,
    locale: 'ja-JP',
    // Deliberately not Japan: dates on screen must still be the JST calendar day.
    timezoneId: 'America/Los_Angeles',
    viewport: { width: 1280, height: 900 },
  });
  const origin = new URL(baseUrl).origin;
  const page = await context.newPage();
  const journey = new Journey(context, page);
  // The LGWAN rule: nothing may be fetched from another host (fonts, CDNs, analytics, workers).
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('data:') || url.startsWith('blob:') || new URL(url).origin === origin)
      return route.continue();
    journey.problems.push(`request to another host: ${url}`);
    return route.abort('blockedbyclient');
  });
  page.on('pageerror', (error) => journey.problems.push(`uncaught error in the page: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') console.log(`    console error (${name}): ${message.text()}`);
  });
  const started = Date.now();
  try {
    await fn(journey, page);
    if (journey.problems.length) throw new Error(journey.problems.join('\n      '));
    console.log(
      `✓ ${name} (${((Date.now() - started) / 1000).toFixed(1)}s, ${journey.checkedPages} pages checked with axe)`,
    );
    return true;
  } catch (error) {
    const extra =
      journey.problems.length && !String(error.message).includes(journey.problems[0])
        ? `\n      ${journey.problems.join('\n      ')}`
        : '';
    console.log(`✗ ${name}\n      ${error.message}${extra}`);
    await page
      .screenshot({
        path: join(root, 'test-results', `failed-${name.replace(/\W+/g, '-')}.png`),
        fullPage: true,
      })
      .catch(() => {});
    return false;
  } finally {
    await context.close();
  }
}

// ---------------------------------------------------------------- journeys

test('home renders in Japanese with the network figures', async (j, page) => {
  await j.goto('/');
  expect((await page.getAttribute('html', 'lang')) === 'ja', '<html lang> should be "ja"');
  await j.expectText(
    page.getByRole('heading', { level: 1 }),
    /[ぁ-んァ-ヶ一-龠]/,
    'the h1 should be Japanese',
  );
  await j.expectText(page.locator('dd').nth(0), /^[\d,]+団体$/, 'member count');
  await j.expectText(page.locator('dd').nth(1), /^[\d,]+団体$/, 'declaration count');
  expect(await page.getByRole('link', { name: '本文へ移動' }).count(), 'skip link missing');
  expect(await page.getByRole('navigation', { name: 'メインメニュー' }).count(), 'main navigation missing');
  expect(/横展/.test(await page.title()), 'document title should name the site');
  // Keyboard: the first Tab reaches the skip link, which is then visible and moves focus to <main>.
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: '本文へ移動' });
  expect(
    await skip.evaluate((el) => el === document.activeElement),
    'the first Tab should reach the skip link',
  );
  expect((await skip.boundingBox())?.width > 1, 'the focused skip link should be visible');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement?.id === 'main');
  await j.checkA11y('home');
  await j.screenshot('home');
});

test('declarations page shows the joint declaration and its signatories', async (j, page) => {
  await j.goto('/declarations');
  await j.expectText(page.getByRole('heading', { level: 1 }), '共同宣言', 'h1');
  await j.expectText(page.getByRole('heading', { level: 2 }).first(), /共同宣言/, 'joint text heading');
  const body = await page.locator('main').innerText();
  expect(!/Invalid Date|NaN/.test(body), 'a date failed to format');
  await j.checkA11y('declarations');
  await j.screenshot('declarations');
});

test('unknown pages answer with a 404 page', async (j, page) => {
  await j.goto('/no-such-page');
  await j.expectText(page.getByRole('heading', { level: 1 }), 'ページが見つかりません', 'h1');
  await j.checkA11y('not found');
  await j.screenshot('not-found');
  await j.goto('/municipalities/999999');
  await j.expectText(
    page.getByRole('heading', { level: 1 }),
    '自治体が見つかりません',
    'unknown municipality h1',
  );
});

test('browse members: filters in the URL, IME-aware search, more results, municipality page', async (j, page) => {
  await j.goto('/municipalities');
  const total = page.locator('p[role="status"]').filter({ hasText: '該当する自治体' });
  const allText = await j.expectText(total, /該当する自治体：[\d,]+団体/, 'total count');
  const allCount = Number(allText.replace(/\D/g, ''));
  const rows = page.locator('tbody tr');
  expect((await rows.count()) > 0, 'the member list is empty');
  await j.checkA11y('member directory');
  await j.screenshot('municipalities');

  // 「さらに表示」 appends the next page (cursor pagination) and moves focus to the first new row.
  const more = page.getByRole('button', { name: /^さらに表示/ });
  if (await more.count()) {
    const before = await rows.count();
    await more.click();
    await page.waitForFunction((n) => document.querySelectorAll('tbody tr').length > n, before);
    await page
      .waitForFunction(
        (n) => document.activeElement === document.querySelectorAll('tbody tr th a')[n],
        before,
        { timeout: 5_000 },
      )
      .catch(() => {
        throw new Error('focus should move to the first newly shown row');
      });
  }

  // Membership status filter goes into the query string and narrows the list.
  await page.getByLabel('加入状況').selectOption('MEMBER');
  await page.waitForURL(/status=MEMBER/);
  await page
    .waitForFunction(
      (all) => {
        const text = [...document.querySelectorAll('p[role="status"]')].map((p) => p.textContent).join('');
        const match = /該当する自治体：([\d,]+)団体/.exec(text);
        const badges = [...document.querySelectorAll('tbody tr td:last-child')].map((td) =>
          td.textContent.trim(),
        );
        return (
          match &&
          Number(match[1].replace(/,/g, '')) <= all &&
          badges.length &&
          badges.every((b) => b === badges[0])
        );
      },
      allCount,
      { timeout: 10_000 },
    )
    .catch(() => {
      throw new Error('membership status filter not applied');
    });

  // Prefecture filter: pick the prefecture of the first listed member.
  const firstPrefecture = (await page.locator('tbody tr td').first().innerText()).trim();
  await page.getByLabel('都道府県').selectOption({ label: firstPrefecture });
  await page.waitForURL(/prefecture=\d{2}/);
  await page
    .waitForFunction(
      (prefecture) => {
        const cells = [...document.querySelectorAll('tbody tr td:first-of-type')];
        return cells.length > 0 && cells.every((cell) => cell.textContent.trim() === prefecture);
      },
      firstPrefecture,
      { timeout: 10_000 },
    )
    .catch(async () => {
      throw new Error(
        `prefecture filter not applied: ${await page.locator('tbody tr td:first-of-type').allInnerTexts()}`,
      );
    });

  // Search waits for the IME: nothing is queried while composing, the converted text is.
  await page.getByRole('button', { name: '条件をすべて解除' }).click();
  await page.waitForURL((url) => url.search === '');
  const search = page.getByLabel('団体名・よみがなで探す');
  const firstName = (await page.locator('tbody tr th a').first().innerText()).trim();
  const firstKana = (await page.locator('tbody tr th span').first().innerText()).trim();
  const queries = [];
  page.on('request', (request) => {
    if (request.url().endsWith('/graphql') && /"search"/.test(request.postData() ?? ''))
      queries.push(request.postData());
  });
  await search.focus();
  await search.dispatchEvent('compositionstart', { data: '' });
  await page.keyboard.insertText(firstKana.slice(0, 2));
  await page.waitForTimeout(900);
  expect(!/[?&]q=/.test(page.url()) && queries.length === 0, 'searched while the IME was still composing');
  await search.fill(firstName);
  const searched = page.waitForResponse(
    (response) => response.url().endsWith('/graphql') && /"search"/.test(response.request().postData() ?? ''),
  );
  await search.dispatchEvent('compositionend', { data: firstName });
  await page.waitForURL(/[?&]q=/);
  await searched;
  await page.waitForFunction(
    (name) => [...document.querySelectorAll('tbody tr th a')].some((a) => a.textContent.trim() === name),
    firstName,
    { timeout: 10_000 },
  );
  await page.waitForTimeout(500);
  expect(queries.length === 1, `expected one search query after composition, saw ${queries.length}`);
  await j.checkA11y('member directory, filtered');

  // Open the municipality page.
  await page.getByRole('link', { name: firstName, exact: true }).first().click();
  await page.waitForURL(/\/municipalities\/\d{6}$/);
  await j.expectText(page.getByRole('heading', { level: 1 }), firstName, 'municipality h1');
  await j.expectText(page.locator('dl'), /地方公共団体コード/, 'profile');
  const focusedHeading = await page.evaluate(() => document.activeElement?.tagName);
  expect(
    focusedHeading === 'H1',
    `focus should be on the new page's h1 after navigation, was ${focusedHeading}`,
  );
  await page.waitForLoadState('networkidle');
  await j.checkA11y('municipality page');
  await j.screenshot('municipality');
});

test('organiser logs in, is sent back, sees membership actions, logs out', async (j, page) => {
  // Find an applicant to look at (the demo data has some).
  await j.goto('/municipalities?status=APPLICANT');
  await page.waitForLoadState('networkidle');
  const applicant = page.locator('tbody tr th a').first();
  const hasApplicant = (await applicant.count()) > 0;
  const target = hasApplicant ? await applicant.getAttribute('href') : '/municipalities';
  await j.goto(target);

  await page.getByRole('link', { name: 'ログイン', exact: true }).click();
  await page.waitForURL(/\/login\?next=/);
  await j.expectText(page.getByRole('heading', { level: 1 }), 'ログイン', 'login h1');

  // Empty form: clear messages next to the fields and in a summary.
  await page.getByRole('button', { name: 'ログインする' }).click();
  await j.expectText(page.getByRole('alert'), /メールアドレスを入力してください/, 'empty email message');
  await j.checkA11y('login, with errors');
  await j.screenshot('login-errors');

  // Wrong password.
  await j.login(ORGANISER.email, 'wrong-password');
  await j.expectText(
    page.getByRole('alert'),
    /メールアドレスまたはパスワードが正しくありません/,
    'bad credentials message',
  );

  await j.login(ORGANISER.email, ORGANISER.password);
  await page.waitForURL((url) => url.pathname === target);
  await j.expectText(
    page.getByRole('status').filter({ hasText: 'ログインしました' }),
    'ログインしました',
    'login notice',
  );
  const menu = page.getByRole('button', { name: /さん（事務局）/ });
  await menu.waitFor();
  await page.reload({ waitUntil: 'networkidle' });
  await menu.waitFor();
  expect(
    (await page.getByText('ログインしました。').count()) === 0,
    'the login notice should not come back on reload',
  );
  if (hasApplicant) {
    await page.getByRole('heading', { name: '事務局の操作' }).waitFor();
    await page.getByRole('button', { name: '加入承認' }).click();
    const dialog = page.getByRole('dialog', { name: '加入を承認しますか' });
    await dialog.waitFor();
    await j.checkA11y('admit confirmation dialog');
    await j.screenshot('admit-dialog');
    await dialog.getByRole('button', { name: 'キャンセル' }).click();
    await dialog.waitFor({ state: 'hidden' });
  }

  await menu.click();
  await page.getByRole('button', { name: 'ログアウト' }).waitFor();
  await j.checkA11y('user menu open');
  await j.screenshot('user-menu');
  await page.getByRole('button', { name: 'ログアウト' }).click();
  await j.expectText(
    page.getByRole('status').filter({ hasText: 'ログアウト' }),
    'ログアウトしました',
    'logout notice',
  );
  await page.getByRole('link', { name: 'ログイン', exact: true }).waitFor();
  const me = await j.graphql('{ me { id } }');
  expect(me.data?.me === null, 'the session should be gone after logout');
});

test('an officer logs in and sees the declaration form of their own municipality', async (j, page) => {
  await j.goto('/');
  const result = await j.graphql(
    `query { municipalities(filter: { membershipStatuses: [MEMBER] }, first: 100) { edges { node { code name declaration { id } } } } }`,
  );
  const members = result.data.municipalities.edges.map((edge) => edge.node);
  const unsigned = members.find((m) => !m.declaration) ?? members[0];
  await j.goto(`/login?next=${encodeURIComponent(`/municipalities/${unsigned.code}`)}`);
  await j.login(`officer.${unsigned.code}@yokoten.example`, ORGANISER.password);
  await page.waitForURL(new RegExp(`/municipalities/${unsigned.code}$`));
  await page.getByRole('button', { name: /さん（自治体DX担当者）/ }).waitFor();
  expect(
    (await page.getByRole('heading', { name: '事務局の操作' }).count()) === 0,
    'officers must not see organiser actions',
  );
  if (!unsigned.declaration) {
    const form = page.getByRole('region', { name: '共同宣言に署名する' });
    await form.waitFor();
    await form.getByRole('button', { name: '共同宣言に署名する' }).click();
    await j.expectText(page.getByRole('alert'), /署名者の役職を入力してください/, 'required field messages');
    await j.checkA11y('declaration form, with errors');
    await j.screenshot('sign-declaration');
  } else {
    await j.checkA11y('officer municipality page');
  }
});

test(
  'an officer signs the joint declaration; it shows on their page and in the list',
  async (j, page) => {
    await j.goto('/');
    const result = await j.graphql(
      `query { municipalities(filter: { membershipStatuses: [MEMBER] }, first: 100) { edges { node { code name declaration { id } } } } }`,
    );
    const unsigned = result.data.municipalities.edges.map((edge) => edge.node).find((m) => !m.declaration);
    expect(unsigned, 'every member has signed already: no municipality left to sign for');
    await j.goto(`/login?next=${encodeURIComponent(`/municipalities/${unsigned.code}`)}`);
    await j.login(`officer.${unsigned.code}@yokoten.example`, ORGANISER.password);
    await page.waitForURL(new RegExp(`/municipalities/${unsigned.code}$`));
    const form = page.getByRole('region', { name: '共同宣言に署名する' });
    const statement = `${unsigned.name}は、職員のリスキリングと地域企業のDX支援に取り組み、その成果と課題を横展開します。`;
    await form.getByLabel(/署名者の役職/).fill('市長');
    await form.getByLabel(/署名者の氏名/).fill('横展 太郎');
    await form.getByLabel(/宣言文/).fill(statement);
    await form.getByRole('button', { name: '共同宣言に署名する' }).click();
    await j.expectText(
      page.getByRole('status').filter({ hasText: '署名' }),
      '共同宣言への署名を受け付けました。',
      'notice',
    );
    await j.expectText(page.locator('figure'), statement, 'the signed statement on the page');
    expect((await form.count()) === 0, 'the form should be gone once signed');
    await j.checkA11y('municipality page after signing');
    // Client-side navigation: the list must not come from a stale cache.
    await page
      .getByRole('navigation', { name: 'メインメニュー' })
      .getByRole('link', { name: '共同宣言' })
      .click();
    await j.expectText(page.locator('main'), statement, 'the declarations page lists the new signature');
  },
  { writes: true },
);

test(
  'organiser admits an applicant, then withdraws it, each after a confirmation',
  async (j, page) => {
    await j.goto('/login');
    await j.login(ORGANISER.email, ORGANISER.password);
    await page.waitForURL((url) => url.pathname === '/');
    const result = await j.graphql(
      `query { municipalities(filter: { membershipStatuses: [APPLICANT] }, first: 1) { edges { node { code name } } } }`,
    );
    const applicant = result.data.municipalities.edges[0]?.node;
    expect(applicant, 'no applicant left in the demo data');
    await j.goto(`/municipalities/${applicant.code}`);
    const profile = page.locator('dl');
    await j.expectText(profile, /加入状況\s+加入申請中/, 'status before');

    await page.getByRole('button', { name: '加入承認' }).click();
    const admit = page.getByRole('dialog', { name: '加入を承認しますか' });
    await admit.getByRole('button', { name: '承認する' }).click();
    await j.expectText(
      page.getByRole('status').filter({ hasText: '承認' }),
      `${applicant.name}の加入を承認しました。`,
      'notice',
    );
    await j.expectText(profile, /加入状況\s+会員/, 'status after admission');

    await page.getByRole('button', { name: '退会処理' }).click();
    const withdraw = page.getByRole('dialog', { name: '退会処理を行いますか' });
    await j.checkA11y('withdraw confirmation dialog');
    await withdraw.getByRole('button', { name: '退会処理を行う' }).click();
    await j.expectText(
      page.getByRole('status').filter({ hasText: '退会' }),
      `${applicant.name}の退会処理を行いました。`,
      'notice',
    );
    await j.expectText(profile, /加入状況\s+退会/, 'status after withdrawal');

    // The directory, reached without a reload, lists it under 退会.
    await page
      .getByRole('navigation', { name: 'メインメニュー' })
      .getByRole('link', { name: '加盟自治体' })
      .click();
    await page.getByLabel('加入状況').selectOption('WITHDRAWN');
    await page.waitForFunction(
      (name) => [...document.querySelectorAll('tbody tr th a')].some((a) => a.textContent.trim() === name),
      applicant.name,
      { timeout: 10_000 },
    );
  },
  { writes: true },
);

test('switch the language to English and back; the choice persists', async (j, page) => {
  await j.goto('/municipalities');
  await page.getByRole('button', { name: 'English' }).click();
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  await j.expectText(page.getByRole('heading', { level: 1 }), 'Member municipalities', 'English h1');
  await page.reload({ waitUntil: 'networkidle' });
  expect((await page.getAttribute('html', 'lang')) === 'en', 'English should persist across a reload');
  await j.expectText(
    page.locator('p[role="status"]').filter({ hasText: 'Matching' }),
    /Matching municipalities: [\d,]+/,
    'English count',
  );
  await j.checkA11y('member directory (English)');
  await j.screenshot('municipalities-en');
  await j.goto('/');
  await j.checkA11y('home (English)');
  await j.screenshot('home-en');
  await page.getByRole('button', { name: '日本語' }).click();
  await page.waitForFunction(() => document.documentElement.lang === 'ja');
  await j.expectText(page.getByRole('heading', { level: 1 }), /[ぁ-んァ-ヶ一-龠]/, 'Japanese h1 again');
  expect((await page.evaluate(() => localStorage.getItem('yokoten.lang'))) === 'ja', 'choice stored');
});

test('small screens: no horizontal scrolling, same checks', async (j, page) => {
  await page.setViewportSize({ width: 375, height: 812 });
  for (const [path, name] of [
    ['/', 'home-mobile'],
    ['/municipalities', 'municipalities-mobile'],
  ]) {
    await j.goto(path);
    await page.getByRole('heading', { level: 1 }).waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow <= 0, `${path} scrolls sideways by ${overflow}px at 375px wide`);
    await j.checkA11y(`${name}`);
    await j.screenshot(name);
  }
});

test('API explorer (GraphiQL) runs a query with everything served by the app', async (j, page) => {
  const workers = [];
  page.on('worker', (worker) => workers.push(worker.url()));
  page.on('console', (message) => {
    if (/Could not create web worker/.test(message.text()))
      j.problems.push('Monaco fell back to main-thread workers');
  });
  // The API serves the built explorer at /graphiql outside production; the file itself is always there.
  const routed = await fetch(`${baseUrl}/graphiql`)
    .then(async (response) => response.ok && /API explorer/.test(await response.text()))
    .catch(() => false);
  await j.goto(routed ? '/graphiql' : '/explorer.html');
  await page.locator('.graphiql-container').waitFor({ timeout: 20_000 });
  await page.locator('.graphiql-query-editor .monaco-editor').waitFor({ timeout: 20_000 });
  await page.locator('.graphiql-execute-button').click();
  await page.waitForFunction(
    () => /totalCount/.test(document.querySelector('.graphiql-response')?.textContent ?? ''),
    null,
    {
      timeout: 20_000,
    },
  );
  await page.waitForLoadState('networkidle');
  expect(workers.length > 0, 'Monaco started no web worker');
  // GraphiQL's tab bar puts the tab's close button inside the role="tab" element (upstream markup);
  // everything else on the page is held to the same rules as the app.
  await j.checkA11y('API explorer', { disableRules: ['nested-interactive'] });
  await j.screenshot('explorer');
});

// ---------------------------------------------------------------- main

let passed = 0;
let failed = 0;
let skipped = 0;
let browser;
try {
  mkdirSync(screenshots, { recursive: true });
  mkdirSync(join(root, 'test-results'), { recursive: true });
  if (baseUrl) {
    const status = await health(baseUrl);
    if (status !== 'ok') throw new Error(`${baseUrl}/health is ${status ?? 'unreachable'}, not "ok"`);
  } else {
    await startApp();
  }
  console.log(`testing ${baseUrl}`);
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--headless',
    ],
  });
  for (const entry of tests) {
    if (only && !entry.name.includes(only)) continue;
    if (entry.writes && !writesAllowed) {
      console.log(`- ${entry.name} (skipped: changes data; E2E_WRITES=1 runs it against ${baseUrl})`);
      skipped += 1;
      continue;
    }
    if (await run(browser, entry)) passed += 1;
    else failed += 1;
  }
} catch (error) {
  console.log(`✗ setup: ${error.message}`);
  failed += 1;
} finally {
  await browser?.close();
  stopApp();
}
if (skipped) console.log(`${skipped} skipped`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
