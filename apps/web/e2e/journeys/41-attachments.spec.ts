import { join } from 'node:path';
import { expect, test } from '../fixtures';

// An officer attaches a PDF to one of its published cases; another person (not signed in) finds the case
// by a word that is only inside the PDF, sees 「添付ファイル『…』に一致」, and downloads the file from the
// case page. The PDF (Japanese, embedded CID font) is the API's test fixture: it says 除雪ボランティア, a
// word no demo case contains.
test.use({ writes: true });

const PDF = join(__dirname, '../../../api/test/fixtures/japanese-report.pdf');
const FILE_NAME = 'japanese-report.pdf';
const WORD = '除雪ボランティア';

test('attachments: an officer attaches a PDF to a case, another person finds the case by a word inside it', async ({
  j,
  page,
  login,
}) => {
  await login('officer', '/my/cases');
  const found = await j.graphql(
    `{ searchCaseStudies(filter: { municipalityCode: "401005" }, pageSize: 50) { hits { caseStudy { id title visibility } } } }`,
  );
  const target = (
    found.data.searchCaseStudies.hits as Array<{
      caseStudy: { id: string; title: string; visibility: string };
    }>
  ).find((h) => h.caseStudy.visibility === 'PUBLIC')?.caseStudy;
  expect(target, '北九州市 should have a published PUBLIC case').toBeTruthy();
  const { id, title } = target!;

  await j.goto(`/cases/${id}/edit`);
  const section = page.getByRole('region', { name: '添付ファイル' });
  await section.waitFor();
  await j.checkA11y('case editor with the attachments section');
  await section.getByLabel('ファイルを選ぶ（複数可）').setInputFiles(PDF);
  // The upload shows its progress, then the file is listed with its type and size in Japanese units.
  const item = section.getByRole('link', { name: FILE_NAME });
  await item.waitFor({ timeout: 30_000 });
  await j.expectText(section.getByRole('status'), '1個のファイルを追加しました', 'upload notice');
  await j.expectText(
    section.getByRole('listitem').filter({ has: page.getByRole('link', { name: FILE_NAME }) }),
    /PDF・\d+(\.\d)? KB/,
    'type and size',
  );
  await section.getByLabel('説明').fill('令和6年度 雪下ろし支援の実施報告');
  await section.getByRole('button', { name: '説明を保存' }).click();
  await j.expectText(section.getByRole('status'), `「${FILE_NAME}」を更新しました`, 'caption saved');
  await j.checkA11y('case editor after an upload');
  await j.screenshot('case-editor-attachments');

  // Someone else, not signed in, searches a word that is only in the PDF (once its text is extracted and
  // indexed, a few seconds at most).
  const visitor = await j.otherPage();
  const hit = visitor.getByRole('listitem').filter({ hasText: `添付ファイル『${FILE_NAME}』に一致` });
  for (let attempt = 0; attempt < 40; attempt += 1) {
    await visitor.goto(j.url(`/cases?q=${encodeURIComponent(WORD)}`), { waitUntil: 'networkidle' });
    if ((await hit.count()) > 0) break;
    await visitor.waitForTimeout(1_000);
  }
  await expect(hit.first(), 'the hit names the file the word is in').toBeVisible();
  await expect(hit.first().getByRole('link', { name: title })).toBeVisible();
  await j.checkA11y('search hit matched in an attachment', { page: visitor });
  await j.screenshot('case-search-attachment-hit', visitor);

  // The case page lists the file; its link downloads the very bytes.
  await hit.first().getByRole('link', { name: title }).click();
  await visitor.waitForURL(new RegExp(`/cases/${id}$`));
  const files = visitor.getByRole('region', { name: '添付ファイル' });
  await j.expectText(files, '令和6年度 雪下ろし支援の実施報告', 'caption on the case page');
  const [download] = await Promise.all([
    visitor.waitForEvent('download'),
    files.getByRole('link', { name: FILE_NAME }).click(),
  ]);
  expect(download.suggestedFilename()).toBe(FILE_NAME);
  await j.checkA11y('case page with attachments', { page: visitor });
});
