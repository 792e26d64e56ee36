import { BASE_URL } from '../app';
import { expect, test } from '../fixtures';
import { ORGANISER } from '../demo';

test('organiser logs in, is sent back, sees membership actions, logs out', async ({ j, page }) => {
  // Find an applicant to look at (the demo data has some).
  await j.goto('/municipalities?status=APPLICANT');
  await page.waitForLoadState('networkidle');
  const applicant = page.locator('tbody tr th a').first();
  const hasApplicant = (await applicant.count()) > 0;
  const target = hasApplicant ? await applicant.getAttribute('href') : '/municipalities';
  await j.goto(target!);

  await page.getByRole('link', { name: 'ログイン', exact: true }).click();
  await page.waitForURL(/\/login\?next=/);
  await j.expectText(page.getByRole('heading', { level: 1 }), 'ログイン', 'login h1');

  // Empty form: clear messages next to the fields and in a summary.
  await page.getByRole('button', { name: 'ログインする' }).click();
  await j.expectText(page.getByRole('alert'), /メールアドレスを入力してください/, 'empty email message');
  await j.checkA11y('login, with errors');
  await j.screenshot('login-errors');

  // Wrong password.
  await j.login(ORGANISER.email, 'wrong-password');
  await j.expectText(
    page.getByRole('alert'),
    /メールアドレスまたはパスワードが正しくありません/,
    'bad credentials message',
  );

  await j.login(ORGANISER.email, ORGANISER.password);
  await page.waitForURL((url) => url.pathname === target);
  await j.expectText(
    page.getByRole('status').filter({ hasText: 'ログインしました' }),
    'ログインしました',
    'login notice',
  );
  const menu = page.getByRole('button', { name: /さん（事務局）/ });
  await menu.waitFor();
  await page.reload({ waitUntil: 'networkidle' });
  await menu.waitFor();
  expect(
    (await page.getByText('ログインしました。').count()) === 0,
    'the login notice should not come back on reload',
  ).toBeTruthy();
  if (hasApplicant) {
    await page.getByRole('heading', { name: '事務局の操作' }).waitFor();
    await page.getByRole('button', { name: '加入承認' }).click();
    const dialog = page.getByRole('dialog', { name: '加入を承認しますか' });
    await dialog.waitFor();
    await j.checkA11y('admit confirmation dialog');
    await j.screenshot('admit-dialog');
    await dialog.getByRole('button', { name: '戻る', exact: true }).click();
    await dialog.waitFor({ state: 'hidden' });
  }

  await menu.click();
  await page.getByRole('button', { name: 'ログアウト' }).waitFor();
  await j.checkA11y('user menu open');
  await j.screenshot('user-menu');
  await page.getByRole('button', { name: 'ログアウト' }).click();
  await j.expectText(
    page.getByRole('status').filter({ hasText: 'ログアウト' }),
    'ログアウトしました',
    'logout notice',
  );
  await page.getByRole('link', { name: 'ログイン', exact: true }).waitFor();
  // The menu button is gone with the session: focus goes to the page heading, not back to <body>.
  await page.waitForFunction(() => document.activeElement?.tagName === 'H1', null, { timeout: 5_000 });
  const me = await j.graphql('{ me { id } }');
  expect(me.data?.me === null, 'the session should be gone after logout').toBeTruthy();

  // A crafted next (a tab: the browser drops it, making //host) neither leaves the site nor strands the
  // officer on the login page once signed in.
  await j.goto('/login?next=/%09/example.com');
  await j.login(ORGANISER.email, ORGANISER.password);
  await page.waitForURL((url) => url.origin === new URL(BASE_URL).origin && url.pathname === '/');
});
