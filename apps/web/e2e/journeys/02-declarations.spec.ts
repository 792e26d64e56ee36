import { expect, test } from '../fixtures';

test('declarations page shows the joint declaration and its signatories', async ({ j, page }) => {
  await j.goto('/declarations');
  await j.expectText(page.getByRole('heading', { level: 1 }), '共同宣言', 'h1');
  await j.expectText(page.getByRole('heading', { level: 2 }).first(), /共同宣言/, 'joint text heading');
  const body = await page.locator('main').innerText();
  expect(!/Invalid Date|NaN/.test(body), 'a date failed to format').toBeTruthy();
  await j.checkA11y('declarations');
  await j.screenshot('declarations');
});
