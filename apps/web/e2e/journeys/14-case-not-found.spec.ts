import { test } from '../fixtures';

test('case pages answer "not found" for an unknown or malformed id', async ({ j, page }) => {
  await j.goto('/cases/00000000-0000-4000-8000-000000000000');
  await j.expectText(page.getByRole('heading', { level: 1 }), '事例が見つかりません', 'unknown id');
  await j.goto('/cases/not-a-case');
  await j.expectText(page.getByRole('heading', { level: 1 }), '事例が見つかりません', 'malformed id');
  await j.checkA11y('case not found');
});
