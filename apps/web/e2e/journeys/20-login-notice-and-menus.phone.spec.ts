import { expect, test } from '../fixtures';
import { openDemoSession } from '../helpers';

test('on a phone: the login notice, 44px header controls, the user menu by keyboard, the console without sideways scrolling', async ({
  j,
  page,
  login,
}) => {
  await login('organiser', '/sessions');
  // 「ログインしました。」 on one line, its close button under it rather than squeezing it (it broke
  // after 「ログインしまし」), every control of the notice and the header a 44px target.
  const notice = page.getByRole('status').filter({ hasText: 'ログインしました' });
  await notice.getByRole('button', { name: 'お知らせを閉じる' }).waitFor();
  const layout = await notice.evaluate((region) => {
    const message = region.querySelector('p')!;
    const range = document.createRange();
    range.selectNodeContents(message);
    const lines = new Set([...range.getClientRects()].map((rect) => Math.round(rect.top))).size;
    const close = region.querySelector('button')!.getBoundingClientRect();
    return {
      lines,
      closeHeight: close.height,
      below: close.top >= message.getBoundingClientRect().bottom - 1,
    };
  });
  expect(
    layout.lines === 1,
    `「ログインしました。」 should fit on one line at 375px, took ${layout.lines}`,
  ).toBeTruthy();
  expect(layout.below, 'the close button should sit under the message at 375px').toBeTruthy();
  const small = await page.evaluate(() =>
    [...document.querySelectorAll('header button, header a, main [role="status"] button')]
      .filter((el) => el.getClientRects().length && el.getBoundingClientRect().height < 44)
      .map((el) => `${el.textContent.trim()} (${Math.round(el.getBoundingClientRect().height)}px)`),
  );
  expect(small.length === 0, `targets under 44px high at 375px: ${small.join(', ')}`).toBeTruthy();

  // The user menu: Escape closes it and gives focus back to its button; tabbing out closes it too
  // (left open, its panel covered the links that focus moved to).
  const menuButton = page.getByRole('button', { name: /さん（/ });
  await menuButton.focus();
  await page.keyboard.press('Enter');
  expect(
    (await menuButton.getAttribute('aria-expanded')) === 'true',
    'Enter should open the user menu',
  ).toBeTruthy();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Escape');
  expect(
    (await menuButton.getAttribute('aria-expanded')) === 'false',
    'Escape should close the user menu',
  ).toBeTruthy();
  expect(
    await menuButton.evaluate((el) => el === document.activeElement),
    'focus should return to the user-menu button after Escape',
  ).toBeTruthy();
  await page.keyboard.press('Enter');
  // Past the menu's links (アカウント設定 and, for the staff, four more) and its logout button.
  for (let i = 0; i < 9; i += 1) await page.keyboard.press('Tab');
  expect(
    (await menuButton.getAttribute('aria-expanded')) === 'false',
    'tabbing out of the user menu should close it',
  ).toBeTruthy();

  // The console's wide tables scroll inside their boxes; the page itself does not (it was 500px wide).
  const session = await openDemoSession(j);
  await j.goto(`/sessions/${session.id}/console`);
  await j.expectText(page.getByRole('heading', { level: 1 }), '運営コンソール', 'h1');
  await page.locator('main tbody tr').first().waitFor();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow <= 0, `the session console scrolls sideways by ${overflow}px at 375px wide`).toBeTruthy();
  await j.checkA11y('session console (small screen)');
});
