import { test } from '../fixtures';
import { FOLLOWER } from '../demo';

test.use({ writes: true });

test('reading cases: a case with no contact mail or phone says so', async ({ j, page }) => {
  await j.goto('/login');
  await j.login(FOLLOWER.email, FOLLOWER.password);
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  const created = await j.graphql(
    'mutation($input: CreateCaseStudyInput!) { createCaseStudy(input: $input) { id } }',
    { input: { title: '問い合わせ先のない下書き（e2e）', contactDepartment: '企画課' } },
  );
  const id = created.data.createCaseStudy.id;
  await j.goto(`/cases/${id}`);
  await j.expectText(
    page.getByRole('region', { name: '問い合わせ先' }),
    '問い合わせ先のメールアドレスと電話番号が登録されていません',
    'no contact is said',
  );
});
