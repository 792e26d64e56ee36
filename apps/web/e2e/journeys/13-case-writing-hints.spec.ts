import { expect, test } from '../fixtures';

test.use({ writes: true });

test('writing (#15): home offers 事例を書く, one 公開時に必須 marker, a hedged budget, publish checks first, a never-published draft is deleted', async ({
  j,
  page,
  login,
}) => {
  await login('officer', '/');
  // The logged-in home page offers writing to an officer who may publish; the menu says whose cases.
  const nav = page.getByRole('navigation', { name: 'メインメニュー' });
  await nav.getByRole('link', { name: '北九州市の事例', exact: true }).waitFor();
  expect(
    (await nav.getByRole('link', { name: '自治体の事例', exact: true }).count()) === 0,
    'the menu must say whose cases, not 「自治体の事例」',
  ).toBeTruthy();
  await page.getByRole('link', { name: '事例を書く', exact: true }).click();
  await page.waitForURL(/\/cases\/new$/);

  // One marker, the same on every part the publish checklist requires (8 of them), and no other kind.
  const form = page.getByRole('form', { name: /事例/ });
  const markers = form.locator('[data-publish-required]');
  await markers.first().waitFor();
  const texts = await markers.allInnerTexts();
  expect(texts.length === 8, `8 required-to-publish markers expected, got ${texts.length}`).toBeTruthy();
  expect(
    new Set(texts).size === 1 && texts[0] === '公開時に必須',
    `one wording: ${[...new Set(texts)]}`,
  ).toBeTruthy();
  const formText = await form.innerText();
  expect(
    !formText.includes('【公開時に必須】') && !formText.includes('※'),
    'no 【】 or ※ markers left',
  ).toBeTruthy();
  for (const name of [/^タイトル/, /^概要/, /^担当部署/]) {
    expect(
      /公開時に必須/.test(
        await form.getByLabel(name).evaluate((el) => (el as HTMLInputElement).labels![0].innerText),
      ),
      `${name} carries the marker in its label`,
    ).toBeTruthy();
  }
  expect(
    /公開時に必須/.test(await page.getByRole('heading', { name: /^成果指標/ }).innerText()),
    '成果指標 carries the marker',
  ).toBeTruthy();

  // A budget written as officials do, 「1200万円程度」, is understood; a range says what is expected.
  const title = `削除する下書き E2E ${Date.now().toString(36)}`;
  await page.getByLabel(/^タイトル/).fill(title);
  const budget = page.getByLabel(/^予算/);
  await budget.fill('1200万円程度');
  await budget.blur();
  await j.expectText(page.locator('main'), /入力内容：.*12,000,000円/, 'the hedged budget is read');
  await budget.fill('100〜200万円');
  await budget.blur();
  await j.expectText(
    page.locator('#case-budgetYen-error'),
    /数字で入力してください。例：.*約1,200万円/,
    'the error says which format is expected',
  );
  await j.checkA11y('case editor, new, markers and budget');
  await j.screenshot('case-editor-markers');
  await budget.fill('1200万円程度');
  await page.getByRole('button', { name: '下書きを保存' }).click();
  await page.waitForURL(/\/cases\/[0-9a-f-]{36}\/edit$/);
  const id = /\/cases\/([0-9a-f-]{36})\/edit/.exec(page.url())![1];

  // On the case page, 公開する on an incomplete draft lists what is missing at once: no "publish?" first.
  await j.goto(`/cases/${id}`);
  const actions = page.getByRole('region', { name: 'この事例の操作' });
  await actions.getByRole('button', { name: '公開する', exact: true }).click();
  const missing = actions.getByRole('alert');
  await j.expectText(missing, '公開に必要な項目が不足しています', 'what is missing, first');
  await j.expectText(missing, '概要を入力する', 'a missing part, linked');
  expect(
    (await page.getByRole('dialog', { name: 'この事例を公開しますか' }).count()) === 0 ||
      !(await page.getByRole('dialog', { name: 'この事例を公開しますか' }).isVisible()),
    'no publish confirmation for an incomplete case',
  ).toBeTruthy();
  expect(
    await missing.evaluate((el) => el === document.activeElement),
    'focus moves to the list of missing parts',
  ).toBeTruthy();
  await j.checkA11y('case page, publish on an incomplete draft');
  await j.screenshot('case-publish-missing');

  // Each action says what it does: a draft is archived as a draft (kept), or deleted.
  await actions.getByRole('button', { name: '下書きのままアーカイブする' }).click();
  const archive = page.getByRole('dialog', { name: 'この事例をアーカイブしますか' });
  await j.expectText(archive, '削除はされず', 'archiving a draft keeps it');
  await archive.getByRole('button', { name: '下書きのままアーカイブする' }).click();
  await j.expectText(page.getByRole('status').filter({ hasText: 'アーカイブしました' }), title, 'archived');
  // Never published: 「公開する」, not 「再公開する」.
  await actions.getByRole('button', { name: '公開する', exact: true }).waitFor();
  expect(
    (await actions.getByRole('button', { name: '再公開する' }).count()) === 0,
    'a never-published draft is not offered 「再公開する」',
  ).toBeTruthy();

  // Delete, with a confirmation that closes with 「戻る」.
  await actions.getByRole('button', { name: '下書きを削除する' }).click();
  const dialog = page.getByRole('dialog', { name: 'この下書きを削除しますか' });
  await dialog.waitFor();
  await j.expectText(dialog, '元に戻せません', 'the dialog says it cannot be undone');
  await j.checkA11y('delete draft dialog');
  await j.screenshot('case-delete-draft-dialog');
  await dialog.getByRole('button', { name: '戻る', exact: true }).click();
  await dialog.waitFor({ state: 'hidden' });
  await actions.getByRole('button', { name: '下書きを削除する' }).click();
  await dialog.getByRole('button', { name: '下書きを削除する' }).click();
  await page.waitForURL(/\/my\/cases$/);
  await j.expectText(
    page.getByRole('status').filter({ hasText: '削除しました' }),
    `下書き「${title}」を削除しました。`,
    'deleted notice',
  );
  const gone = await j.graphql(`query($id: ID!) { caseStudy(id: $id) { id } }`, { id });
  expect(gone.data.caseStudy === null, 'the draft is gone').toBeTruthy();
  expect(
    (await page.getByRole('link', { name: title }).count()) === 0,
    'the deleted draft is not listed',
  ).toBeTruthy();
  await j.checkA11y('my cases after deleting a draft');

  // A case that was ever published offers no delete, only archiving.
  const published = await j.graphql(`{ myMunicipalityCaseStudies(status: PUBLISHED) { id } }`);
  await j.goto(`/cases/${published.data.myMunicipalityCaseStudies[0].id}`);
  await actions.getByRole('button', { name: '公開を終了してアーカイブする' }).waitFor();
  expect(
    (await actions.getByRole('button', { name: '下書きを削除する' }).count()) === 0,
    'a published case cannot be deleted',
  ).toBeTruthy();
});
