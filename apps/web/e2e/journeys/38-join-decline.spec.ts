import { expect, test } from '../fixtures';
import { RUN } from '../demo';

import { api } from '../mail';

test.use({ writes: true });

test('join: the organiser declines an application, giving the reason the applicant is sent', async ({
  j,
  page,
  login,
}) => {
  const applicants = await api(
    '{ municipalities(filter: { membershipStatuses: [APPLICANT] }, first: 20) { edges { node { code name } } } }',
  );
  // Declining leaves a municipality an applicant. On fresh data not the first (the membership journey admits
  // and withdraws it) nor the last (the /join journey admits it); after them, the one they left.
  const edges = applicants.municipalities.edges;
  const target = (edges.length >= 3 ? edges[1] : edges.at(-1))?.node;
  expect(target, 'the demo data should have an applicant municipality').toBeTruthy();
  const email = `e2e.decline.${RUN}@town.example.lg.jp`;
  await api('mutation($input: ApplyToJoinInput!) { applyToJoin(input: $input) }', {
    input: { municipalityCode: target.code, applicantName: '見送 花子', department: '企画課', email },
  });
  await login('organiser', '/admin/applications');
  const card = page.locator('article').filter({ hasText: email });
  await card.getByRole('button', { name: /^見送る/ }).click();
  const dialog = page.getByRole('dialog', { name: /申込を見送りますか/ });
  await dialog.getByRole('button', { name: '申込を見送る' }).click();
  await j.expectText(
    dialog.locator('#decline-reason-error'),
    '見送る理由を入力してください',
    'reason required',
  );
  expect(
    (await dialog.getByLabel('見送る理由').getAttribute('aria-describedby'))?.includes(
      'decline-reason-error',
    ),
    'the reason field should be described by its error',
  ).toBeTruthy();
  await j.checkA11y('decline dialog');
  await dialog.getByLabel('見送る理由').fill('団体の職員の方からのお申し込みをお願いしております。');
  await dialog.getByRole('button', { name: '申込を見送る' }).click();
  await j.expectText(page.getByRole('status').filter({ hasText: '見送りました' }), target.name, 'declined');
  await j.expectText(
    page.getByRole('region', { name: 'これまでの申込' }),
    '団体の職員の方からのお申し込みをお願いしております。',
    'the reason in the decided list',
  );
});
