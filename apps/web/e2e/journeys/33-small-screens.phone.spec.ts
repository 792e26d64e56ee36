import { expect, test } from '../fixtures';

test('small screens: no horizontal scrolling, same checks', async ({ j, page }) => {
  for (const [path, name] of [
    ['/', 'home-mobile'],
    ['/municipalities', 'municipalities-mobile'],
    ['/cases', 'cases-mobile'],
  ]) {
    await j.goto(path);
    await page.getByRole('heading', { level: 1 }).waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow <= 0, `${path} scrolls sideways by ${overflow}px at 375px wide`).toBeTruthy();
    await j.checkA11y(`${name}`);
    await j.screenshot(name);
  }

  // A case's outcomes: headings such as 「実施前」 and dates stay whole (the table scrolls instead).
  const found = await j.graphql(
    '{ searchCaseStudies(pageSize: 20) { hits { caseStudy { id outcomes { asOf } } } } }',
  );
  const withOutcomes = found.data.searchCaseStudies.hits.find(
    (hit: { caseStudy: { outcomes: { asOf: string | null }[] } }) =>
      hit.caseStudy.outcomes.some((outcome) => outcome.asOf),
  );
  expect(withOutcomes, 'no demo case with dated outcomes').toBeTruthy();
  await j.goto(`/cases/${withOutcomes.caseStudy.id}`);
  const outcomesTable = page.getByRole('table', { name: /成果指標/ });
  await outcomesTable.waitFor();
  const broken = await outcomesTable.evaluate((table) =>
    [...table.querySelectorAll('thead th:not(:first-child), tbody td')]
      .filter((cell) => {
        // Line boxes of the text that is seen (not the .sr-only words for screen readers).
        const lines = new Set();
        const walker = document.createTreeWalker(cell, 4 /* NodeFilter.SHOW_TEXT */);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          if (node.parentElement!.closest('.sr-only')) continue;
          const range = document.createRange();
          range.selectNodeContents(node);
          for (const rect of range.getClientRects()) lines.add(Math.round(rect.top));
        }
        return lines.size > 1;
      })
      .map((cell) => cell.textContent),
  );
  expect(broken.length === 0, `outcome cells broken over lines at 375px: ${broken.join(', ')}`).toBeTruthy();
  // #15: a table cut off at the edge says that it scrolls (text and shadow), for eyes and screen readers.
  const scrollBox = page.getByRole('group', { name: '成果指標' });
  const cutOff = await scrollBox.evaluate((box) => box.scrollWidth > box.clientWidth + 1);
  if (cutOff) {
    const described = await scrollBox.getAttribute('aria-describedby');
    expect(described, 'the outcomes scroll box should be described by a scroll hint').toBeTruthy();
    await j.expectText(page.locator(`[id="${described}"]`), '横にスクロールできます', 'scroll hint');
  }
  // #15: 予算, 実施年度, 人口規模 and the way to the contact near the top on a phone (予算 was ≈ 3,700 px down).
  const keyFacts = page.getByRole('region', { name: 'この事例の要点' });
  await keyFacts.waitFor({ timeout: 5_000 }).catch(() => {
    throw new Error('no key facts near the top of the case page at 375px');
  });
  const factsTop = await keyFacts.evaluate((el) => el.getBoundingClientRect().top + window.scrollY);
  expect(
    factsTop < 1_200,
    `the key facts start ${Math.round(factsTop)}px down at 375px (< 1,200)`,
  ).toBeTruthy();
  const factsText = await keyFacts.innerText();
  for (const label of ['予算', '実施年度', '人口規模'])
    expect(factsText.includes(label), `${label} missing from the key facts: ${factsText}`).toBeTruthy();
  await keyFacts.getByRole('link', { name: '問い合わせ先を見る' }).click();
  await page
    .waitForFunction(
      () => {
        const heading = document.getElementById('case-contact');
        const top = heading?.getBoundingClientRect().top ?? -1;
        // scrollIntoView({ block: 'start' }) can leave the heading a fraction of a pixel above the top at 375px.
        return top > -2 && top < window.innerHeight && document.activeElement === heading;
      },
      null,
      { timeout: 5_000 },
    )
    .catch(async () => {
      const seen = await page.evaluate(() => {
        const heading = document.getElementById('case-contact');
        return {
          top: heading?.getBoundingClientRect().top,
          innerHeight: window.innerHeight,
          focused: document.activeElement === heading,
        };
      });
      throw new Error(
        `the jump link should bring 問い合わせ先 into view and focus it: ${JSON.stringify(seen)}`,
      );
    });
  await j.screenshot('case-mobile-key-facts');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow <= 0, `the case page scrolls sideways by ${overflow}px at 375px wide`).toBeTruthy();
  await j.checkA11y('case page, small screen');
});
