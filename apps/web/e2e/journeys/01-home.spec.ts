import { expect, test } from '../fixtures';

test('home renders in Japanese with the network figures', async ({ j, page }) => {
  await j.goto('/');
  expect((await page.getAttribute('html', 'lang')) === 'ja', '<html lang> should be "ja"').toBeTruthy();
  await j.expectText(
    page.getByRole('heading', { level: 1 }),
    /[ぁ-んァ-ヶ一-龠]/,
    'the h1 should be Japanese',
  );
  await j.expectText(page.locator('dd').nth(0), /^[\d,]+団体$/, 'member count');
  await j.expectText(page.locator('dd').nth(1), /^[\d,]+団体$/, 'declaration count');
  expect(await page.getByRole('link', { name: '本文へ移動' }).count(), 'skip link missing').toBeTruthy();
  expect(
    await page.getByRole('navigation', { name: 'メインメニュー' }).count(),
    'main navigation missing',
  ).toBeTruthy();
  expect(/横展/.test(await page.title()), 'document title should name the site').toBeTruthy();
  // Keyboard: the first Tab reaches the skip link, which is then visible and moves focus to <main>.
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: '本文へ移動' });
  expect(
    await skip.evaluate((el) => el === document.activeElement),
    'the first Tab should reach the skip link',
  ).toBeTruthy();
  expect((await skip.boundingBox())!.width > 1, 'the focused skip link should be visible').toBeTruthy();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement?.id === 'main');
  await j.checkA11y('home');
  await j.screenshot('home');
});
