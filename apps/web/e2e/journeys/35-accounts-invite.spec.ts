import { BASE_URL } from '../app';
import { expect, test } from '../fixtures';
import { NEW_PASSWORD, RUN } from '../demo';
import { expectErrorSummary } from '../helpers';
import { linkFromMail, mailFiles } from '../mail';

test.use({ writes: true });

test('accounts: the organiser invites an officer, who accepts from the mail and is logged in; a revoked link says so', async ({
  j,
  page,
  login,
}) => {
  const email = `e2e.invitee.${RUN}@city.example.lg.jp`;
  const revokedEmail = `e2e.revoked.${RUN}@city.example.lg.jp`;
  await login('organiser', '/');
  await page.getByRole('button', { name: /さん（/ }).click();
  await page.getByRole('link', { name: 'アカウント管理' }).click();
  await page.waitForURL(/\/people$/);
  await j.expectText(page.getByRole('heading', { level: 1 }), 'アカウント管理', 'h1');
  await page.locator('main tbody tr').first().waitFor();
  await j.checkA11y('people');

  // An empty submit: the summary takes focus and names the field, which says why (aria-describedby).
  await page.getByRole('button', { name: '招待メールを送る' }).click();
  await expectErrorSummary(page, 'メールアドレスを入力してください', 'empty invitation');
  expect(
    (await page.locator('#invite-email').getAttribute('aria-describedby'))?.includes('invite-email-error'),
    'the e-mail field should be described by its error',
  ).toBeTruthy();

  async function invite(address: string) {
    const before = await mailFiles();
    await page.locator('#invite-email').fill(address);
    await page.locator('#invite-role').selectOption('OFFICER');
    await page.getByRole('group', { name: '所属自治体' }).getByLabel('自治体名で絞り込む').fill('北九州');
    await page.locator('#invite-municipality option[value="401005"]').waitFor({ state: 'attached' });
    await page.locator('#invite-municipality').selectOption('401005');
    await page.locator('#invite-name').fill('招待 花子');
    await page.getByRole('button', { name: '招待メールを送る' }).click();
    await j.expectText(
      page.getByRole('status').filter({ hasText: '招待メールを送りました' }),
      address,
      'invitation notice',
    );
    return before;
  }
  const before = await invite(email);
  await j.expectText(
    page.getByRole('region', { name: '承諾待ちの招待' }),
    email,
    'pending invitation listed',
  );
  const invitation = await linkFromMail(email, 'invite', before);

  // A second invitation, revoked: the dialog's buttons say what they do.
  const beforeRevoked = await invite(revokedEmail);
  const revokedLink = await linkFromMail(revokedEmail, 'invite', beforeRevoked);
  await page
    .getByRole('region', { name: '承諾待ちの招待' })
    .getByRole('listitem')
    .filter({ hasText: revokedEmail })
    .getByRole('button', { name: /^取り消す/ })
    .click();
  const dialog = page.getByRole('dialog', { name: '招待を取り消しますか' });
  await dialog.waitFor();
  expect(
    await dialog.getByRole('button', { name: '戻る' }).count(),
    'the dialog should offer 「戻る」',
  ).toBeTruthy();
  await j.checkA11y('revoke dialog');
  await dialog.getByRole('button', { name: '招待を取り消す' }).click();
  await j.expectText(
    page.getByRole('status').filter({ hasText: '招待を取り消しました' }),
    revokedEmail,
    'revoke notice',
  );

  // The list by municipality (a short page for the screenshot), the pending invitation above it.
  await page.locator('#people-municipality').selectOption('401005');
  await page.waitForURL(/municipality=401005/);
  await page.waitForFunction(() =>
    [...document.querySelectorAll('main tbody tr td:nth-child(3)')].every(
      (td) => td.textContent === '北九州市',
    ),
  );
  await j.checkA11y('people, filtered');
  await j.screenshot('people');

  // Resent: a new link in a new mail, and the first one stops working.
  const beforeResend = await mailFiles();
  await page
    .getByRole('region', { name: '承諾待ちの招待' })
    .getByRole('listitem')
    .filter({ hasText: email })
    .getByRole('button', { name: /^再送する/ })
    .click();
  await j.expectText(page.getByRole('status').filter({ hasText: '再送しました' }), email, 'resend notice');
  const resent = await linkFromMail(email, 'invite', beforeResend);
  expect(resent.path !== invitation.path, 'a resent invitation should have a new link').toBeTruthy();

  // The invited officer, in a browser of their own, opens the link from the mail.
  const officer = await j.otherPage();
  await officer.goto(`${BASE_URL}${invitation.path}`, { waitUntil: 'networkidle' });
  await j.expectText(officer.getByRole('alert'), '新しいメールのリンク', 'the first link after a resend');
  await officer.goto(`${BASE_URL}${revokedLink.path}`, { waitUntil: 'networkidle' });
  await j.expectText(officer.getByRole('alert'), 'このリンクは取り消されています', 'revoked link');
  await j.expectText(officer.getByRole('alert'), '事務局', 'what to do about a revoked link');
  await j.checkA11y('invite, revoked', { page: officer });

  await officer.goto(`${BASE_URL}${resent.path}`, { waitUntil: 'networkidle' });
  await j.expectText(officer.getByRole('heading', { level: 1 }), '招待を受ける', 'invite h1');
  await j.expectText(officer.locator('main dl'), '北九州市', 'the invitation names the municipality');
  await j.expectText(officer.locator('main dl'), email, 'the invitation names the address');
  expect(
    (await officer.locator('#invite-name').inputValue()) === '招待 花子',
    'the name is suggested',
  ).toBeTruthy();
  await j.checkA11y('invite', { page: officer });
  await j.screenshot('invite', officer);

  // The rules are said before; a too-short password and then the server's reason (a common password).
  await officer.locator('#invite-password').fill('short');
  await officer.locator('#invite-confirmation').fill('short');
  await officer.getByRole('button', { name: 'アカウントを作成する' }).click();
  await expectErrorSummary(officer, 'パスワードが短すぎます', 'short password');
  await officer.locator('#invite-password').fill('qwertyuiop123');
  await officer.locator('#invite-confirmation').fill('qwertyuiop123');
  await officer.getByRole('button', { name: 'アカウントを作成する' }).click();
  await expectErrorSummary(officer, 'よく使われているパスワード', 'common password (the server says)');
  expect(
    (await officer.locator('#invite-password').getAttribute('aria-invalid')) === 'true',
    'the password field should be marked invalid',
  ).toBeTruthy();
  await j.checkA11y('invite, password refused', { page: officer });

  await officer.locator('#invite-title').fill('主任');
  await officer.locator('#invite-department').fill('デジタル市役所推進室');
  await officer.locator('#invite-password').fill(NEW_PASSWORD);
  await officer.locator('#invite-confirmation').fill(NEW_PASSWORD);
  await officer.getByRole('button', { name: 'アカウントを作成する' }).click();
  await officer.waitForURL((url) => url.pathname === '/');
  await j.expectText(
    officer.getByRole('status').filter({ hasText: 'ようこそ' }),
    'ログインしました',
    'welcome',
  );
  await j.expectText(
    officer.getByRole('button', { name: /さん（/ }),
    '招待 花子',
    'logged in as the new officer',
  );

  // The link works once.
  await officer.goto(`${BASE_URL}${resent.path}`, { waitUntil: 'networkidle' });
  await j.expectText(officer.getByRole('alert'), 'このリンクはすでに使われています', 'used link');
});
