import { expect, test } from '../fixtures';
import { ORGANISER } from '../demo';

/** A member municipality as the journey looks it up. */
interface Member {
  code: string;
  name: string;
  declaration: { id: string } | null;
}

test('an officer logs in and sees the declaration form of their own municipality', async ({ j, page }) => {
  await j.goto('/');
  const result = await j.graphql(
    `query { municipalities(filter: { membershipStatuses: [MEMBER] }, first: 100) { edges { node { code name declaration { id } } } } }`,
  );
  const members = result.data.municipalities.edges.map((edge: { node: Member }) => edge.node);
  const unsigned = members.find((m: Member) => !m.declaration) ?? members[0];
  await j.goto(`/login?next=${encodeURIComponent(`/municipalities/${unsigned.code}`)}`);
  await j.login(`officer.${unsigned.code}@yokoten.example`, ORGANISER.password);
  await page.waitForURL(new RegExp(`/municipalities/${unsigned.code}$`));
  await page.getByRole('button', { name: /さん（自治体DX担当者）/ }).waitFor();
  expect(
    (await page.getByRole('heading', { name: '事務局の操作' }).count()) === 0,
    'officers must not see organiser actions',
  ).toBeTruthy();
  if (!unsigned.declaration) {
    const form = page.getByRole('region', { name: '共同宣言に署名する' });
    await form.waitFor();
    await form.getByRole('button', { name: '共同宣言に署名する' }).click();
    await j.expectText(page.getByRole('alert'), /署名者の役職を入力してください/, 'required field messages');
    await j.checkA11y('declaration form, with errors');
    await j.screenshot('sign-declaration');
    // Too long: the message says the limit, not just 「入力内容に誤りがあります」. Nothing is signed.
    await form.getByLabel(/署名者の役職/).fill('市長');
    await form.getByLabel(/署名者の氏名/).fill('横展 太郎');
    await form.getByLabel(/宣言文/).fill('あ'.repeat(4001));
    await form.getByRole('button', { name: '共同宣言に署名する' }).click();
    await j.expectText(
      page.getByRole('alert'),
      /宣言文は4,000文字以内で入力してください（現在4,001文字）/,
      'too long statement message',
    );
    // The signer is the mayor, not the officer: the browser must not fill in the officer's own name.
    expect(
      (await form.getByLabel(/署名者の氏名/).getAttribute('autocomplete')) === 'off',
      'the signer name should not be autofilled',
    ).toBeTruthy();
    const after = await j.graphql(
      `query ($code: String!) { municipality(code: $code) { declaration { id } } }`,
      {
        code: unsigned.code,
      },
    );
    expect(
      after.data.municipality.declaration === null,
      'a too long statement must not be signed',
    ).toBeTruthy();
  } else {
    await j.checkA11y('officer municipality page');
  }
});
