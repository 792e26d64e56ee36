import { BASE_URL } from '../app';
import { expect, test } from '../fixtures';
import { NEW_PASSWORD, RUN } from '../demo';
import { expectErrorSummary } from '../helpers';
import { api, linkFromMail, mailFiles } from '../mail';

test.use({ writes: true });

test('join: a municipality applies via /join, the organiser admits it, the applicant accepts the invitation from the mail', async ({
  j,
  page,
  login,
}) => {
  const applicants = await api(
    '{ municipalities(filter: { membershipStatuses: [APPLICANT] }, first: 20) { edges { node { code name } } } }',
  );
  // The last one: the membership journey admits the first.
  const target = applicants.municipalities.edges.at(-1)?.node;
  expect(target, 'the demo data should have an applicant municipality').toBeTruthy();
  const email = `e2e.join.${RUN}@town.example.lg.jp`;

  await j.goto('/');
  await page
    .getByRole('navigation', { name: 'フッターメニュー' })
    .getByRole('link', { name: '参加を申し込む' })
    .click();
  await page.waitForURL(/\/join$/);
  await j.expectText(page.getByRole('heading', { level: 1 }), '参加申込', 'h1');
  await page.getByRole('button', { name: '申し込む' }).click();
  await expectErrorSummary(page, '団体コードを入力してください', 'empty application');
  await j.checkA11y('join, errors');
  // The code found by name, as an official who does not know it would.
  await page.getByRole('group', { name: '団体名で探す' }).getByLabel('自治体名で絞り込む').fill(target.name);
  await page.locator(`#join-picker option[value="${target.code}"]`).waitFor({ state: 'attached' });
  await page.locator('#join-picker').selectOption(target.code);
  expect(
    (await page.locator('#join-municipalityCode').inputValue()) === target.code,
    'the code is filled in',
  ).toBeTruthy();
  await page.getByLabel('申込者の氏名').fill('申込 一郎');
  await page.getByLabel('所属部署', { exact: false }).fill('総務課 情報係');
  await page.locator('#join-email').fill(email);
  await page.getByLabel('事務局への連絡事項').fill('職員のDX研修の事例を参考にしたいです。');
  await j.checkA11y('join');
  await j.screenshot('join');
  await page.getByRole('button', { name: '申し込む' }).click();
  await j.expectText(page.getByRole('heading', { level: 1 }), '参加申込を受け付けました', 'success h1');
  await j.expectText(page.locator('main'), email, 'the success page says where the answer goes');
  await j.checkA11y('join, done');
  await j.screenshot('join-done');

  await login('organiser', '/admin/applications');
  await j.expectText(page.getByRole('heading', { level: 1 }), '参加申込', 'applications h1');
  const card = page.locator('article').filter({ hasText: email });
  await card.waitFor();
  await j.checkA11y('applications');
  await j.screenshot('applications');
  const before = await mailFiles();
  await card.getByRole('button', { name: /^承認する/ }).click();
  const dialog = page.getByRole('dialog', { name: /参加を承認しますか/ });
  await j.expectText(dialog, '招待メール', 'the admit dialog says an invitation goes to the applicant');
  await j.expectText(dialog, email, 'the admit dialog names the address');
  await dialog.getByRole('button', { name: '承認して招待を送る' }).click();
  await j.expectText(page.getByRole('status').filter({ hasText: '承認し' }), target.name, 'admit notice');
  await j.expectFocusOnHeading('after admitting');
  await j.expectText(page.getByRole('region', { name: 'これまでの申込' }), target.name, 'decided list');

  const link = await linkFromMail(email, 'invite', before);
  const applicant = await j.otherPage();
  await applicant.goto(`${BASE_URL}${link.path}`, { waitUntil: 'networkidle' });
  await j.expectText(applicant.locator('main dl'), target.name, 'the invitation names the municipality');
  await applicant.locator('#invite-password').fill(NEW_PASSWORD);
  await applicant.locator('#invite-confirmation').fill(NEW_PASSWORD);
  await applicant.getByRole('button', { name: 'アカウントを作成する' }).click();
  await applicant.waitForURL((url) => url.pathname === '/');
  await applicant.getByRole('button', { name: /申込 一郎さん（/ }).click();
  await j.expectText(
    applicant.getByRole('link', { name: /^所属：/ }),
    target.name,
    'officer of the new member',
  );
  await applicant.getByRole('link', { name: '同僚' }).waitFor();
});
