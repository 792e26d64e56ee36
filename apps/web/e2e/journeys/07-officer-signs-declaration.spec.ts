import { expect, test } from '../fixtures';
import { ORGANISER } from '../demo';

/** A member municipality as the journey looks it up. */
interface Member {
  code: string;
  name: string;
  declaration: { id: string } | null;
}

test.use({ writes: true });

test('an officer signs the joint declaration; it shows on their page and in the list', async ({
  j,
  page,
}) => {
  await j.goto('/');
  const result = await j.graphql(
    `query { municipalities(filter: { membershipStatuses: [MEMBER] }, first: 100) { edges { node { code name declaration { id } } } } }`,
  );
  const unsigned = result.data.municipalities.edges
    .map((edge: { node: Member }) => edge.node)
    .find((m: Member) => !m.declaration);
  expect(unsigned, 'every member has signed already: no municipality left to sign for').toBeTruthy();
  await j.goto(`/login?next=${encodeURIComponent(`/municipalities/${unsigned.code}`)}`);
  await j.login(`officer.${unsigned.code}@yokoten.example`, ORGANISER.password);
  await page.waitForURL(new RegExp(`/municipalities/${unsigned.code}$`));
  // The home page's figures, read in this page load (so they sit in the client's cache)...
  const nav = page.getByRole('navigation', { name: 'メインメニュー' });
  await nav.getByRole('link', { name: 'ホーム' }).click();
  const signedBefore = Number(
    (await j.expectText(page.locator('dd').nth(1), /^[\d,]+団体$/, 'declaration count')).replace(/\D/g, ''),
  );
  await page.goBack();
  await page.waitForURL(new RegExp(`/municipalities/${unsigned.code}$`));
  const form = page.getByRole('region', { name: '共同宣言に署名する' });
  const statement = `${unsigned.name}は、職員のリスキリングと地域企業のDX支援に取り組み、その成果と課題を横展開します。`;
  await form.getByLabel(/署名者の役職/).fill('市長');
  await form.getByLabel(/署名者の氏名/).fill('横展 太郎');
  await form.getByLabel(/宣言文/).fill(statement);
  await form.getByRole('button', { name: '共同宣言に署名する' }).click();
  await j.expectText(
    page.getByRole('status').filter({ hasText: '署名' }),
    '共同宣言への署名を受け付けました。',
    'notice',
  );
  await j.expectText(page.locator('figure'), statement, 'the signed statement on the page');
  expect((await form.count()) === 0, 'the form should be gone once signed').toBeTruthy();
  await j.expectFocusOnHeading('after signing');
  await j.checkA11y('municipality page after signing');
  // Client-side navigation: the list must not come from a stale cache.
  await page
    .getByRole('navigation', { name: 'メインメニュー' })
    .getByRole('link', { name: '共同宣言' })
    .click();
  await j.expectText(page.locator('main'), statement, 'the declarations page lists the new signature');
  // ...count the new signature without a reload.
  await nav.getByRole('link', { name: 'ホーム' }).click();
  await j.expectText(
    page.locator('dd').nth(1),
    `${(signedBefore + 1).toLocaleString('ja-JP')}団体`,
    'declaration count on the home page after signing',
  );
});
