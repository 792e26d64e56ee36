import { expect, test } from '../fixtures';

test('browse members: filters in the URL, IME-aware search, more results, municipality page', async ({
  j,
  page,
}) => {
  await j.goto('/municipalities');
  const total = page.locator('p[role="status"]').filter({ hasText: '該当する自治体' });
  const allText = await j.expectText(total, /該当する自治体：[\d,]+団体/, 'total count');
  const allCount = Number(allText.replace(/\D/g, ''));
  const rows = page.locator('tbody tr');
  expect((await rows.count()) > 0, 'the member list is empty').toBeTruthy();
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
  expect(
    !/[?&]q=/.test(page.url()) && queries.length === 0,
    'searched while the IME was still composing',
  ).toBeTruthy();
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
  expect(
    queries.length === 1,
    `expected one search query after composition, saw ${queries.length}`,
  ).toBeTruthy();
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
  ).toBeTruthy();
  await page.waitForLoadState('networkidle');
  // The profile leads to the municipality's cases (the search, filtered to it).
  const code = page.url().match(/\/municipalities\/(\d{6})$/)![1];
  const ownCases = page.getByRole('link', { name: `${firstName}の事例をすべて見る` });
  expect(
    (await ownCases.getAttribute('href')) === `/cases?muni=${code}`,
    'the municipality page should link to its cases',
  ).toBeTruthy();
  await j.checkA11y('municipality page');
  await j.screenshot('municipality');

  // Officials often have the 団体コード at hand: the search box takes it (or its five-digit form).
  await j.goto('/municipalities?q=40100');
  await j.expectText(
    page.locator('p[role="status"]').filter({ hasText: '該当する自治体' }),
    '該当する自治体：1団体',
    'search by code',
  );
  await j.expectText(page.locator('tbody tr th a'), '北九州市', 'the municipality found by its code');
});
