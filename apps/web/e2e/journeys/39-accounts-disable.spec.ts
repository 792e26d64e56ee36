import { expect, test } from '../fixtures';
import { NEW_PASSWORD } from '../demo';
import { loginOn } from '../helpers';
import { apiLogin, newOfficer } from '../mail';

test.use({ writes: true });

test('accounts: an organiser disables an account; that person’s open page is logged out on focus', async ({
  j,
  page,
  login,
}) => {
  const person = await newOfficer('disabled');
  const theirs = await j.otherPage();
  await loginOn(theirs, person.email, NEW_PASSWORD, '/account');
  await j.expectText(theirs.getByRole('heading', { level: 1 }), 'アカウント設定', 'their page');

  await login('organiser', '/people');
  await page.getByLabel('氏名・メールアドレスで探す').fill(person.email);
  await page.waitForURL(/[?&]q=/);
  const row = page.locator('main tbody tr').filter({ hasText: person.email });
  await row.waitFor();
  await row.getByRole('button', { name: /^無効にする/ }).click();
  const dialog = page.getByRole('dialog', { name: /アカウントを無効にしますか/ });
  await j.expectText(dialog, 'ログアウト', 'the dialog says what happens');
  expect(
    await dialog.getByRole('button', { name: '戻る' }).count(),
    'the dialog should offer 「戻る」',
  ).toBeTruthy();
  await dialog.getByRole('button', { name: '無効にする' }).click();
  await j.expectText(page.getByRole('status').filter({ hasText: '無効にしました' }), person.name, 'notice');
  await j.expectText(row, '無効', 'the row shows the account disabled');

  // Their page notices when it gets focus back (it also asks every minute and on any UNAUTHENTICATED).
  await theirs.evaluate(() => window.dispatchEvent(new Event('focus')));
  await theirs.waitForURL(/\/login/);
  await j.expectText(
    theirs.getByRole('status').filter({ hasText: 'ログイン' }),
    'ログインの有効期限が切れたか、アカウントが無効になりました。',
    'session-ended notice',
  );
  await j.checkA11y('login after the session ended', { page: theirs });

  // Enabled again, they log in with the same password.
  await row.getByRole('button', { name: /^有効にする/ }).click();
  await page
    .getByRole('dialog', { name: /アカウントを有効にしますか/ })
    .getByRole('button', { name: '有効にする' })
    .click();
  await j.expectText(page.getByRole('status').filter({ hasText: '有効にしました' }), person.name, 'enabled');
  await apiLogin(person.email, NEW_PASSWORD);

  // A new role: an officer becomes one of the 事務局 (no municipality then).
  await row.getByRole('button', { name: /^役割を変更/ }).click();
  const roleDialog = page.getByRole('dialog', { name: /役割を変更/ });
  await roleDialog.getByLabel('役割').selectOption('ORGANISER');
  expect(
    (await roleDialog.getByLabel('所属自治体').count()) === 0,
    'an organiser has no municipality to choose',
  ).toBeTruthy();
  await j.checkA11y('change role dialog');
  await roleDialog.getByRole('button', { name: '役割を変更する' }).click();
  await j.expectText(page.getByRole('status').filter({ hasText: '役割を' }), '事務局', 'role changed');
  await j.expectText(row, '事務局', 'the row shows the new role');
});
