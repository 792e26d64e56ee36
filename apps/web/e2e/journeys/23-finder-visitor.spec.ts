import { expect, test } from '../fixtures';

// #15: anyone in the register, a size and prefecture alone, or what the description says.
test('finder: a visitor searches as a non-member, by size and prefecture only, and by what the text says', async ({
  j,
  page,
}) => {
  await j.goto('/precedents');
  const combo = page.getByRole('combobox', { name: '自治体' });
  await combo.click();
  // The list opens at once, before anything is typed.
  await page.getByRole('listbox', { name: '自治体' }).waitFor();
  expect((await page.getByRole('option').count()) >= 10, 'options should be listed at once').toBeTruthy();
  await j.checkA11y('finder combobox open');
  // A municipality of the register that is not a member, found by its reading.
  await combo.fill('たけとみ');
  await page.getByRole('option', { name: /竹富町（沖縄県）.*未加盟/ }).click();
  await page
    .getByLabel(/どんなことに取り組みたいですか/)
    .fill('町内企業のDXを支援したい。高齢者のスマホ教室も考えている。');
  await page.getByRole('button', { name: '先行事例を探す' }).click();
  await page.waitForURL(/muni=473812/);
  await j.expectText(
    page.locator('#precedent-results ~ p').first(),
    '竹富町（沖縄県）（1万人未満・町）の立場で探しました',
    'a non-member searches as itself',
  );
  await page.getByRole('status').filter({ hasText: '先行事例が見つかりました' }).waitFor();

  // Not in the register: said so, with the way that works.
  await combo.fill('大洗');
  await j.expectText(
    page.getByRole('status').filter({ hasText: '大洗' }),
    /登録されている自治体の中にありません.*人口規模と都道府県だけを伝える/,
    'a municipality outside the register is told what to do',
  );
  await page.getByRole('radio', { name: '人口規模と都道府県だけを伝える' }).check();
  await page.getByLabel('人口規模', { exact: true }).selectOption('FROM_10K_TO_50K');
  await page.getByLabel('都道府県', { exact: true }).selectOption('08');
  await page.getByRole('button', { name: '先行事例を探す' }).click();
  await page.waitForURL(/band=FROM_10K_TO_50K&pref=08/);
  expect(!/muni=/.test(page.url()), `no municipality should be sent: ${page.url()}`).toBeTruthy();
  await j.expectText(
    page.locator('#precedent-results ~ p').first(),
    '人口規模 1万〜5万人・茨城県の自治体として探しました',
    'searched by size and prefecture',
  );
  await page.getByRole('status').filter({ hasText: '先行事例が見つかりました' }).waitFor();
  const bySize = (await page.getByRole('list', { name: 'この事例を選んだ理由' }).allInnerTexts()).join('\n');
  expect(/同規模の自治体（1万〜5万人）/.test(bySize), `no same-size reason in ${bySize}`).toBeTruthy();
  expect(!/近さ/.test(await page.locator('main').innerText()), 'no bare closeness number').toBeTruthy();
  await j.checkA11y('finder by size and prefecture');
  await j.screenshot('finder-by-size');

  // Nothing chosen: 「人口3万人の町」 in the text is the profile.
  await j.goto(`/precedents?q=${encodeURIComponent('人口3万人の町です。町内企業のDXを支援したい。')}`);
  await j.expectText(
    page.locator('#precedent-results ~ p').first(),
    '説明文から読み取った条件：人口30,000人・町',
    'what the description says is read',
  );
  const fromText = (await page.getByRole('list', { name: 'この事例を選んだ理由' }).allInnerTexts()).join(
    '\n',
  );
  expect(/同規模の自治体（1万〜5万人）/.test(fromText), `no same-size reason in ${fromText}`).toBeTruthy();
  expect(/同じ区分（町）/.test(fromText), `no same-kind reason in ${fromText}`).toBeTruthy();
  await j.checkA11y('finder from the text');
  await j.screenshot('finder-from-text');
  await page.setViewportSize({ width: 375, height: 812 });
  await j.goto('/precedents');
  await j.checkA11y('finder on a phone');
  await j.screenshot('finder-mobile');
});
