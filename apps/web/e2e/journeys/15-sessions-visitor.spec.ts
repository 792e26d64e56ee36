import { expect, test } from '../fixtures';

test('sessions: a visitor reads the list (term, JST time, format, seats, waitlist) and a session', async ({
  j,
  page,
}) => {
  await j.goto('/sessions');
  await j.expectText(page.getByRole('heading', { level: 1 }), '定期共有会', 'h1');
  expect(
    await page
      .getByRole('navigation', { name: 'メインメニュー' })
      .getByRole('link', { name: '定期共有会' })
      .count(),
    'the main menu should link to 定期共有会',
  ).toBeTruthy();
  const upcoming = page.getByRole('region', { name: 'これからの定期共有会' });
  const card = upcoming.getByRole('article').filter({ hasText: 'キャンセル待ち' }).first();
  await j.expectText(card, /\d{4}年度[上下]期/, 'term label');
  // Japan time, whatever the browser's clock (this one is in Los Angeles): the demo session starts at 14:00 JST.
  await j.expectText(
    card,
    /\d{4}年\d{1,2}月\d{1,2}日（[日月火水木金土]）\s*14:00〜17:00（日本時間）/,
    'JST time',
  );
  await j.expectText(card, /ハイブリッド/, 'format badge');
  await j.expectText(card, /受付中/, 'status badge');
  await j.expectText(
    card,
    /参加確定 \d+人／定員 \d+人.*(満席|残り\d+席).*キャンセル待ち \d+人/s,
    'seats and waitlist',
  );
  await j.expectText(
    page.getByRole('region', { name: 'これまでの定期共有会' }),
    /キックオフ/,
    'the finished kick-off is listed under past sessions',
  );
  await j.checkA11y('session list');
  await j.screenshot('session-list');

  await card.getByRole('link').first().click();
  await page.waitForURL(/\/sessions\/[0-9a-f-]{36}$/);
  await j.expectText(page.getByRole('heading', { level: 1 }), /定期共有会/, 'session h1');
  await j.expectText(page.getByRole('region', { name: 'プログラム' }), /基調講演/, 'agenda');
  await j.expectText(page.getByRole('region', { name: 'テーマ別テーブル' }), /テーブルA/, 'theme tables');
  await j.expectText(
    page.getByRole('region', { name: '会場・参加方法' }),
    '参加が確定した方にだけ表示します',
    'venue hidden from visitors',
  );
  await j.expectText(page.getByRole('region', { name: '参加申込' }), /ログインして申し込む/, 'login prompt');
  const ics = await page.request.get(
    (await page.getByRole('link', { name: 'カレンダーに追加（.ics）' }).getAttribute('href'))!,
  );
  expect(
    ics.ok() && /text\/calendar/.test(ics.headers()['content-type']),
    'the .ics link should answer a calendar',
  ).toBeTruthy();
  expect((await ics.text()).includes('BEGIN:VCALENDAR'), 'the .ics file should be a calendar').toBeTruthy();
  await j.checkA11y('session page (visitor)');

  // The kick-off: the report with its attendance, and materials.
  await j.goto('/sessions');
  await page.getByRole('region', { name: 'これまでの定期共有会' }).getByRole('link').first().click();
  await j.expectText(
    page.getByRole('region', { name: '開催報告' }),
    /14自治体・27人が参加しました/,
    'kick-off report',
  );
  await j.checkA11y('finished session page');

  await page.setViewportSize({ width: 375, height: 812 });
  for (const path of ['/sessions', new URL(page.url()).pathname]) {
    await j.goto(path);
    await page.getByRole('heading', { level: 1 }).waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow <= 0, `${path} scrolls sideways by ${overflow}px at 375px wide`).toBeTruthy();
  }
});
