import { expect, test } from '../fixtures';
import { FINDER_DESCRIPTION, FOLLOWER, ORGANISER } from '../demo';

test.use({ writes: true });

test('adoption and inquiry: the officer records an adoption and asks; the publisher answers and makes a FAQ', async ({
  j,
  page,
}) => {
  await j.goto(
    `/login?next=${encodeURIComponent(`/precedents?q=${encodeURIComponent(FINDER_DESCRIPTION)}`)}`,
  );
  await j.login(FOLLOWER.email, FOLLOWER.password);
  await page.waitForURL(/\/precedents\?q=/);
  const first = page.locator('#precedent-results ~ ol > li').first();
  await first.waitFor();
  const title = (await first.getByRole('heading', { level: 3 }).innerText()).trim();
  await first.getByRole('link', { name: title }).click();
  await page.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
  const id = /\/cases\/([0-9a-f-]{36})/.exec(page.url())![1];
  const info = await j.graphql('query($id: ID!) { caseStudy(id: $id) { municipality { code name } } }', {
    id,
  });
  const publisher = info.data.caseStudy.municipality;

  // 横展開: record 試行中 with a note; the timeline shows 北見市 at that step with today's date.
  const adoptions = page.getByRole('region', { name: '横展開', exact: true });
  await adoptions.waitFor();
  const form = adoptions.getByRole('region', { name: /横展開を記録する|記録を更新する/ });
  await form.getByRole('radio', { name: '試行中' }).check();
  await form
    .getByLabel('きっかけ・メモ')
    .fill('人口規模が近く、地元企業の構成も似ているため参考にしています。');
  await form
    .getByLabel('自団体に合わせて変えた点')
    .fill('対象を製造業に絞り、講座を夜間に開くことにしました。');
  await form.getByRole('button', { name: /横展開を記録する|記録を更新する/ }).click();
  await j.expectText(
    form.getByRole('status').filter({ hasText: '記録しました' }),
    '横展開を記録しました',
    'saved',
  );
  const mine = adoptions.locator('#adoption-012084');
  await j.expectText(mine, '試行中', 'the follower is listed with its status');
  await j.expectText(
    mine.locator('[aria-current="step"]'),
    /試行中\s*\d{4}年\d{1,2}月\d{1,2}日/,
    'dated step',
  );
  await j.expectText(mine, '対象を製造業に絞り', 'the adaptation is shown');
  await j.expectText(adoptions, /\d+自治体が試行・導入しています/, 'the count');
  await j.checkA11y('case page with adoption');
  await mine.scrollIntoViewIfNeeded();
  await j.screenshot('adoption');

  // 問い合わせ: a question with an error summary first.
  const inquiries = page.getByRole('region', { name: '問い合わせ', exact: true });
  const ask = inquiries.getByRole('region', { name: '公開元の自治体に質問する' });
  await ask.getByRole('button', { name: '質問を送る' }).click();
  await j.expectText(
    ask.getByRole('alert').filter({ hasText: '入力内容に' }),
    '件名を入力してください',
    'ask errors',
  );
  await ask.getByLabel(/^件名/).fill('講座の講師はどのように確保しましたか');
  await ask
    .getByLabel(/^質問の内容/)
    .fill('地元に講師となる人材が少なく困っています。外部講師の謝金の目安も教えてください。');
  await ask.getByRole('button', { name: '質問を送る' }).click();
  await j.expectText(
    ask.getByRole('status').filter({ hasText: '質問を送りました' }),
    '質問を送りました',
    'asked',
  );
  const thread = inquiries.getByRole('article', { name: '講座の講師はどのように確保しましたか' }).first();
  await j.expectText(thread, '回答待ち', 'the new thread awaits an answer');
  await j.checkA11y('case page with a question');

  // The publisher's officer sees the thread, answers it and makes it a FAQ.
  await j.graphql('mutation { logout }');
  await j.goto(`/login?next=${encodeURIComponent(`/cases/${id}`)}`);
  await j.login(`officer.${publisher.code}@yokoten.example`, ORGANISER.password);
  await page.waitForURL(new RegExp(`/cases/${id}$`));
  const received = page.getByRole('region', { name: '問い合わせ', exact: true });
  await j.expectText(
    received.getByRole('heading', { level: 3 }).first(),
    '寄せられた問い合わせ',
    'publisher view',
  );
  const incoming = received.getByRole('article', { name: '講座の講師はどのように確保しましたか' }).first();
  await j.expectText(incoming, '外部講師の謝金の目安', 'the question reached the publisher');
  const faq = incoming.getByRole('button', { name: 'FAQとして公開' });
  expect(await faq.isDisabled(), 'FAQ needs an answer first').toBeTruthy();
  await incoming
    .getByLabel(/^回答/)
    .fill('地元の高専の先生と、県のIT推進協会に講師をお願いしました。謝金は1回2万円程度です。');
  await incoming.getByRole('button', { name: '回答する' }).click();
  await j.expectText(
    incoming.getByRole('status').filter({ hasText: '回答を送りました' }),
    '回答を送りました',
    'answered',
  );
  await j.expectText(incoming, '回答済み', 'the thread is answered');
  await faq.click();
  await j.expectText(
    incoming.getByRole('status').filter({ hasText: '公開しています' }),
    '全員に公開',
    'FAQ on',
  );
  expect(
    (await faq.getAttribute('aria-pressed')) === 'true',
    'the FAQ toggle should be pressed',
  ).toBeTruthy();
  await j.expectText(incoming, 'FAQとして公開中', 'the FAQ badge');
  await j.checkA11y('case page, publisher answering');
  await incoming.scrollIntoViewIfNeeded();
  await j.screenshot('inquiry');

  // The mail's link (/cases/:id#inquiry-:id) brings the publisher to the thread once it has loaded.
  const threadId = await incoming.getAttribute('id');
  await j.goto(`/cases/${id}#${threadId}`);
  await page.waitForFunction((tid) => document.activeElement?.id === tid, threadId, { timeout: 10_000 });

  // Another member reads it as a FAQ.
  await j.graphql('mutation { logout }');
  await j.goto(`/login?next=${encodeURIComponent(`/cases/${id}`)}`);
  await j.login(ORGANISER.email, ORGANISER.password);
  await page.waitForURL(new RegExp(`/cases/${id}$`));
  await j.expectText(
    page.getByRole('region', { name: 'よくある質問（FAQ）' }),
    '講座の講師はどのように確保しましたか',
    'FAQ list',
  );
});
