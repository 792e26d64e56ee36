import { expect, test } from '../fixtures';

/** The follower demo officer's municipality (北見市): a municipality does not mark its own case helpful. */
const FOLLOWER_CODE = '012084';

/** The text of every page of a PDF (pdfjs-dist, as the server's attachment text extraction uses it). */
async function pdfText(pdf: Buffer): Promise<{ pages: number; text: string }> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(pdf), useSystemFonts: false }).promise;
  const texts: string[] = [];
  for (let n = 1; n <= doc.numPages; n += 1) {
    const content = await (await doc.getPage(n)).getTextContent();
    texts.push(content.items.map((item) => ('str' in item ? item.str : '')).join(''));
  }
  return { pages: doc.numPages, text: texts.join('\n') };
}

test('print: a case prints as an A4 document without navigation, with its URL and the print date', async ({
  j,
  page,
}) => {
  await j.goto('/');
  // The header's navigation as one string (its links in order): nothing else on a case reads like it.
  const navText = (
    await page
      .getByRole('navigation', { name: /メイン|main/i })
      .first()
      .innerText()
  ).replace(/\s+/g, '');
  const found = await j.graphql(
    '{ searchCaseStudies(sort: NEWEST, pageSize: 1) { hits { caseStudy { id title } } } }',
  );
  const { id, title } = found.data.searchCaseStudies.hits[0].caseStudy as { id: string; title: string };
  await j.goto(`/cases/${id}`);
  await j.expectText(page.getByRole('heading', { level: 1 }), title, 'the case title');
  await expect(page.getByRole('button', { name: '印刷する' })).toBeVisible();
  await j.checkA11y('case page with the print button');

  await page.emulateMedia({ media: 'print' });
  // On paper: no header, navigation, footer, forms or buttons; the title and the footer with the URL.
  await expect(page.locator('header').first()).toBeHidden();
  await expect(page.locator('footer').first()).toBeHidden();
  for (const nav of await page.getByRole('navigation').all()) await expect(nav).toBeHidden();
  await expect(page.getByRole('button', { name: '印刷する' })).toBeHidden();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const footer = page.locator('[data-print-footer]');
  await expect(footer).toBeVisible();
  await expect(footer).toContainText(`/cases/${id}`);
  await expect(footer).toContainText(/印刷日：令和\d+年\d{1,2}月\d{1,2}日/);

  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  const { pages, text } = await pdfText(pdf);
  expect(pages).toBeGreaterThanOrEqual(1);
  // NFKC: the PDF's fonts map some kanji to their Kangxi radical code points (⼈ for 人); it also makes ： a :.
  const flat = text.normalize('NFKC').replace(/\s+/g, '');
  expect(flat).toContain(title.normalize('NFKC').replace(/\s+/g, ''));
  expect(flat).toContain(`/cases/${id}`);
  expect(flat).toMatch(/印刷日[:：]令和\d+年/);
  // The site's navigation is not printed.
  expect(navText.length).toBeGreaterThan(4);
  expect(flat).not.toContain(navText);
  // Nor what is not the case itself: similar cases, the Q&A, the edit history.
  expect(flat).not.toContain('似ている事例');
  await page.emulateMedia({ media: 'screen' });

  // A session's report prints the same way (the demo's finished kick-off).
  await j.goto('/sessions');
  await page.getByRole('region', { name: 'これまでの定期共有会' }).getByRole('link').first().click();
  const report = page.getByRole('region', { name: '開催報告' });
  await j.expectText(report, /自治体・\d+人が参加しました/, 'the kick-off report');
  await expect(report.getByRole('button', { name: '印刷する' })).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  for (const nav of await page.getByRole('navigation').all()) await expect(nav).toBeHidden();
  const session = await pdfText(await page.pdf({ format: 'A4' }));
  const sessionFlat = session.text.normalize('NFKC').replace(/\s+/g, '');
  // The PDF's font maps ・ to ‧ (U+2027): any one character between.
  expect(sessionFlat).toMatch(/自治体.\d+人が参加しました/);
  expect(sessionFlat).toContain(new URL(page.url()).pathname);
  expect(sessionFlat).toMatch(/印刷日[:：]令和\d+年/);
  expect(sessionFlat).not.toContain(navText);
  await page.emulateMedia({ media: 'screen' });
});

test.describe(() => {
  test.use({ writes: true });

  test('watch: an officer saves a search, watches a case and marks it helpful; the watching page lists them', async ({
    j,
    page,
    login,
  }) => {
    await login('follower', '/cases?q=' + encodeURIComponent('リスキリング'));
    // 「この条件を保存」 with a name.
    await page.getByRole('button', { name: 'この条件を保存' }).click();
    const form = page.getByRole('form', { name: 'この条件を保存' });
    await form.getByLabel('保存する名前').fill('リスキリングの新着');
    await j.checkA11y('search page, saving a search');
    await form.getByRole('button', { name: '保存する' }).click();
    await j.expectText(
      page.getByRole('status').filter({ hasText: '保存しました' }),
      '「リスキリングの新着」を保存しました',
      'saved',
    );

    // A case of another municipality: watch it and mark it 参考になった.
    const other = await j.graphql(
      `{ searchCaseStudies(query: "リスキリング", pageSize: 20) { hits { caseStudy { id title municipality { code } } } } }`,
    );
    const target = (
      other.data.searchCaseStudies.hits as Array<{
        caseStudy: { id: string; title: string; municipality: { code: string } };
      }>
    )
      .map((h) => h.caseStudy)
      .find((c) => c.municipality.code !== FOLLOWER_CODE);
    expect(target, 'a case of another municipality').toBeTruthy();
    await j.goto(`/cases/${target!.id}`);
    const watchButton = page.getByRole('button', { name: /ウォッチする|ウォッチ中/ });
    await watchButton.click();
    await expect(watchButton).toHaveAttribute('aria-pressed', 'true');
    await j.expectText(
      page.getByRole('status').filter({ hasText: 'ウォッチしました' }),
      'ウォッチしました',
      'watched',
    );
    const helpful = page.getByRole('button', { name: '参考になった' });
    await helpful.click();
    await expect(helpful).toHaveAttribute('aria-pressed', 'true');
    await j.checkA11y('case page, watched and marked helpful');

    // The user's page lists both, with a link that runs the search and a way to let go.
    await page.getByRole('link', { name: 'ウォッチ・保存した検索の一覧' }).first().click();
    await page.waitForURL(/\/account\/watching$/);
    await j.expectText(page.getByRole('heading', { level: 1 }), 'ウォッチ・保存した検索', 'h1');
    const cases = page.getByRole('region', { name: 'ウォッチしている事例' });
    await j.expectText(cases, target!.title, 'the watched case is listed');
    const searches = page.getByRole('region', { name: '保存した検索' });
    await j.expectText(searches, 'リスキリングの新着', 'the saved search is listed');
    await expect(searches.getByRole('checkbox', { name: /リスキリングの新着/ })).toBeChecked();
    await j.checkA11y('watching page');
    await j.screenshot('account-watching');
    await cases.getByRole('button', { name: `「${target!.title}」のウォッチを解除` }).click();
    await j.expectText(
      page.getByRole('status').filter({ hasText: '解除しました' }),
      'ウォッチを解除しました',
      'unwatched',
    );
    await expect(cases.getByText(target!.title)).toHaveCount(0);
    await searches.getByRole('link', { name: '「リスキリングの新着」で検索する' }).click();
    await page.waitForURL(/\/cases\?q=/);
    expect(decodeURIComponent(page.url())).toContain('q=リスキリング');
  });
});
