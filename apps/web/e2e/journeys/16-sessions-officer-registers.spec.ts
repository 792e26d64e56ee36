import { expect, test } from '../fixtures';
import { freeOfficer, openDemoSession } from '../helpers';

test.use({ writes: true });

test('sessions: an officer registers for the full demo session, lands on the waitlist with its number, then cancels', async ({
  j,
  page,
  login,
}) => {
  await j.goto('/');
  const session = await openDemoSession(j);
  const officer = await freeOfficer(j, session.id);
  await login(officer.email, '/sessions');
  await page.getByRole('link', { name: session.title }).first().click();
  await page.waitForURL(new RegExp(`/sessions/${session.id}$`));
  const panel = page.getByRole('region', { name: '参加申込' });
  const expected = session.waitlistCount + 1;
  await j.expectText(
    panel,
    `キャンセル待ち（${expected}番目）`,
    'the form says the registration will be waitlisted',
  );

  // The same table twice is refused before anything is sent, with a summary that links to the field.
  await panel.getByLabel('第1希望').selectOption({ label: 'テーブルB：庁内職員向け事業' });
  await panel.getByLabel('第2希望').selectOption({ label: 'テーブルB：庁内職員向け事業' });
  await panel.getByRole('button', { name: 'キャンセル待ちで申し込む' }).click();
  await j.expectText(
    page.getByRole('alert'),
    /第2希望：ほかの希望と同じテーブル/,
    'duplicate choice message',
  );
  await j.checkA11y('registration form with errors');
  await panel.getByLabel('第2希望').selectOption({ label: 'テーブルC：移住・副業・外部人材' });
  await panel.getByRole('button', { name: 'キャンセル待ちで申し込む' }).click();

  const status = page.getByRole('region', { name: 'お申し込み状況' });
  await j.expectText(
    status.getByTestId('registration-status'),
    new RegExp(`キャンセル待ち\\s*${expected}番目`),
    'waitlist position',
  );
  await j.expectText(
    page.getByRole('status').filter({ hasText: '受け付けました' }),
    'お申し込みを受け付けました。',
    'notice',
  );
  await j.expectText(status, /第1希望\s*テーブルB：庁内職員向け事業/, 'ranked preferences');
  expect(
    await page.evaluate(() => document.activeElement?.textContent === 'お申し込み状況'),
    'focus should move to the registration status heading',
  ).toBeTruthy();
  expect((await status.getByRole('img').count()) === 0, 'no check-in QR code while waitlisted').toBeTruthy();
  await j.checkA11y('session page, waitlisted');
  await j.screenshot('session-waitlisted');

  // It shows under 自分の申込 on the list.
  await page
    .getByRole('navigation', { name: 'メインメニュー' })
    .getByRole('link', { name: '定期共有会' })
    .click();
  await j.expectText(
    page.getByRole('region', { name: '自分の申込' }),
    new RegExp(`キャンセル待ち\\s*${expected}番目`),
    'my registrations',
  );
  await page.getByRole('region', { name: '自分の申込' }).getByRole('link').first().click();

  // Cancel, after a confirmation in a dialog.
  await page.getByRole('button', { name: '申込をキャンセルする' }).click();
  const dialog = page.getByRole('dialog', { name: '申込をキャンセルしますか' });
  await dialog.waitFor();
  await j.checkA11y('cancel registration dialog');
  expect(
    (await dialog.getByRole('button', { name: 'キャンセル', exact: true }).count()) === 0 &&
      (await dialog.getByRole('button', { name: '戻る', exact: true }).count()) === 1,
    'the dialog closes with 「戻る」, not a 「キャンセル」 beside 「申込をキャンセルする」',
  ).toBeTruthy();
  await j.screenshot('session-cancel-dialog');
  await dialog.getByRole('button', { name: '申込をキャンセルする', exact: true }).click();
  await j.expectText(
    page.getByRole('status').filter({ hasText: 'キャンセル' }),
    'お申し込みをキャンセルしました。',
    'cancel notice',
  );
  await j.expectText(
    page.getByRole('region', { name: '参加申込' }),
    '以前のお申し込みはキャンセル済みです。',
    'form again',
  );
  const after = await openDemoSession(j);
  expect(
    after.waitlistCount === session.waitlistCount,
    'the waitlist should be as long as before',
  ).toBeTruthy();
});
