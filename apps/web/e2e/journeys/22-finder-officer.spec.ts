import { expect, test } from '../fixtures';
import { FINDER_DESCRIPTION, FOLLOWER } from '../demo';

test('finder: an officer describes the situation in Japanese and gets ranked precedents with reasons', async ({
  j,
  page,
}) => {
  await j.goto(`/login?next=${encodeURIComponent('/precedents')}`);
  await j.login(FOLLOWER.email, FOLLOWER.password);
  await page.waitForURL(/\/precedents$/);
  await j.expectText(page.getByRole('heading', { level: 1 }), '先行事例を探す', 'finder h1');
  await j.expectText(
    page.getByRole('navigation', { name: 'メインメニュー' }).locator('[aria-current="page"]'),
    '先行事例を探す',
    'the finder is in the main menu',
  );
  // The officer's own municipality is chosen already.
  await page.waitForFunction(
    () => document.querySelector<HTMLElement>('#precedent-municipality')?.dataset.code === '012084',
    null,
    { timeout: 10_000 },
  );
  // Empty description: an error summary, focused, linking to the field.
  await page.getByRole('button', { name: '先行事例を探す' }).click();
  const summary = page.getByRole('alert').filter({ hasText: '入力内容に' });
  await j.expectText(summary, '取り組みたいことを入力してください', 'error summary');
  expect(
    await summary.evaluate((el) => el === document.activeElement),
    'focus should move to the error summary',
  ).toBeTruthy();
  await summary.getByRole('link').click();
  await page.waitForFunction(() => document.activeElement?.id === 'precedent-description');
  await j.checkA11y('finder with errors');

  await page.getByLabel(/どんなことに取り組みたいですか/).fill(FINDER_DESCRIPTION);
  await page.getByRole('button', { name: '先行事例を探す' }).click();
  await page.waitForURL(/\/precedents\?q=.+&muni=012084/);
  await j.expectText(
    page.getByRole('status').filter({ hasText: '先行事例が見つかりました' }),
    /\d+件の先行事例が見つかりました/,
    'result count',
  );
  const results = page.locator('#precedent-results ~ ol > li');
  expect((await results.count()) > 0, 'no precedent listed').toBeTruthy();
  await j.expectText(results.first(), '1位', 'the first result is ranked first');
  // No bare number (「近さ 0.59」): whose profile the ranking used, and each case's reasons, in words.
  expect(
    !/近さ/.test(await page.locator('main').innerText()),
    'a bare closeness score is shown',
  ).toBeTruthy();
  await j.expectText(
    page.locator('#precedent-results ~ p').first(),
    /北見市（北海道）（10万〜30万人・市）の立場で探しました/,
    'whose profile the ranking used',
  );
  const reasons = await page.getByRole('list', { name: 'この事例を選んだ理由' }).allInnerTexts();
  const all = reasons.join('\n');
  expect(/共通のテーマ：/.test(all), `no 共通のテーマ reason in ${all}`).toBeTruthy();
  expect(
    /同規模の自治体|近い規模の自治体|同じ県|近隣の県|同じ地方/.test(all),
    `no closeness reason in ${all}`,
  ).toBeTruthy();
  // How well the words matched is said by strength; a weak match is never called a match.
  expect(
    /説明文のことばと(よく一致|一部一致)|説明文のことばとの一致はわずか/.test(all),
    `no text reason in ${all}`,
  ).toBeTruthy();
  expect(!/説明文のことばと一致(\n|$)/.test(all), `an unqualified text-match reason in ${all}`).toBeTruthy();
  const listed = await results.allInnerTexts();
  expect(
    listed.every((text) => !text.includes('\n北見市（北海道）\n')),
    "the officer's own cases are not precedents",
  ).toBeTruthy();
  await j.checkA11y('finder results');
  await j.screenshot('finder');

  // Another municipality's search: the combobox narrows by kana as one types; arrow keys and Enter choose.
  const combo = page.getByRole('combobox', { name: '自治体' });
  await combo.fill('かが');
  await page.getByRole('option', { name: /^加賀市（石川県）/ }).waitFor();
  await combo.press('ArrowDown');
  await combo.press('Enter');
  await page.waitForFunction(
    () => document.querySelector<HTMLElement>('#precedent-municipality')?.dataset.code === '172065',
  );
  await page.getByRole('button', { name: '先行事例を探す' }).click();
  await page.waitForURL(/muni=172065/);
  await page.getByRole('status').filter({ hasText: '先行事例が見つかりました' }).waitFor();

  // A link with a description over 2,000 characters or a mistyped code names the field, as the form
  // does, instead of 「エラーが発生しました … もう一度読み込む」.
  for (const [url, message] of [
    [`/precedents?q=${'x'.repeat(2001)}&muni=012084`, '取り組みたいことは2,000文字以内で入力してください'],
    [`/precedents?q=${encodeURIComponent(FINDER_DESCRIPTION)}&muni=401006`, '自治体を選択してください'],
  ]) {
    await j.goto(url);
    await j.expectText(
      page.getByRole('alert').filter({ hasText: '入力内容に' }),
      message,
      `error summary for ${url.slice(0, 40)}…`,
    );
    expect(
      (await page.getByText('エラーが発生しました').count()) === 0,
      `no generic error for ${url.slice(0, 40)}…`,
    ).toBeTruthy();
  }
});
