import { BASE_URL } from '../app';
import { expect, test } from '../fixtures';
import { NEW_PASSWORD } from '../demo';
import { expectErrorSummary, overflowAt375 } from '../helpers';

test.use({ writes: true });

test('accounts pages: account settings, audit log, settings, profile editing; ja and en, 1280 and 375px, axe', async ({
  j,
  page,
  login,
}) => {
  await login('organiser', '/account');
  await j.expectText(page.getByRole('heading', { level: 1 }), 'アカウント設定', 'h1');
  await page.getByLabel('問い合わせのお知らせ').uncheck();
  await page.getByRole('button', { name: 'メールの設定を保存する' }).click();
  await j.expectText(
    page.getByRole('status').filter({ hasText: 'メールの受け取り' }),
    '保存しました',
    'mail saved',
  );
  await page.locator('#change-current').fill('wrong-password-123');
  await page.locator('#change-password').fill(NEW_PASSWORD);
  await page.locator('#change-confirmation').fill(NEW_PASSWORD);
  await page.getByRole('button', { name: 'パスワードを変更する' }).click();
  await expectErrorSummary(page, '現在のパスワードが正しくありません', 'wrong current password');
  // A refused action is not a lost session: the page stays.
  await page.waitForTimeout(500);
  expect(
    new URL(page.url()).pathname === '/account',
    'a wrong current password should not log the page out',
  ).toBeTruthy();
  await j.checkA11y('account');
  await j.screenshot('account');

  await j.goto('/admin/audit-log');
  await j.expectText(page.getByRole('heading', { level: 1 }), '操作ログ', 'audit h1');
  await page.locator('main tbody tr').first().waitFor();
  await page.getByLabel('操作', { exact: true }).selectOption('user.profileUpdate');
  await page.waitForURL(/action=user\.profileUpdate/);
  const csv = page.getByRole('link', { name: 'CSVでダウンロード' });
  await page
    .waitForFunction(
      () =>
        /actions=user\.profileUpdate/.test(
          document.querySelector('main a[href^="/audit-log.csv"]')?.getAttribute('href') ?? '',
        ),
      null,
      { timeout: 5_000 },
    )
    .catch(async () => {
      throw new Error(`the CSV link should carry the filter: ${await csv.getAttribute('href')}`);
    });
  const response = await page.request.get(`${BASE_URL}${await csv.getAttribute('href')}`);
  expect(response.ok(), `the CSV answered ${response.status()}`).toBeTruthy();
  await j.checkA11y('audit log');
  await j.screenshot('audit-log');

  await j.goto('/admin/settings');
  await j.expectText(page.getByRole('heading', { level: 1 }), '設定', 'settings h1');
  await page.getByRole('button', { name: '設定を保存する' }).waitFor();
  const domains = await page.getByLabel('許可するドメイン').inputValue();
  expect(domains.split('\n').includes('lg.jp'), `allowed domains should list lg.jp: ${domains}`).toBeTruthy();
  await page.getByRole('button', { name: '設定を保存する' }).click();
  await j.expectText(
    page.getByRole('status').filter({ hasText: '保存しました' }),
    '招待できる',
    'settings saved',
  );
  await j.checkA11y('settings');
  await j.screenshot('settings');
  await j.goto('/admin/applications');
  await j.checkA11y('applications (organiser)');

  // An officer edits the municipality's profile; the municipality page shows it.
  await j.graphql('mutation { logout }');
  await login('officer', '/municipalities/401005/profile');
  await j.expectText(page.getByRole('heading', { level: 1 }), 'プロフィールを編集', 'profile h1');
  await page.getByLabel('担当部署').fill('デジタル市役所推進室');
  await page.getByLabel('窓口のメールアドレス').fill('dx@city.kitakyushu.example.lg.jp');
  // One plan link, also when the journey runs again on the same data.
  const removeLink = page.getByRole('button', { name: /^リンク\d+を削除$/ });
  while ((await removeLink.count()) > 0) await removeLink.first().click();
  await page.getByRole('button', { name: 'リンクを追加する' }).click();
  await page.waitForFunction(() => document.activeElement?.id?.endsWith('-label'));
  await page.keyboard.type('北九州市DX推進計画');
  await page
    .getByRole('group', { name: /^リンク\d+$/ })
    .last()
    .getByLabel('URL')
    .fill('ftp://example');
  await page.getByRole('button', { name: 'プロフィールを保存する' }).click();
  await expectErrorSummary(page, 'URLは https://', 'bad plan URL');
  await page
    .getByRole('group', { name: /^リンク\d+$/ })
    .last()
    .getByLabel('URL')
    .fill('https://www.city.kitakyushu.lg.jp/dx-plan.html');
  await page.getByLabel('リスキリング').check();
  await j.checkA11y('profile editor');
  await j.screenshot('municipality-profile-edit');
  await page.getByRole('button', { name: 'プロフィールを保存する' }).click();
  await page.waitForURL(/\/municipalities\/401005$/);
  await j.expectText(
    page.getByRole('status').filter({ hasText: 'プロフィール' }),
    '保存しました',
    'profile saved',
  );
  const section = page.getByRole('region', { name: 'DXの窓口と取り組み' });
  await j.expectText(section, 'デジタル市役所推進室', 'the profile on the municipality page');
  await j.expectText(section, '北九州市DX推進計画', 'the plan link on the municipality page');
  await j.checkA11y('municipality page with profile');
  await j.screenshot('municipality-with-profile');
  await j.goto('/people');
  await j.expectText(page.getByRole('heading', { level: 1 }), '同僚', 'officer h1');
  await page.getByRole('region', { name: '同じ自治体の担当者' }).getByRole('listitem').first().waitFor();
  await j.checkA11y('colleagues');
  await j.screenshot('colleagues');

  // English, then a phone: every new page, no sideways scrolling, 44px buttons.
  await j.graphql('mutation { logout }');
  await login('organiser', '/account');
  const pages = [
    '/account',
    '/people',
    '/admin/applications',
    '/admin/audit-log',
    '/admin/settings',
    '/municipalities/401005/profile',
    '/join',
    '/forgot-password',
    '/invite/not-a-token',
    '/reset-password/not-a-token',
  ];
  await page.getByRole('button', { name: 'English' }).click();
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  for (const path of pages) {
    await j.goto(path);
    await j.expectText(page.getByRole('heading', { level: 1 }), /[A-Za-z]/, `${path} h1 in English`);
    await j.checkA11y(`${path} (English)`);
  }
  await j.goto('/account');
  await j.screenshot('account-en');
  await page.getByRole('button', { name: '日本語' }).click();
  await page.waitForFunction(() => document.documentElement.lang === 'ja');

  await page.setViewportSize({ width: 375, height: 812 });
  for (const path of pages) {
    await j.goto(path);
    await page.getByRole('heading', { level: 1 }).waitFor();
    const overflow = await overflowAt375(page);
    expect(overflow <= 0, `${path} scrolls sideways by ${overflow}px at 375px wide`).toBeTruthy();
    const small = await page.evaluate(() =>
      [
        ...document.querySelectorAll(
          'main button, main select, main input:not([type="checkbox"]):not([type="hidden"])',
        ),
      ]
        .filter((el) => el.getClientRects().length && el.getBoundingClientRect().height < 44)
        .map(
          (el) =>
            `${el.tagName.toLowerCase()} ${el.textContent.trim() || el.id} (${Math.round(el.getBoundingClientRect().height)}px)`,
        ),
    );
    expect(small.length === 0, `${path}: targets under 44px high at 375px: ${small.join(', ')}`).toBeTruthy();
    await j.checkA11y(`${path} (375px)`);
  }
  await j.goto('/people?role=ORGANISER');
  await page.locator('main ul li').first().waitFor();
  await j.screenshot('people-mobile');
  await j.goto('/admin/audit-log');
  await page.locator('main tbody tr').first().waitFor();
  await j.screenshot('audit-log-mobile');
});
