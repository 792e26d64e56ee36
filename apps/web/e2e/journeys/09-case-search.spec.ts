import { expect, test } from '../fixtures';
import { nextSearch, searchTotal } from '../helpers';

test('search cases: IME-aware box, highlights, facets, sort and pages held in the URL', async ({
  j,
  page,
}) => {
  await j.goto('/cases');
  await j.expectText(page.getByRole('heading', { level: 1 }), '事例を探す', 'h1');
  // On a fresh start the demo cases reach the index a little after /health says ok: wait for them.
  let all = await searchTotal(j, page);
  for (let attempt = 0; attempt < 30 && all <= 20; attempt += 1) {
    await page.waitForTimeout(1_000);
    await page.reload({ waitUntil: 'networkidle' });
    all = await searchTotal(j, page);
  }
  expect(all > 20, `the demo data should list more than one page of cases, got ${all}`).toBeTruthy();
  await j.checkA11y('case search');

  // Nothing is searched while the IME composes the reading; the converted word is searched once.
  const box = page.getByRole('searchbox', { name: 'キーワード' });
  const searches = [];
  page.on('request', (request) => {
    if (request.url().endsWith('/graphql') && /SearchCaseStudies/.test(request.postData() ?? ''))
      searches.push(request.postData());
  });
  await box.focus();
  await box.dispatchEvent('compositionstart', { data: '' });
  await page.keyboard.insertText('りすきりんぐ');
  await page.waitForTimeout(900);
  expect(
    !/[?&]q=/.test(page.url()) && searches.length === 0,
    'searched while the IME was still composing',
  ).toBeTruthy();
  await box.fill('リスキリング');
  const searched = nextSearch(page);
  await box.dispatchEvent('compositionend', { data: 'リスキリング' });
  await page.waitForURL(/[?&]q=/);
  await searched;
  const total = await searchTotal(j, page);
  await page.waitForTimeout(600);
  expect(
    searches.length === 1,
    `expected one search after the conversion, saw ${searches.length}`,
  ).toBeTruthy();
  expect(total > 0 && total < all, `リスキリング should narrow the list (${total} of ${all})`).toBeTruthy();
  await j.expectText(
    page.locator('main ol mark').first(),
    /リスキリング|リス|学び直し/,
    'a highlighted match',
  );
  expect(
    (await page.locator('main ol').innerHTML()).includes('&lt;mark') === false,
    'highlights must render as <mark>, not as escaped tags',
  ).toBeTruthy();

  // A facet narrows the results; its count is what the list then shows.
  const facet = page.getByRole('group', { name: 'テーマ' }).getByRole('checkbox').first();
  const facetLabel = (await facet.locator('xpath=..').innerText()).trim();
  const facetCount = Number(/（(\d+)件）/.exec(facetLabel)?.[1] ?? NaN);
  // The URL decides what is checked: click, then wait for the URL (check() would race the navigation).
  await facet.click();
  await page.waitForURL(/themes=/);
  await page
    .waitForFunction(
      (n) =>
        new RegExp(`^${n}件の事例`).test(document.querySelector('main p[role="status"]')?.textContent ?? ''),
      facetCount,
      { timeout: 10_000 },
    )
    .catch(async () => {
      throw new Error(
        `facet "${facetLabel}" should leave ${facetCount} cases, got "${await page.locator('main p[role="status"]').first().innerText()}"`,
      );
    });

  // The whole search lives in the URL: a reload (or a shared link) shows the same page.
  await page.getByLabel('並び順').selectOption('BUDGET_ASC');
  await page.waitForURL(/sort=BUDGET_ASC/);
  const url = page.url();
  await page.reload({ waitUntil: 'networkidle' });
  expect(page.url() === url, 'the URL should survive a reload').toBeTruthy();
  expect(
    (await page.getByRole('group', { name: 'テーマ' }).getByRole('checkbox', { checked: true }).count()) ===
      1,
    'facet lost on reload',
  ).toBeTruthy();
  expect((await page.getByLabel('並び順').inputValue()) === 'BUDGET_ASC', 'sort lost on reload').toBeTruthy();
  expect((await box.inputValue()) === 'リスキリング', 'query lost on reload').toBeTruthy();
  await j.checkA11y('case search, narrowed');

  // Words that match nothing all together: the API relaxes the query, and the page says so.
  await page.getByRole('button', { name: '条件をすべて解除' }).click();
  await page.waitForURL((u) => u.search === '');
  await box.fill('リスキリング ぬぽぬぽぬぽ');
  await box.press('Enter');
  await j.expectText(page.getByRole('note'), /すべての語を含む事例は見つかりませんでした/, 'relaxed notice');

  // Pages: 「次のページ」 keeps the conditions and puts the reader at the results.
  // (The unfiltered search comes from the cache: nothing to wait for on the network.)
  await page.getByRole('button', { name: '条件をすべて解除' }).click();
  await page.waitForURL((u) => u.search === '');
  await searchTotal(j, page);
  await j.screenshot('case-search');
  await page
    .getByRole('navigation', { name: '検索結果のページ' })
    .getByRole('link', { name: '次のページ' })
    .click();
  await page.waitForURL(/page=2/);
  await j.expectText(page.locator('main p[role="status"]').first(), /21〜/, 'second page');
  await page.waitForFunction(() => document.activeElement?.id === 'results-heading');
  await j.checkA11y('case search, page 2');

  // Words typed, then a filter clicked before the pause is over: the late search keeps the filter.
  await j.goto('/cases');
  await box.fill('リスキリング');
  await page.getByRole('group', { name: '対象' }).getByRole('checkbox').first().click();
  await page.waitForURL((u) => u.searchParams.has('q') && u.searchParams.has('targets'));
  await page.waitForTimeout(600);
  expect(
    new URL(page.url()).searchParams.has('targets'),
    `the debounced search dropped the filter chosen meanwhile: ${page.url()}`,
  ).toBeTruthy();
  // And 「条件をすべて解除」 also forgets words typed but not searched yet.
  await box.fill('中小企業');
  await page.getByRole('button', { name: '条件をすべて解除' }).click();
  await page.waitForURL((u) => u.search === '');
  await page.waitForTimeout(600);
  expect(
    new URL(page.url()).search === '',
    `conditions came back after clearing them: ${page.url()}`,
  ).toBeTruthy();
  expect((await box.inputValue()) === '', 'the keyword box should be empty after clearing all').toBeTruthy();

  // Keyboard: removing a condition leaves focus on the next one, clearing all on the keyword box.
  await j.goto('/cases?q=DX&themes=DX_TALENT,RESKILLING');
  await page.getByRole('button', { name: '条件「DX人材育成」を外す' }).press('Enter');
  await page.waitForURL((u) => u.searchParams.get('themes') === 'RESKILLING');
  await page.waitForFunction(
    () => document.activeElement?.getAttribute('aria-label') === '条件「リスキリング」を外す',
  );
  await page.getByRole('button', { name: '条件をすべて解除' }).press('Enter');
  await page.waitForURL((u) => u.search === '');
  await page.waitForFunction(() => document.activeElement?.id === 'case-search-q');

  // A link to a page past the end (the list got shorter since it was shared) opens the last page.
  await j.goto('/cases?page=40');
  await page.waitForURL((u) => u.searchParams.get('page') !== '40');
  const range = /（(\d+)〜(\d+)件目を表示）/.exec(
    await j.expectText(page.locator('main p[role="status"]').first(), /件目を表示/, 'last page'),
  );
  expect(
    range && Number(range[1]) <= Number(range[2]),
    `a page past the end shows ${range?.[0]}`,
  ).toBeTruthy();
  await page.getByRole('navigation', { name: '検索結果のページ' }).getByRole('link').first().waitFor();
});
