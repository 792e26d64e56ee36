import { expect, test } from '../fixtures';
import { NEW_PASSWORD, RUN } from '../demo';
import { expectErrorSummary } from '../helpers';
import { linkFromMail, mailFiles, newOfficer } from '../mail';

test.use({ writes: true });

test('accounts: forgot password → reset from the mail; the old password no longer works, the new one does', async ({
  j,
  page,
}) => {
  const { email } = await newOfficer('reset');
  const resetPassword = 'Kitakyushu-DX-再設定-7';
  await j.goto('/login');
  await page.getByRole('link', { name: 'パスワードをお忘れの方' }).click();
  await page.waitForURL(/\/forgot-password$/);
  await j.expectText(page.getByRole('heading', { level: 1 }), 'パスワードの再設定', 'h1');
  await j.checkA11y('forgot password');
  await j.screenshot('forgot-password');

  // An unknown address gets the same answer as a known one.
  await page.getByLabel('メールアドレス').fill(`nobody.${RUN}@city.example.lg.jp`);
  await page.getByRole('button', { name: '再設定のメールを送る' }).click();
  const unknownAnswer = await j.expectText(
    page.locator('#forgot-done').locator('..'),
    '受け付けました',
    'answer',
  );
  await j.goto('/forgot-password');
  const before = await mailFiles();
  await page.getByLabel('メールアドレス').fill(email);
  await page.getByRole('button', { name: '再設定のメールを送る' }).click();
  const knownAnswer = await j.expectText(
    page.locator('#forgot-done').locator('..'),
    '受け付けました',
    'answer',
  );
  expect(
    unknownAnswer === knownAnswer,
    'a known and an unknown address should get the same answer',
  ).toBeTruthy();
  await j.checkA11y('forgot password, sent');

  const link = await linkFromMail(email, 'reset-password', before);
  await j.goto(link.path);
  await j.expectText(page.getByRole('heading', { level: 1 }), '新しいパスワードの設定', 'reset h1');
  await j.checkA11y('reset password');
  await j.screenshot('reset-password');
  await page.locator('#reset-password').fill(resetPassword);
  await page.locator('#reset-confirmation').fill(`${resetPassword}x`);
  await page.getByRole('button', { name: 'パスワードを再設定する' }).click();
  await expectErrorSummary(page, '確認用のパスワードが一致しません', 'mismatch');
  await page.locator('#reset-confirmation').fill(resetPassword);
  await page.getByRole('button', { name: 'パスワードを再設定する' }).click();
  await page.waitForURL(/\/login$/);
  await j.expectText(
    page.getByRole('status').filter({ hasText: 'パスワードを再設定しました' }),
    'パスワードを再設定しました。新しいパスワードでログインしてください。',
    'reset notice',
  );

  await j.login(email, NEW_PASSWORD);
  await j.expectText(
    page.getByRole('alert'),
    'メールアドレスまたはパスワードが正しくありません',
    'old password',
  );
  await j.login(email, resetPassword);
  await page.waitForURL((url) => url.pathname === '/');
  await page.getByRole('button', { name: /さん（/ }).waitFor();

  // The link works once.
  await j.goto(link.path);
  await page.locator('#reset-password').fill('Another-password-2026');
  await page.locator('#reset-confirmation').fill('Another-password-2026');
  await page.getByRole('button', { name: 'パスワードを再設定する' }).click();
  await j.expectText(page.getByRole('alert'), 'このリンクはすでに使われています', 'used reset link');
  await j.checkA11y('reset password, used link');
});
