import { expect, test } from '../fixtures';
import { OFFICER } from '../demo';

test('switch the language to English and back; the choice persists', async ({ j, page }) => {
  await j.goto('/municipalities');
  await page.getByRole('button', { name: 'English' }).click();
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  await j.expectText(page.getByRole('heading', { level: 1 }), 'Member municipalities', 'English h1');
  await page.reload({ waitUntil: 'networkidle' });
  expect(
    (await page.getAttribute('html', 'lang')) === 'en',
    'English should persist across a reload',
  ).toBeTruthy();
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
  // An officer's own municipality is named in English too (自治体の事例, the user menu).
  await j.goto(`/login?next=${encodeURIComponent('/my/cases')}`);
  await j.login(OFFICER.email, OFFICER.password);
  await page.waitForURL(/\/my\/cases$/);
  await j.expectText(page.getByText(/^All cases of /), 'All cases of Kitakyushu', 'my cases lead in English');
  await page.getByRole('button', { name: /Municipal DX officer/ }).click();
  await j.expectText(page.getByRole('link', { name: /^Municipality:/ }), 'Kitakyushu', 'user menu');
  await page.getByRole('button', { name: '日本語' }).click();
  await page.waitForFunction(() => document.documentElement.lang === 'ja');
  await j.expectText(page.getByRole('heading', { level: 1 }), /[ぁ-んァ-ヶ一-龠]/, 'Japanese h1 again');
  expect(
    (await page.evaluate(() => localStorage.getItem('yokoten.lang'))) === 'ja',
    'choice stored',
  ).toBeTruthy();
});
