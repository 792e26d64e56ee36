import { expect, test } from '../fixtures';
import { freeOfficer, jstInput } from '../helpers';

// Two journeys on one new session: the organiser creates it, then edits, closes and cancels it
// (serial: the second needs the first).
test.use({ writes: true });
test.describe.configure({ mode: 'serial' });

// The session the organiser journey creates (null when it did not get that far), for the journey after it.
let createdSession: { id: string; title: string } | null = null;

test('sessions: the organiser creates a session (JST times, tables, agenda) and opens it; an officer gets a seat and a QR code', async ({
  j,
  page,
  login,
}) => {
  await login('organiser', '/sessions');
  await page.getByRole('link', { name: '新しい定期共有会を作成' }).click();
  await page.waitForURL(/\/sessions\/new$/);
  await j.expectText(page.getByRole('heading', { level: 1 }), '定期共有会を作成', 'form h1');

  // An empty form: a summary of what is missing, linked to the fields.
  await page.getByRole('button', { name: '準備中として作成する' }).click();
  await j.expectText(page.getByRole('alert'), /会の名称を入力してください/, 'required fields');
  await j.checkA11y('session form with errors');

  const title = `定期共有会 E2E ${Date.now().toString(36)}：庁内DX研修の設計`;
  await page.getByLabel(/^会の名称/).fill(title);
  await page.getByLabel(/^開始日時/).fill(jstInput(40, 14));
  await page.getByLabel(/^終了日時/).fill(jstInput(40, 16, 30));
  await page.getByRole('radio', { name: 'オンライン' }).check();
  await page.getByLabel(/^参加URL/).fill('https://meet.example.jp/yokoten-e2e');
  await page.getByRole('textbox', { name: /^定員/ }).fill('20');
  await page.getByLabel(/^1自治体あたりの申込上限/).fill('2');
  await page.getByLabel(/^申込開始日時/).fill(jstInput(-1, 9));
  await page.getByLabel(/^申込締切日時/).fill(jstInput(37, 17));
  await page.getByRole('button', { name: 'テーブルを追加' }).click();
  const table1 = page.getByRole('group', { name: 'テーブル1' });
  expect(
    await table1.getByLabel(/^テーブル名/).evaluate((el) => el === document.activeElement),
    'a new table row should take focus',
  ).toBeTruthy();
  await table1.getByLabel(/^テーブル名/).fill('テーブルA');
  await table1.getByLabel(/^テーマ/).fill('企業・市民向け事業');
  await table1.getByLabel(/^席数/).fill('10');
  await page.getByRole('button', { name: 'テーブルを追加' }).click();
  const table2 = page.getByRole('group', { name: 'テーブル2' });
  await table2.getByLabel(/^テーブル名/).fill('テーブルB');
  await table2.getByLabel(/^テーマ/).fill('庁内職員向け事業');
  await table2.getByLabel(/^席数/).fill('10');
  await page.getByRole('button', { name: 'プログラムを追加' }).click();
  const item1 = page.getByRole('group', { name: 'プログラム1' });
  await item1.getByLabel(/^タイトル/).fill('庁内DX研修の3年間');
  await item1.getByLabel(/^所属/).fill('江戸川区役所');
  await item1.getByLabel(/^時間（分）/).fill('30');
  // The case presented is found by words, not by a pasted address.
  await item1.getByRole('searchbox', { name: '公開中の事例から探す' }).fill('リスキリング');
  const candidates = item1.getByRole('list', { name: '事例の候補' });
  await candidates.getByRole('listitem').first().waitFor();
  const picked = (await candidates.getByRole('listitem').first().innerText()).split('\n')[0].trim();
  await candidates.getByRole('button', { name: 'この事例にする' }).first().click();
  await item1.getByRole('button', { name: '事例の紐づけを外す' }).waitFor();
  await j.expectText(item1, picked.slice(0, 12), 'the chosen case is shown by its title');
  // The term follows the start date (Japan time) unless chosen by hand.
  expect(
    /\d{4}年度[上下]期/.test(
      await page.getByLabel(/^開催期/).evaluate((el) => (el as HTMLSelectElement).selectedOptions[0].text),
    ),
    'term',
  ).toBeTruthy();
  await j.checkA11y('session form filled in');
  await page.getByRole('button', { name: '準備中として作成する' }).click();

  await page.waitForURL(/\/sessions\/[0-9a-f-]{36}$/);
  createdSession = { id: new URL(page.url()).pathname.split('/').pop()!, title };
  await j.expectText(
    page.getByRole('status').filter({ hasText: '作成しました' }),
    /定期共有会を作成しました/,
    'notice',
  );
  await j.expectText(page.getByRole('heading', { level: 1 }), title, 'h1');
  // Typed as 14:00–16:30 in Japan time, read back the same in a browser on Pacific time.
  await j.expectText(
    page.getByRole('region', { name: '開催概要' }),
    /14:00〜16:30（日本時間）/,
    'JST round trip',
  );
  await j.expectText(page.locator('main'), /準備中/, 'a new session is a draft');

  await page.getByRole('link', { name: '運営コンソールを開く' }).click();
  await page.waitForURL(/\/console$/);
  await page.getByRole('button', { name: '申込受付を開始' }).click();
  const open = page.getByRole('dialog', { name: '申込受付を開始しますか' });
  await open.getByRole('button', { name: '受付を開始する' }).click();
  await j.expectText(
    page.getByRole('status').filter({ hasText: '開始しました' }),
    '申込受付を開始しました。',
    'opened',
  );
  await j.expectText(page.locator('main'), /受付中/, 'status after opening');
  // Right after opening, the likely next step is the solid button; closing is there but secondary.
  const lifecycle = page.getByRole('region', { name: '申込受付と開催の操作' });
  // (The closed confirmation dialogs inside the panel hold solid buttons too: only what is shown counts.)
  const solid = lifecycle.locator('a.bg-blue-900:visible, button.bg-blue-900:visible');
  expect((await solid.count()) === 1, 'one primary action in the lifecycle panel').toBeTruthy();
  await j.expectText(solid, '申込者一覧を確認する', 'the primary action after opening');
  expect(
    !(await lifecycle
      .getByRole('button', { name: '申込受付を締め切る' })
      .evaluate((el) => el.className.includes('bg-blue-900'))),
    '申込受付を締め切る must not be the solid primary button',
  ).toBeTruthy();
  await j.checkA11y('console after opening');
  await j.screenshot('session-console-opened');

  // An officer registers: a confirmed seat, the meeting URL, a check-in code and its QR code.
  await page.getByRole('button', { name: /さん（事務局）/ }).click();
  await page.getByRole('button', { name: 'ログアウト' }).click();
  await page.getByRole('link', { name: 'ログイン', exact: true }).waitFor();
  const officer = await freeOfficer(j, createdSession!.id);
  await login(officer.email, `/sessions/${createdSession!.id}`);
  const panel = page.getByRole('region', { name: '参加申込' });
  await panel.getByLabel('第1希望').selectOption({ label: 'テーブルA：企業・市民向け事業' });
  await panel.getByRole('button', { name: 'この内容で申し込む' }).click();
  const status = page.getByRole('region', { name: 'お申し込み状況' });
  await j.expectText(status.getByTestId('registration-status'), '参加確定', 'confirmed');
  await j.expectText(status.getByTestId('check-in-code'), /^[0-9A-Z]{6,16}$/, 'check-in code');
  const qr = status.getByRole('img', { name: /当日受付用のQRコード/ });
  expect(
    /^data:image\/svg\+xml/.test((await qr.getAttribute('src'))!),
    'the QR code is an SVG image from the API',
  ).toBeTruthy();
  expect(
    await qr.evaluate(
      (img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth > 0,
    ),
    'the QR code image should render',
  ).toBeTruthy();
  await j.expectText(
    page.getByRole('region', { name: '会場・参加方法' }),
    'https://meet.example.jp/yokoten-e2e',
    'meeting URL',
  );
  await j.checkA11y('session page, confirmed');
  await j.screenshot('session-page');
});

test('sessions: the organiser edits the new session, closes registration, then cancels it with a reason', async ({
  j,
  page,
  login,
}) => {
  expect(createdSession, 'needs the session created by the journey before').toBeTruthy();
  await login('organiser', `/sessions/${createdSession!.id}`);
  await page.getByRole('link', { name: '開催内容を編集' }).click();
  await page.waitForURL(/\/edit$/);
  const capacity = page.getByRole('textbox', { name: /^定員/ });
  const table2 = page.getByRole('group', { name: 'テーブル2' }).getByLabel(/^テーブル名/);
  expect((await table2.inputValue()) === 'テーブルB', 'the form should hold the saved tables').toBeTruthy();
  expect((await capacity.inputValue()) === '20', 'the form should hold the saved capacity').toBeTruthy();
  await capacity.fill('25');
  await j.checkA11y('session edit form');
  await page.getByRole('button', { name: '保存する' }).click();
  await page.waitForURL(new RegExp(`/sessions/${createdSession!.id}$`));
  await j.expectText(
    page.getByRole('status').filter({ hasText: '保存しました' }),
    '開催内容を保存しました。',
    'saved',
  );
  await j.expectText(page.getByRole('region', { name: '開催概要' }), /定員 25人/, 'new capacity');

  await page.getByRole('link', { name: '運営コンソールを開く' }).click();
  await page.getByRole('button', { name: '申込受付を締め切る' }).click();
  await page
    .getByRole('dialog', { name: '申込受付を締め切りますか' })
    .getByRole('button', { name: '締め切る' })
    .click();
  await j.expectText(
    page.getByRole('status').filter({ hasText: '締め切りました' }),
    '申込受付を締め切りました。',
    'closed',
  );

  await page.getByRole('button', { name: '開催を中止する' }).click();
  const dialog = page.getByRole('dialog', { name: '開催を中止しますか' });
  await dialog.getByRole('button', { name: '中止する' }).click();
  await j.expectText(
    dialog.getByText('中止の理由を入力してください。'),
    '中止の理由を入力してください。',
    'a reason is required',
  );
  await j.checkA11y('cancel session dialog');
  await dialog
    .getByLabel(/^中止の理由/)
    .fill('講師の都合により中止します。次回の日程は追ってお知らせします。');
  await dialog.getByRole('button', { name: '中止する' }).click();
  await j.expectText(
    page.getByRole('status').filter({ hasText: '中止しました' }),
    /開催を中止しました/,
    'cancelled',
  );
  await page.getByRole('link', { name: createdSession!.title }).first().click();
  await j.expectText(page.getByRole('note'), /講師の都合により中止します/, 'the reason on the session page');
  await j.checkA11y('cancelled session page');
});
