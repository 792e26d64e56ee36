import { expect, test } from '../fixtures';
import { ORGANISER } from '../demo';

test.use({ writes: true });

test('organiser admits an applicant, then withdraws it, each after a confirmation', async ({ j, page }) => {
  await j.goto('/login');
  await j.login(ORGANISER.email, ORGANISER.password);
  await page.waitForURL((url) => url.pathname === '/');
  const result = await j.graphql(
    `query { municipalities(filter: { membershipStatuses: [APPLICANT] }, first: 1) { edges { node { code name } } } }`,
  );
  const applicant = result.data.municipalities.edges[0]?.node;
  expect(applicant, 'no applicant left in the demo data').toBeTruthy();
  await j.goto(`/municipalities/${applicant.code}`);
  const profile = page.locator('dl');
  await j.expectText(profile, /加入状況\s+加入申請中/, 'status before');

  await page.getByRole('button', { name: '加入承認' }).click();
  const admit = page.getByRole('dialog', { name: '加入を承認しますか' });
  await admit.getByRole('button', { name: '承認する' }).click();
  await j.expectText(
    page.getByRole('status').filter({ hasText: '承認' }),
    `${applicant.name}の加入を承認しました。`,
    'notice',
  );
  await j.expectText(profile, /加入状況\s+会員/, 'status after admission');
  // The button that was pressed is gone: focus goes to the page heading, not back to <body>.
  await j.expectFocusOnHeading('after admission');

  await page.getByRole('button', { name: '退会処理' }).click();
  const withdraw = page.getByRole('dialog', { name: '退会処理を行いますか' });
  await j.checkA11y('withdraw confirmation dialog');
  await withdraw.getByRole('button', { name: '退会処理を行う' }).click();
  await j.expectText(
    page.getByRole('status').filter({ hasText: '退会' }),
    `${applicant.name}の退会処理を行いました。`,
    'notice',
  );
  await j.expectText(profile, /加入状況\s+退会/, 'status after withdrawal');
  await j.expectFocusOnHeading('after withdrawal');

  // A former member that asks to come back is admitted again, from the same place; in English the
  // notice names it in English.
  const { data } = await j.graphql(`query ($code: String!) { municipality(code: $code) { nameEn } }`, {
    code: applicant.code,
  });
  await page.getByRole('button', { name: 'English', exact: true }).click();
  await page.getByRole('button', { name: 'Admit', exact: true }).click();
  await page
    .getByRole('dialog', { name: 'Admit this municipality?' })
    .getByRole('button', { name: 'Admit', exact: true })
    .click();
  await j.expectText(
    page.getByRole('status').filter({ hasText: 'admitted' }),
    `${data.municipality.nameEn ?? applicant.name} has been admitted.`,
    'notice in English',
  );
  await j.expectText(profile, /Membership\s+Member/, 'status after re-admission');
  await page.getByRole('button', { name: 'Withdraw', exact: true }).click();
  await page
    .getByRole('dialog', { name: 'Withdraw this municipality?' })
    .getByRole('button', { name: 'Withdraw', exact: true })
    .click();
  await j.expectText(profile, /Membership\s+Withdrawn/, 'status after the second withdrawal');
  await page.getByRole('button', { name: '日本語', exact: true }).click();

  // Meanwhile another organiser (another tab) admits it: this page still offers 加入承認. Pressing it
  // says what happened and shows the status as it is now, not 「予期しないエラー」.
  const elsewhere = await j.graphql(`mutation ($code: String!) { admitMunicipality(code: $code) { code } }`, {
    code: applicant.code,
  });
  expect(
    !elsewhere.errors,
    `admitting from elsewhere failed: ${JSON.stringify(elsewhere.errors)}`,
  ).toBeTruthy();
  await page.getByRole('button', { name: '加入承認' }).click();
  await page
    .getByRole('dialog', { name: '加入を承認しますか' })
    .getByRole('button', { name: '承認する' })
    .click();
  await j.expectText(page.getByRole('alert'), /すでに変わっていました/, 'conflict message');
  await j.expectText(profile, /加入状況\s+会員/, 'the status as it is now');
  await page.getByRole('button', { name: '退会処理' }).click();
  await page
    .getByRole('dialog', { name: '退会処理を行いますか' })
    .getByRole('button', { name: '退会処理を行う' })
    .click();
  await j.expectText(profile, /加入状況\s+退会/, 'status after the last withdrawal');

  // The directory, reached without a reload, lists it under 退会.
  await page
    .getByRole('navigation', { name: 'メインメニュー' })
    .getByRole('link', { name: '加盟自治体' })
    .click();
  await page.getByLabel('加入状況').selectOption('WITHDRAWN');
  await page.waitForFunction(
    (name) => [...document.querySelectorAll('tbody tr th a')].some((a) => a.textContent.trim() === name),
    applicant.name,
    { timeout: 10_000 },
  );
});
