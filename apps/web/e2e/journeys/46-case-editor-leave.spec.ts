import { expect, test } from '../fixtures';

test.use({ writes: true });

test('case editor: leaving with unsaved changes asks first (a link, the back button), stays or leaves; a draft saves on the way out', async ({
  j,
  page,
  login,
}) => {
  await login('officer', '/');
  const nav = page.getByRole('navigation', { name: 'メインメニュー' });
  await page.getByRole('link', { name: '事例を書く', exact: true }).click();
  await page.waitForURL(/\/cases\/new$/);
  const title = page.getByLabel(/^タイトル/);
  const typed = `離れる前に確かめる E2E ${Date.now().toString(36)}`;
  await title.fill(typed);
  const leave = page.getByRole('dialog', { name: '保存していない変更があります' });
  const path = () => new URL(page.url()).pathname;

  // A link in the layout asks; 「戻る」 stays on the page with what was typed.
  await nav.getByRole('link', { name: '事例を探す', exact: true }).click();
  await leave.waitFor();
  await j.checkA11y('leave confirmation dialog');
  await leave.getByRole('button', { name: '戻る', exact: true }).click();
  await leave.waitFor({ state: 'hidden' });
  expect(path()).toBe('/cases/new');
  await expect(title).toHaveValue(typed);

  // So does the browser's back button, and staying keeps the address.
  await page.goBack();
  await leave.waitFor();
  await leave.getByRole('button', { name: '戻る', exact: true }).click();
  await leave.waitFor({ state: 'hidden' });
  expect(path()).toBe('/cases/new');
  await expect(title).toHaveValue(typed);

  // Leaving goes where the link pointed.
  await nav.getByRole('link', { name: '事例を探す', exact: true }).click();
  await leave.getByRole('button', { name: '変更を破棄して移動する' }).click();
  await page.waitForURL(/\/cases$/);
  await j.expectText(page.getByRole('heading', { level: 1 }), '事例を探す', 'the search page');

  // Leaving by the back button goes back.
  await page.goBack();
  await page.waitForURL(/\/cases\/new$/);
  await title.fill(typed);
  await page.goBack();
  await leave.waitFor();
  await leave.getByRole('button', { name: '変更を破棄して移動する' }).click();
  await page.waitForURL((url) => url.pathname === '/');

  // A draft does not ask: what is waiting to be saved is saved on the way out.
  const created = await j.graphql(
    'mutation($input: CreateCaseStudyInput!) { createCaseStudy(input: $input) { id } }',
    { input: { title: `保存して離れる下書き E2E ${Date.now().toString(36)}` } },
  );
  const id: string = created.data.createCaseStudy.id;
  await j.goto(`/cases/${id}/edit`);
  const renamed = `保存して離れた下書き E2E ${Date.now().toString(36)}`;
  await title.fill(renamed);
  await nav.getByRole('link', { name: '事例を探す', exact: true }).click();
  await page.waitForURL(/\/cases$/);
  expect(await leave.count(), 'a draft must not ask').toBe(0);
  await expect
    .poll(
      async () =>
        (await j.graphql('query($id: ID!) { caseStudy(id: $id) { title } }', { id })).data.caseStudy.title,
    )
    .toBe(renamed);
  await j.graphql('mutation($id: ID!) { deleteCaseStudyDraft(id: $id) { id } }', { id });
});
