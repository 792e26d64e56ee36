import { expect, test } from '../fixtures';
import { jstInput, openDemoSession } from '../helpers';

test.use({ writes: true });

test('tables: no share of nobody in the table score, registrant names and municipalities whole at 1280px, English without doubled names', async ({
  j,
  page,
  login,
}) => {
  await login('organiser', '/sessions');
  // A session with tables and nobody registered yet: 第1希望 was 「0人／希望を出した0人（100%）」.
  const starts = new Date(Date.now() + 9 * 3600_000 + 90 * 86_400_000);
  const month = starts.getUTCMonth() + 1;
  const year = starts.getUTCFullYear();
  const term = month >= 4 && month <= 9 ? `${year}H1` : month >= 10 ? `${year}H2` : `${year - 1}H2`;
  const at = (days: number, hour: number) => `${jstInput(days, hour)}:00+09:00`;
  const created = await j.graphql(
    `mutation ($input: CreateExchangeSessionInput!) { createExchangeSession(input: $input) { id } }`,
    {
      input: {
        title: `E2E 表の確認 ${Date.now().toString(36)}`,
        term,
        format: 'ONLINE',
        meetingUrl: 'https://meet.example.jp/yokoten-e2e-tables',
        capacity: 10,
        startsAt: at(90, 14),
        endsAt: at(90, 16),
        registrationOpensAt: at(1, 9),
        registrationClosesAt: at(85, 17),
        tables: [
          { name: 'テーブルA', seats: 5 },
          { name: 'テーブルB', seats: 5 },
        ],
      },
    },
  );
  const sessionId = created.data?.createExchangeSession?.id;
  expect(sessionId, `creating a session: ${JSON.stringify(created.errors ?? created)}`).toBeTruthy();
  await j.goto(`/sessions/${sessionId}/console`);
  const score = page.getByTestId('table-score');
  await score.waitFor();
  const scoreText = await score.innerText();
  expect(!/（100%）|\(100%\)/.test(scoreText), `a share of nobody: ${scoreText}`).toBeTruthy();
  expect(/対象なし/.test(scoreText), `the empty score should say 対象なし: ${scoreText}`).toBeTruthy();

  // The demo session's registrants at 1280px: 「北九州市」 and the names on one line each, addresses too.
  const demo = await openDemoSession(j);
  await j.goto(`/sessions/${demo.id}/console`);
  await page.locator('main tbody tr').first().waitFor();
  const broken = await page.evaluate(() => {
    const lines = (el: Element) => {
      const range = document.createRange();
      range.selectNodeContents(el);
      return new Set([...range.getClientRects()].map((rect) => Math.round(rect.top))).size;
    };
    const table = [...document.querySelectorAll('main table')].find((t) =>
      /申込/.test(t.querySelector('caption')?.textContent ?? ''),
    );
    return [...table!.querySelectorAll('tbody tr')].flatMap((row) =>
      [...row.querySelectorAll('th span'), ...row.querySelectorAll('td:nth-child(3) span')]
        .filter((span) => span.textContent.trim() && lines(span) > 1)
        .map((span) => span.textContent.trim()),
    );
  });
  expect(
    broken.length === 0,
    `registrant cells broken over lines at 1280px: ${broken.slice(0, 5).join(', ')}`,
  ).toBeTruthy();
  await j.checkA11y('session console, registrants at 1280px');
  await j.screenshot('session-console-registrants');

  // English: no name doubled in brackets (「Nagano Prefecture (Nagano)」) and a space before every bracket.
  await page.getByRole('button', { name: 'English' }).click();
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  for (const path of [
    '/dashboard',
    '/municipalities',
    '/municipalities/012084',
    '/sessions',
    `/sessions/${demo.id}/console`,
  ]) {
    await j.goto(path);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.waitForLoadState('networkidle');
    const text = await page.locator('main').innerText();
    const doubled = [...text.matchAll(/\b([A-Z][a-z]+)(?: [A-Z][a-z]+)* \(\1\)/g)].map((m) => m[0]);
    expect(
      doubled.length === 0,
      `${path} in English doubles names: ${doubled.slice(0, 5).join(', ')}`,
    ).toBeTruthy();
    const cramped = [...text.matchAll(/[A-Za-z0-9.,%]\((?!s\))[^)\n]{0,20}\)?/g)].map((m) => m[0]);
    expect(
      cramped.length === 0,
      `${path} in English misses a space before "(": ${cramped.slice(0, 5).join(', ')}`,
    ).toBeTruthy();
    await j.checkA11y(`${path} (English)`);
  }
  await page.getByRole('button', { name: '日本語' }).click();
  await page.waitForFunction(() => document.documentElement.lang === 'ja');
});
