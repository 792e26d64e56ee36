import { OFFICER } from '../demo';
import { expect, test } from '../fixtures';
import { loginOn } from '../helpers';

test.use({ writes: true });

// アンケート (#13): the organiser builds a survey on the console of the finished kick-off session, an
// attendee (北九州市's officer, checked in that day) answers it from the session page, the organiser sees
// the chart and its table.
test('questionnaires: organiser builds a survey, an attendee answers it, the organiser sees the chart', async ({
  j,
  page,
  login,
}) => {
  await login('organiser', '/sessions');
  const past = await j.graphql(`query { exchangeSessions(timeframe: PAST) { id title status } }`);
  const kickoff = past.data.exchangeSessions.find(
    (s: { title: string; status: string }) => s.status === 'FINISHED' && s.title.includes('キックオフ'),
  );
  expect(kickoff, 'the demo data has the finished kick-off session').toBeTruthy();

  await j.goto(`/sessions/${kickoff.id}/console`);
  const section = page.getByRole('region', { name: 'アンケート・申込時の質問' });
  const survey = section.getByRole('region', { name: '開催後アンケート' });
  await survey.getByRole('button', { name: '質問を追加' }).click();
  await survey.getByRole('group', { name: '質問1' }).getByLabel('質問文').fill('全体の満足度');
  await survey.getByRole('group', { name: '質問1' }).getByLabel('回答を必須にする').check();
  await survey.getByRole('button', { name: '質問を追加' }).click();
  const second = survey.getByRole('group', { name: '質問2' });
  await second.getByLabel('質問文').fill('また参加したいですか');
  await second.getByLabel('回答の形式').selectOption('CHOICE');
  await second.getByLabel('選択肢').fill('はい\nいいえ');
  await survey.getByRole('button', { name: 'アンケートを保存' }).click();
  await expect(survey.getByText('質問を保存しました。')).toBeVisible();
  // The session was in 2023: its default close has passed, so the organiser opens it for another month.
  const closes = new Date(Date.now() + 30 * 24 * 3600_000 + 9 * 3600_000).toISOString().slice(0, 16);
  await section.getByLabel('アンケートの締切（日本時間）').fill(closes);
  await section.getByRole('button', { name: '締切を保存' }).click();
  await expect(section.getByText('締切を保存しました。')).toBeVisible();
  await j.checkA11y('console with the survey builder');

  // The attendee, in a browser of their own, is asked on the session page and answers.
  const attendee = await j.otherPage();
  await loginOn(attendee, OFFICER.email, OFFICER.password, `/sessions/${kickoff.id}`);
  await attendee.getByRole('link', { name: 'アンケートに回答する' }).click();
  await attendee.waitForURL((url) => url.pathname === `/sessions/${kickoff.id}/survey`);
  await attendee.getByRole('heading', { level: 1, name: 'アンケート' }).waitFor();
  await j.checkA11y('survey page', { page: attendee });
  // The required rating is asked for by name when left out.
  await attendee.getByRole('button', { name: '回答を送信' }).click();
  await expect(attendee.getByRole('alert')).toContainText('「全体の満足度」に回答してください');
  await attendee
    .getByRole('group', { name: /全体の満足度/ })
    .getByLabel('5（満足）')
    .check();
  await attendee
    .getByRole('group', { name: /また参加したいですか/ })
    .getByLabel('はい')
    .check();
  await attendee.getByRole('button', { name: '回答を送信' }).click();
  await expect(
    attendee.getByRole('status').filter({ hasText: 'ご回答ありがとうございました' }),
  ).toBeVisible();
  await expect(attendee.getByRole('button', { name: '回答を更新' })).toBeVisible();

  // The organiser's results: response count, the average, a bar per value and the table beside it.
  await j.goto(`/sessions/${kickoff.id}/survey/results`);
  await j.expectText(page.getByTestId('survey-responses'), /^1 \/ \d+名$/, 'responses');
  await j.expectText(page.getByTestId('survey-average'), '平均 5.0 / 5', 'average');
  const rating = page.getByRole('table', { name: /全体の満足度/ });
  await expect(rating.getByRole('row', { name: /5（満足）/ })).toContainText('1人（100%）');
  await expect(rating.getByRole('row', { name: /^1（不満）/ })).toContainText('0人（0%）');
  const widths = await page
    .getByTestId('survey-bar')
    .evaluateAll((bars) => bars.map((b) => (b as HTMLElement).style.width));
  expect(widths.slice(0, 5)).toEqual(['0%', '0%', '0%', '0%', '100%']);
  await expect(page.getByRole('link', { name: 'CSVをダウンロード' })).toHaveAttribute(
    'href',
    `/sessions/${kickoff.id}/survey.csv`,
  );
  await j.checkA11y('survey results');
  await j.screenshot('survey-results');
});
