import { expect, test } from '../fixtures';
import { openDemoSession } from '../helpers';

interface Registration {
  status: string;
  checkedInAt: string | null;
  checkInCode: string;
  user: { name: string };
}

test.use({ writes: true });

test('sessions: organiser console — assign tables, seat by hand, check in by button and code, CSV with BOM', async ({
  j,
  page,
  login,
}) => {
  await login('organiser', '/sessions');
  const session = await openDemoSession(j);
  await j.goto(`/sessions/${session.id}/console`);
  await j.expectText(page.getByRole('heading', { level: 1 }), '運営コンソール', 'h1');
  await j.expectText(page.locator('main dl').first(), /充足率\s*\d+%/, 'fill rate');

  await page.getByRole('button', { name: 'テーブルを自動割り当て' }).click();
  await j.expectText(
    page.getByRole('status').filter({ hasText: 'テーブルを割り当てました' }),
    /第1希望が通った人：\d+人／希望を出した\d+人（\d+%）/,
    'assignment score',
  );
  await j.expectText(
    page.getByTestId('table-score'),
    /第1希望が通った人\s*\d+人／希望を出した\d+人/,
    'score table',
  );

  // Seat by hand: take the first person off their table, give the seat to someone from another table;
  // both hold after a reload.
  const selects = page.locator('tbody tr').getByRole('combobox');
  const first = selects.first();
  const freed = await first.inputValue();
  expect(freed, 'automatic assignment should have seated the first confirmed person').toBeTruthy();
  const setTable = () => page.waitForResponse((r) => /SetTableAssignment/.test(r.request().postData() ?? ''));
  let saved = setTable();
  await first.selectOption('');
  expect(!(await (await saved).json()).errors, 'taking someone off a table should work').toBeTruthy();
  const values = await selects.evaluateAll((els) => els.map((el) => (el as HTMLSelectElement).value));
  const moverIndex = values.findIndex((value) => value && value !== freed);
  expect(moverIndex > 0, 'someone should sit at another table').toBeTruthy();
  saved = setTable();
  await selects.nth(moverIndex).selectOption(freed);
  expect(!(await (await saved).json()).errors, 'the freed seat should be taken').toBeTruthy();
  await page.reload({ waitUntil: 'networkidle' });
  expect((await selects.first().inputValue()) === '', 'the first person should stay unassigned').toBeTruthy();
  expect(
    (await selects.nth(moverIndex).inputValue()) === freed,
    'the hand-made seat should hold',
  ).toBeTruthy();
  await j.expectText(
    page.getByTestId('table-score'),
    /未割り当て1人/,
    'the score counts the unassigned person',
  );

  // Check-in from the row, then by code at the desk.
  const checkInButton = page.getByRole('button', { name: /さんを当日受付する$/ }).first();
  const who = (await checkInButton.getAttribute('aria-label'))!.replace(/さんを当日受付する$/, '');
  await checkInButton.click();
  await j.expectText(
    page.locator('tbody tr').filter({ hasText: who }).first(),
    /当日受付済み/,
    'row checked in',
  );
  const list = await j.graphql(
    `query($id: ID!) { exchangeSession(id: $id) { registrations { status checkedInAt checkInCode user { name } } } }`,
    { id: session.id },
  );
  const next = list.data.exchangeSession.registrations.find(
    (r: Registration) => r.status === 'CONFIRMED' && !r.checkedInAt,
  );
  const code = page.getByLabel('受付コード', { exact: true });
  const record = page.getByRole('button', { name: '当日受付を記録する', exact: true });
  await code.fill('ZZZZZZZZ');
  await record.click();
  await j.expectText(page.locator('#check-in-result'), 'この受付コードは見つかりません', 'unknown code');
  // The demo session is weeks away: a code is not taken as attendance before the day…
  await code.fill(next.checkInCode.toLowerCase());
  await record.click();
  await j.expectText(
    page.locator('#check-in-result'),
    /この受付コードの会は.+に開催します。当日受付は開催日にだけ記録できます。/,
    'a code before the day is refused',
  );
  const stillOpen = await j.graphql(
    `query($id: ID!) { exchangeSession(id: $id) { registrations { checkInCode checkedInAt } } }`,
    { id: session.id },
  );
  expect(
    stillOpen.data.exchangeSession.registrations.find((r: Registration) => r.checkInCode === next.checkInCode)
      .checkedInAt === null,
    'nothing is recorded before the organiser overrides',
  ).toBeTruthy();
  await j.checkA11y('console, a code on another day');
  // …unless the organiser says so with a second, deliberate action.
  await page.getByRole('button', { name: /^開催日ではないが当日受付として記録する/ }).click();
  await j.expectText(page.locator('#check-in-result'), `${next.user.name}さん`, 'checked in by code');
  expect(
    await code.evaluate((el) => el === document.activeElement),
    'focus stays in the code box for the next person',
  ).toBeTruthy();
  // The same code again says when it was used, not a second 「記録しました」.
  await code.fill(next.checkInCode);
  await record.click();
  await j.expectText(
    page.locator('#check-in-result'),
    /この受付コードは\d{1,2}:\d{2}に当日受付済みです。/,
    'a duplicate check-in says when',
  );
  expect(
    !(await page.locator('#check-in-result').innerText()).includes('記録しました'),
    'a duplicate must not repeat the success message',
  ).toBeTruthy();
  await j.screenshot('session-console-duplicate-check-in');

  await j.expectText(
    page.getByRole('region', { name: '都道府県別の申込数' }).locator('tbody'),
    /\S/,
    'prefecture counts',
  );
  await j.checkA11y('organiser console');
  await j.screenshot('session-console');

  // CSV: Excel-friendly (UTF-8 with BOM) with Japanese headers, through the download link.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'CSVでダウンロード' }).click(),
  ]);
  const { readFile } = await import('node:fs/promises');
  const bytes = await readFile(await download.path());
  expect(
    bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf,
    'the CSV should start with a UTF-8 BOM',
  ).toBeTruthy();
  const text = bytes.toString('utf8').slice(1);
  expect(
    text.startsWith('状態,キャンセル待ち順,申込順,氏名'),
    `Japanese header expected, got ${text.slice(0, 40)}`,
  ).toBeTruthy();
  expect(text.split('\n')[0].includes(',当日受付,'), 'the door check-in column is 当日受付').toBeTruthy();
  expect(
    text.includes('参加確定') && text.includes('キャンセル待ち'),
    'rows for confirmed and waitlisted people',
  ).toBeTruthy();
  expect(/\.csv$/.test(download.suggestedFilename()), 'a .csv file name').toBeTruthy();
});
