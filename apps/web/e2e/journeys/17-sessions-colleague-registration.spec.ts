import { expect, test } from '../fixtures';
import { ORGANISER } from '../demo';
import { openDemoSession } from '../helpers';

test.use({ writes: true });

test('sessions: registered themself, an officer registers a colleague, sees them under 同じ自治体からの申込 and cancels them', async ({
  j,
  page,
  login,
}) => {
  await j.goto('/');
  const session = await openDemoSession(j);
  // A municipality of the demo with a second officer (the kick-off's) and nobody registered but,
  // perhaps, the officer: a seat left within its limit of 2 for the colleague.
  let found;
  let registeredBefore = false;
  const members = await j.graphql(
    `query { municipalities(filter: { membershipStatuses: [MEMBER] }, first: 100) { edges { node { code } } } }`,
  );
  for (const code of members.data.municipalities.edges.map(
    (edge: { node: { code: string } }) => edge.node.code,
  )) {
    const email = `officer.${code}@yokoten.example`;
    const login = await j.graphql(
      `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { user { id } } }`,
      { e: email, p: ORGANISER.password },
    );
    if (!login.data) continue;
    const state = await j.graphql(
      `query($id: ID!) { myColleagues { id name } exchangeSession(id: $id) { myRegistration { status } municipalityRegistrations { id } } }`,
      { id: session.id },
    );
    const { myRegistration, municipalityRegistrations } = state.data.exchangeSession;
    const mine = myRegistration !== null && myRegistration.status !== 'CANCELLED';
    if (state.data.myColleagues.length > 1 && municipalityRegistrations.length === (mine ? 1 : 0)) {
      found = email;
      registeredBefore = mine;
      break;
    }
  }
  expect(
    found,
    'a demo municipality with two officers and no registration for the open session',
  ).toBeTruthy();
  await login(found!, `/sessions/${session.id}`);
  const panel = page.getByRole('region', { name: '参加申込' });
  if (!registeredBefore) await panel.getByRole('button', { name: 'キャンセル待ちで申し込む' }).click();
  const status = page.getByRole('region', { name: 'お申し込み状況' });
  await status.getByTestId('registration-status').waitFor();
  await status.getByRole('heading', { name: '同じ自治体の職員を申し込む' }).waitFor();
  const option = (await status.getByLabel('参加者').locator('option:checked').textContent())!.trim();
  // Two colleagues with one name differ by department and title: 「山田 花子（DX推進課・主査）」.
  const colleagueDetails = await j.graphql(`{ myColleagues { name department title } }`);
  const described = colleagueDetails.data.myColleagues.find((c: { name: string }) =>
    option.startsWith(c.name),
  );
  expect(described, `the option "${option}" should start with a colleague's name`).toBeTruthy();
  const colleague = described.name;
  if (described.department || described.title)
    expect(
      option === `${colleague}（${[described.department, described.title].filter(Boolean).join('・')}）`,
      `the colleague option should show department and title, got "${option}"`,
    ).toBeTruthy();
  await status.getByRole('button', { name: 'キャンセル待ちで申し込む' }).click();
  const ours = status.getByRole('region', { name: '同じ自治体からの申込' });
  await j.expectText(
    ours,
    new RegExp(`${colleague}\\s*キャンセル待ち`),
    'the colleague is listed with their status',
  );
  await j.checkA11y('session page, with a colleague registered');
  await ours.getByRole('button', { name: `${colleague}さんの申込をキャンセル` }).click();
  await page
    .getByRole('dialog', { name: `${colleague}さんの申込をキャンセルしますか` })
    .getByRole('button', { name: '申込をキャンセルする', exact: true })
    .click();
  await j.expectText(
    ours,
    `${colleague}さんのお申し込みをキャンセルしました。`,
    'the colleague’s cancellation is announced',
  );
  // Their own registration is untouched; tidy up so that the demo session stays as it was.
  await status.getByTestId('registration-status').waitFor();
  if (!registeredBefore) {
    await status.getByRole('button', { name: '申込をキャンセルする' }).click();
    await page
      .getByRole('dialog', { name: '申込をキャンセルしますか' })
      .getByRole('button', { name: '申込をキャンセルする', exact: true })
      .click();
    await j.expectText(
      page.getByRole('status').filter({ hasText: 'キャンセル' }),
      'お申し込みをキャンセルしました。',
      'own cancel',
    );
  }
});
