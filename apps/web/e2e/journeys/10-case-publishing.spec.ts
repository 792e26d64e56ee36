import { expect, test } from '../fixtures';
import { NEW_CASE_TITLE, OFFICER, ORGANISER } from '../demo';
import { nextSearch, searchTotal } from '../helpers';

// Three journeys in a row on one case: an officer writes and publishes it, a visitor finds it, the
// organiser unpublishes it (serial: each needs the one before).
test.use({ writes: true });
test.describe.configure({ mode: 'serial' });

// The case the officer journey publishes, for the journeys after it (null when it did not get that far).
let publishedCase: { id: string; title: string } | null = null;

test('an officer writes a case: checks, Markdown preview, checklist, autosave, conflict, publish', async ({
  j,
  page,
}) => {
  await j.goto(`/login?next=${encodeURIComponent('/my/cases')}`);
  await j.login(OFFICER.email, OFFICER.password);
  await page.waitForURL(/\/my\/cases$/);
  await j.expectText(
    page.getByRole('heading', { level: 1 }),
    '北九州市の事例',
    'my cases h1 names whose cases',
  );
  await page.locator('tbody tr').first().waitFor();
  // 「編集」 and 「操作」 stay on one line (the title column must not squeeze them to one character wide).
  expect(
    await page.locator('table').evaluate((table) =>
      [...table.querySelectorAll('thead th:last-child, tbody td:last-child a')].every((cell) => {
        // One line box for the word: a word broken over two lines has two.
        const range = document.createRange();
        range.selectNodeContents([...cell.childNodes].find((node) => node.nodeType === 3) ?? cell);
        return range.getClientRects().length === 1;
      }),
    ),
    'the actions column of 自治体の事例 wraps its words',
  ).toBeTruthy();
  await j.checkA11y('my cases');
  await j.screenshot('my-cases');
  await page.getByRole('link', { name: '新しい事例を書く' }).click();
  await page.waitForURL(/\/cases\/new$/);
  await j.expectText(
    page.getByRole('navigation', { name: 'メインメニュー' }).locator('[aria-current="page"]'),
    '北九州市の事例',
    'the editor belongs to 北九州市の事例 in the menu',
  );

  // Saving without a title: a summary that names the field, with focus on it.
  await page.getByRole('button', { name: '下書きを保存' }).click();
  const summary = page.getByRole('alert').filter({ hasText: '入力内容を確認してください' });
  await j.expectText(summary, 'タイトルを入力してください。', 'error summary');
  expect(
    await summary.evaluate((el) => el === document.activeElement),
    'focus should move to the error summary',
  ).toBeTruthy();
  await summary.getByRole('link').click();
  await page.waitForFunction(() => document.activeElement?.id === 'case-title');
  await j.checkA11y('case editor, new, with errors');

  await page.getByLabel(/^タイトル/).fill(NEW_CASE_TITLE);
  await page.getByRole('button', { name: '下書きを保存' }).click();
  await page.waitForURL(/\/cases\/[0-9a-f-]{36}\/edit$/);
  const id = /\/cases\/([0-9a-f-]{36})\/edit/.exec(page.url())![1];
  await j.expectText(
    page.getByRole('status').filter({ hasText: '下書きを保存しました' }),
    '自動で保存',
    'created notice',
  );

  // The checklist says what is missing, and 公開する says why it cannot be pressed yet.
  const checklist = page.getByRole('region', { name: '公開前のチェックリスト' });
  await j.expectText(checklist, /8項目中1項目が入力済みです/, 'checklist progress');
  const publish = page.getByRole('button', { name: '公開する' });
  expect(
    await publish.isDisabled(),
    '公開する should be disabled until the checklist is complete',
  ).toBeTruthy();
  await j.expectText(page.locator('#publish-reason'), /あと7項目/, 'the reason 公開する is disabled');
  await checklist.getByRole('link', { name: /概要/ }).click();
  await page.waitForFunction(() => document.activeElement?.id === 'case-summary');

  await page
    .getByLabel(/^概要/)
    .fill(
      '市内の町工場の若手社員が月に一度集まり、センサーで集めた製造データを読み解く力を身につける勉強会を続けている。',
    );
  const body = [
    '## 背景',
    '',
    '市内の製造業の多くは従業員20人未満の町工場で、データ活用を学ぶ機会が限られていた。',
    '',
    '## 取り組み',
    '',
    '- 若手社員向けの勉強会を月1回開催',
    '- 地元の工業高校と連携し、実習用のセンサーを貸し出し',
    '',
    '![勉強会の様子](https://images.example.com/juku.png)',
    '',
    '## 成果',
    '',
    '参加企業のうち12社が、設備の稼働データを記録するようになった。',
  ].join('\n');
  await page.getByRole('textbox', { name: /^本文/ }).fill(body);

  // The preview is the API's renderer: headings, lists, and an external image as a consent button.
  await page.getByRole('tab', { name: 'プレビュー' }).click();
  const preview = page.getByRole('tabpanel', { name: 'プレビュー' });
  await j.expectText(preview.getByRole('heading', { name: '取り組み' }), '取り組み', 'preview heading');
  expect((await preview.locator('li').count()) === 2, 'the preview should show the list').toBeTruthy();
  await preview.getByRole('button', { name: '外部画像を表示' }).waitFor();
  expect(
    (await preview.locator('img').count()) === 0,
    'an external image must not load before consent',
  ).toBeTruthy();
  await j.checkA11y('case editor, Markdown preview');
  // From the top: the sticky status bar and checklist would otherwise sit mid-page in a full-page shot.
  await page.evaluate(() => window.scrollTo(0, 0));
  await j.screenshot('case-editor-preview');
  await page.getByRole('tab', { name: '入力' }).click();

  const themes = page.getByRole('group', { name: /^テーマ/ });
  await themes.getByRole('checkbox', { name: 'ロボット・IoT' }).check();
  await themes.getByRole('checkbox', { name: '中小企業DX支援' }).check();
  await page.getByRole('group', { name: /^対象/ }).getByRole('checkbox', { name: '企業' }).check();
  await page.getByLabel(/^タグ/).fill('町工場、IoT、若手育成');
  await page
    .getByRole('group', { name: /^実施年度/ })
    .getByRole('checkbox')
    .nth(2)
    .check();
  // Officials write amounts with 万 / 億, often with the IME's full-width digits.
  await page.getByLabel(/^予算/).fill('３５０万円');
  await j.expectText(page.getByText(/^入力内容：/), '約350万円（3,500,000円）', 'budget read back');

  // An outcome row: the cells are labelled by row and column.
  await page.getByRole('button', { name: '成果指標を追加' }).click();
  await page.waitForFunction(() => document.activeElement?.id === 'case-outcomes-0-label');
  await page.getByLabel('1行目の指標').fill('稼働データを記録する企業');
  await page.getByLabel('1行目の実施前').fill('0');
  await page.getByLabel('1行目の実施後').fill('abc');
  await page.getByLabel('1行目の単位').fill('社');
  await page.getByLabel('1行目の時点').fill('2025-03-31');
  await page.getByLabel('1行目の単位').focus();
  await j.expectText(
    page.locator('#case-outcomes-0-after-error'),
    '実施後の値を数字で',
    'outcome cell error',
  );
  await page.getByLabel('1行目の実施後').fill('12');

  await page.getByLabel(/^メールアドレス/).fill('dx@');
  await page.getByLabel(/^電話番号/).focus();
  await j.expectText(page.locator('#case-contactEmail-error'), 'メールアドレスの形式', 'email check');
  // An address typed with the IME in full-width mode is the same address, not an error.
  await page.getByLabel(/^メールアドレス/).fill('ｄｘ＠ｃｉｔｙ．ｅｘａｍｐｌｅ．ｌｇ．ｊｐ');
  await page.getByLabel(/^電話番号/).focus();
  await page.locator('#case-contactEmail-error').waitFor({ state: 'detached' });
  await page.getByLabel(/^メールアドレス/).fill('');
  await page.getByLabel(/^担当部署/).fill('産業経済局 ものづくり支援課');

  // Autosave: the draft is saved a moment after typing stops, and the checklist follows.
  const status = page.locator('p[role="status"]').filter({ hasText: /保存|変更/ });
  await j.expectText(status, /^保存しました \d{2}:\d{2}$/, 'autosave status');
  await j.expectText(checklist, /8項目中8項目が入力済みです/, 'complete checklist');
  // Published cases that look like the draft, to catch a duplicate before it is written twice.
  await j.expectText(
    page.getByRole('region', { name: '似ている公開済みの事例' }).getByRole('listitem').first(),
    /\S/,
    'cases like the draft',
  );
  await page.waitForFunction(
    () => !document.querySelector<HTMLButtonElement>('[aria-describedby="publish-reason"]')?.disabled,
  );
  await j.checkA11y('case editor, ready to publish');
  await page.evaluate(() => window.scrollTo(0, 0));
  await j.screenshot('case-editor');

  // Someone else saves meanwhile: the next autosave is refused with a clear choice, not lost.
  const current = await j.graphql(`query ($id: ID!) { caseStudy(id: $id) { version } }`, { id });
  await j.graphql(
    `mutation ($id: ID!, $v: Int!) { updateCaseStudy(id: $id, input: { challenges: "講師の確保に苦労した。", expectedVersion: $v }) { version } }`,
    { id, v: current.data.caseStudy.version },
  );
  await page
    .getByLabel(/^工夫した点・学び/)
    .fill('実際の自社データを持ち寄ったことで、参加者の意欲が続いた。');
  const conflict = page
    .getByRole('alert')
    .filter({ hasText: 'ほかの画面または他の職員によって更新されました' });
  await conflict.waitFor({ timeout: 10_000 });
  await j.checkA11y('case editor, conflict');
  await conflict.getByRole('button', { name: 'この画面の内容で上書き保存する' }).click();
  await j.expectText(status, /^保存しました \d{2}:\d{2}$/, 'saved after overwriting');
  await conflict.waitFor({ state: 'hidden' });

  await publish.click();
  const dialog = page.getByRole('dialog', { name: 'この事例を公開しますか' });
  await dialog.waitFor();
  await j.checkA11y('publish confirmation dialog');
  await dialog.getByRole('button', { name: '公開する' }).click();
  await page.waitForURL(new RegExp(`/cases/${id}$`));
  await j.expectText(
    page.getByRole('status').filter({ hasText: '公開しました' }),
    NEW_CASE_TITLE,
    'published notice',
  );
  await j.expectText(page.getByRole('heading', { level: 1 }), NEW_CASE_TITLE, 'case h1');
  const outcomes = page.getByRole('table', { name: /成果指標/ });
  await j.expectText(
    outcomes.locator('tbody tr').first(),
    /稼働データを記録する企業\s+0\s+12\s+社/,
    'outcome row',
  );
  await j.expectText(
    page.getByRole('table', { name: '更新履歴（新しい順）' }).locator('tbody tr').first(),
    '公開',
    'revision history',
  );
  await j.checkA11y('case page, owner');
  publishedCase = { id, title: NEW_CASE_TITLE };
});

