import { expect, test } from '../fixtures';

test('open data page: files, licence and how to cite; linked from the footer', async ({ j, page }) => {
  await j.goto('/');
  await page
    .getByRole('navigation', { name: 'フッターメニュー' })
    .getByRole('link', { name: 'オープンデータ' })
    .click();
  await page.waitForURL(/\/open-data$/);
  await j.expectText(page.getByRole('heading', { level: 1 }), 'オープンデータ', 'open data h1');
  for (const name of ['CSV（表計算ソフト向け）', 'JSON（プログラム向け）', 'Atomフィード（新着）']) {
    expect((await page.getByRole('link', { name }).count()) === 1, `link ${name} missing`).toBeTruthy();
  }
  await j.expectText(page.locator('main'), 'CC BY 4.0', 'licence');
  const json = await page.evaluate(async () => (await fetch('/open-data/cases.json')).json());
  expect(
    json.licence === 'CC BY 4.0' && json.count > 0,
    'cases.json should carry the licence and cases',
  ).toBeTruthy();
  await j.checkA11y('open data');
});
