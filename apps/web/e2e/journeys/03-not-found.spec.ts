import { test } from '../fixtures';

test('unknown pages answer with a 404 page', async ({ j, page }) => {
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
  // The five-digit form of a code (e-Stat, many lists) and full-width digits lead to the municipality.
  for (const typed of ['40100', '４０１００５']) {
    await j.goto(`/municipalities/${encodeURIComponent(typed)}`);
    await page.waitForURL((url) => url.pathname === '/municipalities/401005');
    await j.expectText(page.getByRole('heading', { level: 1 }), '北九州市', `h1 for ${typed}`);
  }
});