test('a visitor finds the new case by a Japanese query, narrows with a facet and opens it', async ({
  j,
  page,
}) => {
  expect(publishedCase, 'the officer journey did not publish its case').toBeTruthy();
  await j.goto('/');
  // From the home page's search box, in hiragana: kana folding finds the katakana word.
  await page.getByRole('searchbox', { name: 'キーワードで事例を探す' }).fill('みらいこうば');
  await page
    .getByRole('search', { name: 'キーワードで事例を探す' })
    .getByRole('button', { name: '検索' })
    .click();
  await page.waitForURL(/\/cases\?q=/);
  // Published within a second or so: search again until the index has it.
  const result = page.getByRole('link', { name: publishedCase!.title });
  for (let attempt = 0; attempt < 10 && !(await result.count()); attempt += 1) {
    await page.waitForTimeout(500);
    await page.reload({ waitUntil: 'networkidle' });
  }
  await result.waitFor();
  const before = await searchTotal(j, page);
  const narrowed = nextSearch(page);
  await page
    .getByRole('group', { name: 'テーマ' })
    .getByRole('checkbox', { name: /ロボット・IoT/ })
    .check();
  await page.waitForURL(/themes=ROBOTICS_IOT/);
  await narrowed;
  await result.waitFor();
  expect((await searchTotal(j, page)) <= before, 'a facet must not widen the results').toBeTruthy();
  await page
    .getByRole('group', { name: '人口規模' })
    .getByRole('checkbox', { name: /30万〜100万人/ })
    .check();
  await page.waitForURL(/band=FROM_300K_TO_1M/);
  await result.waitFor();
  await j.checkA11y('case search for the new case');

  await result.click();
  await page.waitForURL(new RegExp(`/cases/${publishedCase!.id}$`));
  await j.expectText(page.getByRole('heading', { level: 1 }), publishedCase!.title, 'case h1');
  await page.getByRole('link', { name: '北九州市', exact: true }).first().waitFor();
  await page.getByRole('button', { name: '外部画像を表示' }).waitFor();
  expect((await page.locator('main img').count()) === 0, 'no external image before consent').toBeTruthy();
  expect(
    (await page.getByRole('heading', { name: '更新履歴' }).count()) === 0,
    'visitors must not see the revision history',
  ).toBeTruthy();
  expect(
    (await page.getByRole('button', { name: '編集する' }).count()) === 0,
    'visitors must not see owner actions',
  ).toBeTruthy();
  await j.expectText(
    page.locator('main'),
    'メールアドレスと電話番号は、ログインした',
    'contact hint for visitors',
  );
  await page.waitForLoadState('networkidle');
  await j.checkA11y('case page, visitor');
  await j.screenshot('case-study');
});

