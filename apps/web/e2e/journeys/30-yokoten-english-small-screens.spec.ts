import { expect, test } from '../fixtures';
import { FINDER_DESCRIPTION, FOLLOWER } from '../demo';

test('横展開 pages in English and on small screens', async ({ j, page }) => {
  await j.goto(`/login?next=${encodeURIComponent('/precedents')}`);
  await j.login(FOLLOWER.email, FOLLOWER.password);
  await page.waitForURL(/\/precedents$/);
  await page.getByRole('button', { name: 'English' }).click();
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  await j.expectText(page.getByRole('heading', { level: 1 }), 'Find precedents', 'English h1');
  await page.getByLabel(/What do you want to work on/).fill(FINDER_DESCRIPTION);
  await page.getByRole('button', { name: 'Find precedents' }).click();
  await page
    .getByRole('status')
    .filter({ hasText: /precedents? found/ })
    .waitFor();
  const reasons = (await page.getByRole('list', { name: 'Why this case' }).allInnerTexts()).join('\n');
  expect(/Themes in common: /.test(reasons), `reasons should be in English: ${reasons}`).toBeTruthy();
  expect(!/[ぁ-んァ-ヶ]/.test(reasons), `no kana left in the English reasons: ${reasons}`).toBeTruthy();
  await j.checkA11y('finder (English)');
  await j.goto('/dashboard');
  await j.expectText(page.getByRole('heading', { level: 1 }), 'Network overview', 'English dashboard');
  await page.locator('.chart-surface').first().waitFor();
  await j.checkA11y('dashboard (English)');
  await page.getByRole('button', { name: '日本語' }).click();
  await page.waitForFunction(() => document.documentElement.lang === 'ja');

  await page.setViewportSize({ width: 375, height: 812 });
  // /open-data itself is answered by the API's open-data controller on a full load (its static-file
  // exclusion covers the bare path), so the page is reached as a reader would: from the footer.
  for (const path of [
    `/precedents?q=${encodeURIComponent(FINDER_DESCRIPTION)}`,
    '/dashboard',
    '/open-data',
  ]) {
    if (path === '/open-data') {
      await page
        .getByRole('navigation', { name: 'フッターメニュー' })
        .getByRole('link', { name: 'オープンデータ' })
        .click();
      await page.waitForURL(/\/open-data$/);
    } else {
      await j.goto(path);
    }
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.waitForLoadState('networkidle');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow <= 0, `${path} scrolls sideways by ${overflow}px at 375px wide`).toBeTruthy();
    if (path === '/dashboard') {
      // Column headings of the tables stay whole (「順位」 read 順／位, 「横展開」 横／展／開): the table
      // scrolls inside its own box instead.
      await page.locator('main table thead th').first().waitFor();
      const broken = await page.evaluate(() =>
        [...document.querySelectorAll('main table thead th')]
          .filter((cell) => {
            const range = document.createRange();
            range.selectNodeContents(cell);
            return new Set([...range.getClientRects()].map((rect) => Math.round(rect.top))).size > 1;
          })
          .map((cell) => cell.textContent),
      );
      expect(
        broken.length === 0,
        `dashboard column headings broken over lines at 375px: ${broken.join(', ')}`,
      ).toBeTruthy();
    }
    await j.checkA11y(`${path} (small screen)`);
  }
  // A FAQ on a phone: the time of each message stays on one line (「2026年11\n月22日」 was split).
  const ipass = await j.graphql(
    '{ searchCaseStudies(query: "ITパスポート 受験料", pageSize: 1) { hits { caseStudy { id } } } }',
  );
  await j.goto(`/cases/${ipass.data.searchCaseStudies.hits[0].caseStudy.id}`);
  const faqTimes = page.getByRole('list', { name: 'やりとり' }).locator('time');
  await faqTimes.first().waitFor();
  const splitTimes = await faqTimes.evaluateAll((times) =>
    times
      .filter((time) => {
        const range = document.createRange();
        range.selectNodeContents(time);
        return new Set([...range.getClientRects()].map((rect) => Math.round(rect.top))).size > 1;
      })
      .map((time) => time.textContent),
  );
  expect(
    splitTimes.length === 0,
    `inquiry times broken over lines at 375px: ${splitTimes.join(', ')}`,
  ).toBeTruthy();
});
