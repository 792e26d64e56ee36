import { MailOutboxProcessor } from '../src/modules/mail/mail-outbox.processor';
import { MailService } from '../src/modules/mail/mail.service';
import { eventually } from './search-fixtures';
import { createTestApp, type TestApp } from './test-app';
import { testClock, type TestClock } from './test-clock';
import {
  createOfficers,
  createSession,
  dataSourceOf,
  DAY,
  HOUR,
  REGISTER,
  seedNetwork,
  type Officer,
} from './exchange-session.fixtures';

jest.setTimeout(120_000);

const UPDATE = `mutation($id: ID!, $input: UpdateExchangeSessionInput!) {
  updateExchangeSession(id: $id, input: $input) { id startsAt endsAt meetingUrl description }
}`;
const FINISH = `mutation($id: ID!, $minutes: String!) {
  finishExchangeSession(sessionId: $id, report: { minutes: $minutes, materials: [] }) { id status }
}`;

describe('change notices of exchange sessions', () => {
  let t: TestApp;
  let organiser: string;
  let mail: MailService;
  let clock: TestClock;
  let sessionId: string;
  let officers: Officer[];
  let startsAt: Date;

  beforeAll(async () => {
    t = await createTestApp();
    ({ organiser } = await seedNetwork(t));
    mail = t.app.get(MailService);
    clock = testClock(t.app);
    // 2 seats, 6 officers: 2 confirmed, 4 waitlisted; one waitlisted turned session mails off, one's
    // account is disabled, one reads English.
    officers = await createOfficers(t, 6);
    ({ id: sessionId } = await createSession(t, organiser, { capacity: 2 }));
    for (const o of officers) {
      const res = await t.gql(REGISTER, { sessionId }, o.token);
      expect(res.errors).toBeUndefined();
    }
    const ds = dataSourceOf(t);
    await ds.query(`UPDATE users SET locale = 'EN' WHERE id = $1`, [officers[1].id]);
    await ds.query(`UPDATE users SET session_notices = false WHERE id = $1`, [officers[4].id]);
    await ds.query(`UPDATE users SET status = 'DISABLED' WHERE id = $1`, [officers[5].id]);
    const [row] = await ds.query(`SELECT starts_at FROM exchange_sessions WHERE id = $1`, [sessionId]);
    startsAt = new Date(row.starts_at);
  });

  afterEach(() => {
    clock.reset();
  });

  afterAll(async () => {
    await t?.close();
  });

  /** Every mail of `kind` queued or sent since the start: the outbox rows and the sent ones. */
  async function mailsOf(kind: string) {
    const [row] = await dataSourceOf(t).query(`SELECT count(*)::int AS n FROM mail_outbox WHERE kind = $1`, [
      kind,
    ]);
    return { waiting: row.n as number, sent: mail.recent().filter((m) => m.kind === kind) };
  }

  async function calendar(): Promise<string> {
    const res = await fetch(`${t.url}/calendar/sessions/${sessionId}.ics`, {
      headers: { authorization: `Bearer ${officers[0].token}` },
    });
    expect(res.status).toBe(200);
    return (await res.text()).replace(/\r\n[ \t]/g, '');
  }

  it('sends nothing and keeps the calendar version for a change of the description only', async () => {
    const before = await calendar();
    expect(before).toMatch(/^SEQUENCE:0$/m);
    const res = await t.gql(
      UPDATE,
      { id: sessionId, input: { description: '当日の進め方を追記しました。' } },
      organiser,
    );
    expect(res.errors).toBeUndefined();
    // Notices are queued in the edit's transaction: none queued now means none will be.
    expect(await mailsOf('session-changed')).toEqual({ waiting: 0, sent: [] });
    expect(await calendar()).toMatch(/^SEQUENCE:0$/m);
  });

  it('mails each confirmed and waitlisted registrant once, in their language, and updates the calendar', async () => {
    const uid = (await calendar()).match(/^UID:(.+)$/m)?.[1];
    const newStart = new Date(startsAt.getTime() + DAY + 2 * HOUR);
    const res = await t.gql(
      UPDATE,
      {
        id: sessionId,
        input: {
          startsAt: newStart.toISOString(),
          endsAt: new Date(newStart.getTime() + 3 * HOUR).toISOString(),
          meetingUrl: 'https://meet.example.jp/yokoten-new-room',
        },
      },
      organiser,
    );
    expect(res.errors).toBeUndefined();
    // 2 confirmed + 2 waitlisted who get session mail (not the one who turned it off, not the disabled one).
    const sent = await eventually(
      async () => (await mailsOf('session-changed')).sent,
      (s) => s.length >= 4,
    );
    await eventually(
      () => t.app.get(MailOutboxProcessor).backlog(),
      (n) => n === 0,
    );
    const all = (await mailsOf('session-changed')).sent;
    expect(all.map((m) => m.to).sort()).toEqual(
      officers
        .slice(0, 4)
        .map((o) => o.email)
        .sort(),
    );
    expect(sent).toHaveLength(4);

    const ja = all.find((m) => m.to === officers[0].email)!;
    expect(ja.subject).toMatch(/^【変更のお知らせ】/);
    // Old → new in Japan time; the confirmed see the new meeting URL.
    const jst = (d: Date) => {
      const j = new Date(d.getTime() + 9 * HOUR);
      return `${j.getUTCFullYear()}年${j.getUTCMonth() + 1}月${j.getUTCDate()}日 ${String(j.getUTCHours()).padStart(2, '0')}:${String(j.getUTCMinutes()).padStart(2, '0')}`;
    };
    expect(ja.text).toContain(`・日時：${jst(startsAt)}`);
    expect(ja.text).toContain(`→ ${jst(newStart)}`);
    expect(ja.text).toContain(
      '・参加URL：https://meet.example.jp/yokoten-secret-room → https://meet.example.jp/yokoten-new-room',
    );
    expect(ja.text).toContain(`/calendar/sessions/${sessionId}.ics`);

    const en = all.find((m) => m.to === officers[1].email)!;
    expect(en.subject).toMatch(/^\[Changed\]/);
    expect(en.text).toContain('- Date and time: ');
    expect(en.text).toContain('(JST)');

    // The waitlisted learn that the URL changed, not the URL.
    const waitlisted = all.find((m) => m.to === officers[2].email)!;
    expect(waitlisted.text).toContain('参加URLが変更されました');
    expect(waitlisted.text).not.toContain('yokoten-new-room');

    const ics = await calendar();
    expect(ics.match(/^UID:(.+)$/m)?.[1]).toBe(uid);
    expect(ics).toMatch(/^SEQUENCE:1$/m);
    const stamp = ics.match(/^DTSTAMP:(\d{8}T\d{6})Z$/m)?.[1] as string;
    const stampMs = Date.parse(
      `${stamp.slice(0, 4)}-${stamp.slice(4, 6)}-${stamp.slice(6, 8)}T${stamp.slice(9, 11)}:${stamp.slice(11, 13)}:${stamp.slice(13, 15)}Z`,
    );
    expect(Math.abs(stampMs - Date.now())).toBeLessThan(5 * 60_000);
  });

  it('mails attendees when the report is posted, not again for an edit soon after, again after a quiet day', async () => {
    const [row] = await dataSourceOf(t).query(`SELECT ends_at FROM exchange_sessions WHERE id = $1`, [
      sessionId,
    ]);
    const endsAt = new Date(row.ends_at);
    clock.set(() => new Date(endsAt.getTime() + HOUR));
    expect(
      (await t.gql(FINISH, { id: sessionId, minutes: '事例発表3件、テーブル討議2回' }, organiser)).errors,
    ).toBeUndefined();
    // Nobody was checked in: the confirmed registrants are the attendees.
    const posted = await eventually(
      async () => (await mailsOf('report-posted')).sent,
      (s) => s.length >= 2,
    );
    expect(posted.map((m) => m.to).sort()).toEqual(
      officers
        .slice(0, 2)
        .map((o) => o.email)
        .sort(),
    );

    // Edited by the organiser after FINISHED within the quiet window: saved, no mail.
    clock.set(() => new Date(endsAt.getTime() + 3 * HOUR));
    const edit = await t.gql(
      FINISH,
      { id: sessionId, minutes: '事例発表3件、テーブル討議2回（資料を追加）' },
      organiser,
    );
    expect(edit.errors).toBeUndefined();
    expect((await mailsOf('report-updated')).waiting).toBe(0);
    const [saved] = await dataSourceOf(t).query(
      `SELECT report_minutes FROM exchange_sessions WHERE id = $1`,
      [sessionId],
    );
    expect(saved.report_minutes).toContain('資料を追加');

    // A day later, an edit is news again: one mail each.
    clock.set(() => new Date(endsAt.getTime() + 2 * DAY));
    expect(
      (await t.gql(FINISH, { id: sessionId, minutes: '議事録を確定しました' }, organiser)).errors,
    ).toBeUndefined();
    const updated = await eventually(
      async () => (await mailsOf('report-updated')).sent,
      (s) => s.length >= 2,
    );
    expect(updated).toHaveLength(2);
    expect(updated.find((m) => m.to === officers[1].email)?.subject).toMatch(/^\[Report updated\]/);
  });
});