test('an organiser unpublishes a case with a reason, in a dialog', async ({ j, page }) => {
  expect(publishedCase, 'the officer journey did not publish its case').toBeTruthy();
  await j.goto(`/login?next=${encodeURIComponent(`/cases/${publishedCase!.id}`)}`);
  await j.login(ORGANISER.email, ORGANISER.password);
  await page.waitForURL(new RegExp(`/cases/${publishedCase!.id}$`));
  await page.getByRole('button', { name: '公開を停止する' }).click();
  const dialog = page.getByRole('dialog', { name: 'この事例の公開を停止しますか' });
  await dialog.waitFor();
  await dialog.getByRole('button', { name: '公開を停止する' }).click();
  await j.expectText(dialog, '公開を停止する理由を入力してください。', 'reason required');
  await j.checkA11y('unpublish dialog');
  await j.screenshot('case-unpublish-dialog');
  await dialog.getByLabel(/公開を停止する理由/).fill('成果指標の出典を追記してください。');
  await dialog.getByRole('button', { name: '公開を停止する' }).click();
  await j.expectText(
    page.getByRole('status').filter({ hasText: '公開を停止しました' }),
    publishedCase!.title,
    'notice',
  );
  await j.expectText(page.getByRole('note'), '成果指標の出典を追記してください。', 'the reason on the page');
  await j.expectText(
    page.locator('main span').filter({ hasText: '下書き' }).first(),
    '下書き',
    'status badge',
  );
});
