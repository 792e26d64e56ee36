import { expect, test } from '../fixtures';
import { FOLLOWER, ORGANISER } from '../demo';

test('dashboard: charts, tables with captions and the tile map of Japan', async ({ j, page }) => {
  await j.goto('/dashboard');
  await j.expectText(page.getByRole('heading', { level: 1 }), 'ネットワークの状況', 'dashboard h1');
  // #15: a visitor who follows 「ネットワークの状況を見る」 from the home page gets the public summary, not a wall.
  await j.goto('/');
  await page.getByRole('link', { name: 'ネットワークの状況を見る' }).click();
  await page.waitForURL(/\/dashboard$/);
  await j.expectText(
    page.getByRole('heading', { name: '数字で見るネットワーク' }),
    '数字で見るネットワーク',
    'public figures',
  );
  expect(
    !(await page.locator('main').innerText()).includes(
      'ネットワークの状況は、加盟自治体の担当者と事務局がログイン',
    ),
    'a login wall for visitors',
  ).toBeTruthy();
  await j.expectText(page.locator('main dd').first(), /^[\d,]+団体$/, 'public member total');
  await page.locator('main table caption').filter({ hasText: 'テーマ別の公開事例数' }).waitFor();
  await page.getByRole('heading', { name: '都道府県別の公開事例' }).waitFor();
  await page.locator('.chart-surface').first().waitFor();
  await j.checkA11y('dashboard, visitor');
  await j.screenshot('dashboard-visitor');
  await j.goto(`/login?next=${encodeURIComponent('/dashboard')}`);
  await j.login(FOLLOWER.email, FOLLOWER.password);
  await page.waitForURL(/\/dashboard$/);
  await j.expectText(page.locator('dd').first(), /^[\d,]+団体$/, 'member total');
  // #15: one definition of a member. The figure at the top is where the membership table's total ends
  // (it read 55団体 above a table that ended at 57: withdrawn municipalities counted when they joined).
  const membersTop = Number((await page.locator('main dd').first().innerText()).replace(/\D/g, ''));
  const membershipRows = page
    .locator('table')
    .filter({ has: page.locator('caption', { hasText: '半期ごとの加盟自治体数と累計' }) })
    .locator('tbody tr');
  await membershipRows.first().waitFor();
  const lastTotal = Number((await membershipRows.last().locator('td').last().innerText()).replace(/\D/g, ''));
  expect(
    membersTop === lastTotal,
    `加盟自治体 reads ${membersTop} at the top and ${lastTotal} at the end of the membership table`,
  ).toBeTruthy();
  // A bar of the most-followed chart is a case: two bars never carry one name (北見市 twice, for two
  // cases of one city); a municipality is named with its prefecture wherever it is listed.
  // (Its axis labels are the texts of the chart that start with the rank: 「1. 」.)
  const chartTexts = page.locator('section[aria-labelledby="dash-adoptions"] svg text');
  await chartTexts.first().waitFor({ state: 'attached' });
  const barLabels = (await chartTexts.allTextContents())
    // (a label too long for its line is set in <tspan>s, so the space after 「1.」 may not be in its text.)
    .filter((label) => /^\d+\./.test(label.trim()))
    .map((label) => label.trim().replace(/^\d+\.\s*/, ''));
  expect(barLabels.length > 1, 'the most-followed chart has bars').toBeTruthy();
  expect(
    new Set(barLabels).size === barLabels.length,
    `the most-followed bars repeat a label: ${barLabels.join(' / ')}`,
  ).toBeTruthy();
  const participationNames = await page
    .locator('table')
    .filter({ has: page.locator('caption', { hasText: '期ごと・自治体ごとの定期共有会への参加' }) })
    .locator('tbody th')
    .allInnerTexts();
  expect(
    participationNames.every((name) => /都|道|府|県/.test(name)),
    `participation rows without a prefecture: ${participationNames.filter((n) => !/都|道|府|県/.test(n)).join(', ')}`,
  ).toBeTruthy();
  expect(
    new Set(participationNames).size === participationNames.length,
    'a municipality listed twice in the participation table',
  ).toBeTruthy();
  // The officer's own municipality: its questions and the cases it follows, with links.
  const mine = page.getByRole('region', { name: 'あなたの自治体' });
  await j.expectText(mine, /回答を待っている問い合わせ：\d+件/, 'own questions');
  await j.expectText(
    mine.getByRole('region', { name: '参考にしている事例（横展開）' }),
    /試行中|検討中|導入済み/,
    'own adoptions',
  );
  for (const caption of [
    'テーマ別の公開事例数',
    '実施年度別の公開事例数',
    '都道府県別の加盟自治体・公開事例・横展開の数',
    '横展開の多い事例',
    '半期ごとの加盟自治体数と累計',
    '期ごと・自治体ごとの定期共有会への参加',
  ]) {
    const table = page.locator('table').filter({ has: page.locator('caption', { hasText: caption }) });
    expect((await table.count()) === 1, `table "${caption}" missing`).toBeTruthy();
    expect((await table.locator('tbody tr').count()) > 0, `table "${caption}" is empty`).toBeTruthy();
  }
  await j.expectText(page.locator('main'), /令和\d+年度（\d{4}年度）/, 'fiscal years in 令和');
  // Charts are drawn (SVG) and the map has one link per prefecture, each named.
  await page.locator('.chart-surface').first().waitFor();
  expect((await page.locator('.chart-bar').count()) > 0, 'no bar drawn').toBeTruthy();
  const tiles = page.getByRole('group', { name: /都道府県別の公開事例（タイル地図）/ }).getByRole('link');
  expect((await tiles.count()) === 47, `expected 47 tiles, got ${await tiles.count()}`).toBeTruthy();
  expect(
    (await page.locator('svg a title').first().textContent())!.includes('北海道'),
    'each tile has a <title>',
  ).toBeTruthy();
  await tiles.first().focus();
  await page.getByRole('radio', { name: '加盟自治体' }).check();
  await page.getByRole('group', { name: /都道府県別の加盟自治体（タイル地図）/ }).waitFor();
  await page.getByRole('radio', { name: '公開事例' }).check();
  await j.checkA11y('dashboard');
  await j.screenshot('dashboard');

  // An officer of a municipality that has left the network is told why, not shown an error. (Not every
  // withdrawn municipality has an officer: another journey admits and withdraws an applicant.)
  await j.graphql('mutation { logout }');
  const withdrawn = (
    await j.graphql(
      `query { municipalities(filter: { membershipStatuses: [WITHDRAWN] }, first: 20) { edges { node { code } } } }`,
    )
  ).data.municipalities.edges.map((edge: { node: { code: string } }) => edge.node.code);
  let signedIn = false;
  for (const code of withdrawn) {
    const res = await j.graphql(
      'mutation($email: String!, $password: String!) { login(email: $email, password: $password) { __typename } }',
      { email: `officer.${code}@yokoten.example`, password: ORGANISER.password },
    );
    if (res.data?.login) {
      signedIn = true;
      break;
    }
  }
  expect(signedIn, 'no officer of a withdrawn municipality in the demo data').toBeTruthy();
  await j.goto('/dashboard');
  await j.expectText(
    page.locator('main'),
    '所属の自治体は現在、加盟自治体ではありません',
    'non-member officer',
  );
});
