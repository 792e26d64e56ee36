import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { drawLottery } from '@yokoten/case-studies';
import { MailOutboxProcessor } from '../src/modules/mail/mail-outbox.processor';
import { MailService } from '../src/modules/mail/mail.service';
import { SessionReminderService } from '../src/modules/exchange-session/session-reminder.service';
import { eventually } from './search-fixtures';
import { createTestApp, type TestApp } from './test-app';
import { testClock, type TestClock } from './test-clock';
import {
  CANCEL,
  createOfficers,
  createSession,
  dataSourceOf,
  DAY,
  HOUR,
  REGISTER,
  REGISTRATION_FIELDS,
  SESSION_FIELDS,
  seedNetwork,
  type Officer,
} from './exchange-session.fixtures';

jest.setTimeout(120_000);

type Reg = {
  id: string;
  status: string;
  waitlistPosition: number | null;
  checkInCode: string | null;
  checkedInAt: string | null;
  assignedTable: { id: string } | null;
};

describe('exchange sessions (定期共有会) over GraphQL', () => {
  let t: TestApp;
  let organiser: string;
  let mailDir: string;
  let mail: MailService;
  let clock: TestClock;
  let reminders: SessionReminderService;

  beforeAll(async () => {
    mailDir = mkdtempSync(join(tmpdir(), 'yokoten-mail-'));
    t = await createTestApp({ env: { MAIL_DIR: mailDir } });
    ({ organiser } = await seedNetwork(t));
    mail = t.app.get(MailService);
    clock = testClock(t.app);
    reminders = t.app.get(SessionReminderService);
  });

  afterEach(() => {
    clock.reset();
  });

  afterAll(async () => {
    await t?.close();
  });

  async function register(o: Officer, sessionId: string, input?: Record<string, unknown>) {
    return t.gql<{ registerForSession: Reg }>(REGISTER, { sessionId, input }, o.token);
  }

  const sessionQuery = `query($id: ID!) { exchangeSession(id: $id) { ${SESSION_FIELDS}
    registrations { id status waitlistPosition } myRegistration { id status waitlistPosition checkInCode } } }`;

  describe('organiser', () => {
    it('creates a DRAFT that only the organiser sees, then opens it', async () => {
      const [officer] = await createOfficers(t, 1);
      const { id } = await createSession(t, organiser, { open: false });
      const asOrganiser = await t.gql<{ exchangeSession: { status: string; termLabel: string } }>(
        sessionQuery,
        { id },
        organiser,
      );
      expect(asOrganiser.data?.exchangeSession.status).toBe('DRAFT');
      expect(asOrganiser.data?.exchangeSession.termLabel).toMatch(/^\d{4}年度(上|下)期$/);
      expect((await t.gql<{ exchangeSession: null }>(sessionQuery, { id })).data?.exchangeSession).toBeNull();
      expect(
        (await t.gql<{ exchangeSession: null }>(sessionQuery, { id }, officer.token)).data?.exchangeSession,
      ).toBeNull();
      const opened = await t.gql<{ openRegistration: { status: string } }>(
        `mutation($id: ID!) { openRegistration(sessionId: $id) { status } }`,
        { id },
        organiser,
      );
      expect(opened.data?.openRegistration.status).toBe('OPEN');
      const listed = await t.gql<{ exchangeSessions: Array<{ id: string }> }>(
        `{ exchangeSessions(timeframe: UPCOMING) { id } }`,
      );
      expect(listed.data?.exchangeSessions.map((s) => s.id)).toContain(id);
    });

    it('refuses officers and anonymous callers (FORBIDDEN / UNAUTHENTICATED)', async () => {
      const [officer] = await createOfficers(t, 1);
      const create = `mutation { createExchangeSession(input: { title: "x", term: "2026H2", startsAt: "2026-12-01T13:00:00+09:00",
        endsAt: "2026-12-01T16:00:00+09:00", format: ONLINE, capacity: 10, registrationOpensAt: "2026-11-01T00:00:00+09:00",
        registrationClosesAt: "2026-11-30T00:00:00+09:00", tables: [] }) { id } }`;
      expect((await t.gql(create, {}, officer.token)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect((await t.gql(create)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    });

    it('validates the schedule: BAD_USER_INPUT naming the field', async () => {
      const res = await t.gql(
        `mutation { createExchangeSession(input: { title: "x", term: "2026H1", startsAt: "2026-12-01T13:00:00+09:00",
          endsAt: "2026-12-01T16:00:00+09:00", format: ONLINE, capacity: 10, registrationOpensAt: "2026-11-01T00:00:00+09:00",
          registrationClosesAt: "2026-11-30T00:00:00+09:00", tables: [] }) { id } }`,
        {},
        organiser,
      );
      expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.term' });
      const bad = await t.gql(
        `mutation { createExchangeSession(input: { title: "x", term: "2026H2", startsAt: "2026-12-01T13:00:00+09:00",
          endsAt: "2026-12-01T12:00:00+09:00", format: ONLINE, capacity: 0, registrationOpensAt: "2026-11-01T00:00:00+09:00",
          registrationClosesAt: "2026-11-30T00:00:00+09:00", tables: [] }) { id } }`,
        {},
        organiser,
      );
      expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.capacity' });
    });
  });

  describe('registration rules', () => {
    it('confirms while seats remain, then waitlists in order; nobody registers twice', async () => {
      const officers = await createOfficers(t, 4);
      const { id } = await createSession(t, organiser, { capacity: 2 });
      const results = [];
      for (const o of officers) results.push((await register(o, id)).data?.registerForSession);
      expect(results.map((r) => [r?.status, r?.waitlistPosition])).toEqual([
        ['CONFIRMED', null],
        ['CONFIRMED', null],
        ['WAITLISTED', 1],
        ['WAITLISTED', 2],
      ]);
      const again = await register(officers[0], id);
      expect(again.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason: 'ALREADY_REGISTERED',
      });
      const mine = await t.gql<{
        exchangeSession: { myRegistration: { status: string; waitlistPosition: number } };
      }>(sessionQuery, { id }, officers[3].token);
      expect(mine.data?.exchangeSession.myRegistration).toMatchObject({
        status: 'WAITLISTED',
        waitlistPosition: 2,
      });
    });

    it('a cancellation promotes the first waitlisted and tells them', async () => {
      const officers = await createOfficers(t, 4);
      const { id } = await createSession(t, organiser, { capacity: 2 });
      const regs = [];
      for (const o of officers) regs.push((await register(o, id)).data?.registerForSession as Reg);
      const cancelled = await t.gql<{ cancelRegistration: Reg }>(
        CANCEL,
        { id: regs[0].id },
        officers[0].token,
      );
      expect(cancelled.data?.cancelRegistration.status).toBe('CANCELLED');
      const state = await t.gql<{
        exchangeSession: { registrations: Reg[]; confirmedCount: number; waitlistCount: number };
      }>(sessionQuery, { id }, organiser);
      const byId = new Map(state.data?.exchangeSession.registrations.map((r) => [r.id, r]));
      expect(byId.get(regs[2].id)).toMatchObject({ status: 'CONFIRMED', waitlistPosition: null });
      expect(byId.get(regs[3].id)).toMatchObject({ status: 'WAITLISTED', waitlistPosition: 1 });
      expect(state.data?.exchangeSession).toMatchObject({ confirmedCount: 2, waitlistCount: 1 });
      // Mails are queued with the change and sent by the outbox worker a moment later.
      const promotion = await eventually(
        async () => mail.recent().find((m) => m.kind === 'promotion' && m.to === officers[2].email),
        (m) => m !== undefined,
      );
      expect(promotion?.subject).toContain('繰り上げ参加確定');
      // Cancelled people may register again.
      expect((await register(officers[0], id)).data?.registerForSession).toMatchObject({
        status: 'WAITLISTED',
        waitlistPosition: 2,
      });
    });

    it('refuses registration outside the window, with a reason', async () => {
      const [o] = await createOfficers(t, 1);
      const notYet = await createSession(t, organiser, { opensInHours: 24, closesInHours: 48 });
      expect((await register(o, notYet.id)).errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason: 'REGISTRATION_NOT_YET_OPEN',
        field: 'sessionId',
      });
      const closed = await createSession(t, organiser, { opensInHours: -48, closesInHours: -1 });
      expect((await register(o, closed.id)).errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason: 'REGISTRATION_CLOSED',
      });
    });

    it('refuses registration for a closed, cancelled or finished session', async () => {
      const [o] = await createOfficers(t, 1);
      const closed = await createSession(t, organiser);
      await t.gql(
        `mutation($id: ID!) { closeRegistration(sessionId: $id) { status } }`,
        { id: closed.id },
        organiser,
      );
      expect((await register(o, closed.id)).errors?.[0]?.extensions?.reason).toBe('REGISTRATION_CLOSED');

      const cancelled = await createSession(t, organiser);
      await t.gql(
        `mutation($id: ID!) { cancelExchangeSession(sessionId: $id, reason: "台風のため") { status } }`,
        { id: cancelled.id },
        organiser,
      );
      expect((await register(o, cancelled.id)).errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason: 'SESSION_CANCELLED',
      });

      const past = await createSession(t, organiser, {
        opensInHours: -72,
        closesInHours: -49,
        startsInHours: -48,
      });
      const finished = await t.gql<{ finishExchangeSession: { status: string } }>(
        `mutation($id: ID!) { finishExchangeSession(sessionId: $id, report: { minutes: "議事録" }) { status } }`,
        { id: past.id },
        organiser,
      );
      expect(finished.data?.finishExchangeSession.status).toBe('FINISHED');
      expect((await register(o, past.id)).errors?.[0]?.extensions?.reason).toBe('SESSION_FINISHED');
    });

    it('lets an officer register a colleague of their own municipality within the per-municipality limit', async () => {
      const [a, b, c] = await createOfficers(t, 3, { municipalityCodes: ['401005'] });
      const [outsider] = await createOfficers(t, 1, { municipalityCodes: ['340006'] });
      const { id } = await createSession(t, organiser, { perMunicipalityLimit: 2 });
      expect((await register(a, id)).data?.registerForSession.status).toBe('CONFIRMED');
      const colleague = await register(a, id, { userId: b.id });
      expect(colleague.data?.registerForSession.status).toBe('CONFIRMED');
      const third = await register(a, id, { userId: c.id });
      expect(third.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason: 'MUNICIPALITY_LIMIT',
      });
      // Another municipality's officer cannot register them.
      const foreign = await register(outsider, id, { userId: c.id });
      expect(foreign.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      // The organiser may register anyone, but the limit still holds.
      expect(
        (await register({ ...a, token: organiser }, id, { userId: c.id })).errors?.[0]?.extensions?.reason,
      ).toBe('MUNICIPALITY_LIMIT');
      expect((await t.gql(REGISTER, { sessionId: id })).errors?.[0]?.extensions?.code).toBe(
        'UNAUTHENTICATED',
      );
    });

    it('members cancel until the window closes; after that only the organiser can', async () => {
      const [o] = await createOfficers(t, 1);
      const { id } = await createSession(t, organiser, { closesInHours: 24 });
      const reg = (await register(o, id)).data?.registerForSession as Reg;
      clock.set(() => new Date(Date.now() + 2 * DAY));
      const late = await t.gql(CANCEL, { id: reg.id }, o.token);
      expect(late.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason: 'CANCELLATION_CLOSED',
      });
      const byOrganiser = await t.gql<{ cancelRegistration: Reg }>(CANCEL, { id: reg.id }, organiser);
      expect(byOrganiser.data?.cancelRegistration.status).toBe('CANCELLED');
    });
  });

  describe('privacy', () => {
    it('shows venue and meeting URL only to confirmed registrants and the organiser', async () => {
      const [confirmed, waitlisted, bystander] = await createOfficers(t, 3);
      const { id } = await createSession(t, organiser, { capacity: 1 });
      await register(confirmed, id);
      await register(waitlisted, id);
      const q = `query($id: ID!) { exchangeSession(id: $id) { venue venueDetails meetingUrl registrations { id } } }`;
      type S = {
        exchangeSession: { venue: string | null; meetingUrl: string | null; registrations: unknown[] | null };
      };
      const seen = async (token?: string) => (await t.gql<S>(q, { id }, token)).data?.exchangeSession;
      expect(await seen(confirmed.token)).toMatchObject({
        venue: expect.stringContaining('会議室'),
        meetingUrl: 'https://meet.example.jp/yokoten-secret-room',
        registrations: null,
      });
      for (const who of [waitlisted.token, bystander.token, undefined])
        expect(await seen(who)).toMatchObject({ venue: null, meetingUrl: null, registrations: null });
      expect((await seen(organiser))?.registrations).toHaveLength(2);
    });

    it('shows the check-in code to the registrant and the organiser only', async () => {
      const [o] = await createOfficers(t, 1, { municipalityCodes: ['012084'] });
      const [other] = await createOfficers(t, 1, { municipalityCodes: ['310000'] });
      const { id } = await createSession(t, organiser);
      const reg = (await register(o, id)).data?.registerForSession as Reg;
      expect(reg.checkInCode).toMatch(/^[0-9A-Z]{10}$/);
      const q = `query($id: ID!) { registration(registrationId: $id) { checkInCode checkInQrSvg } }`;
      const own = await t.gql<{ registration: { checkInCode: string; checkInQrSvg: string } }>(
        q,
        { id: reg.id },
        o.token,
      );
      expect(own.data?.registration.checkInQrSvg).toContain('<svg');
      expect(
        (await t.gql<{ registration: null }>(q, { id: reg.id }, other.token)).data?.registration,
      ).toBeNull();
    });
  });

  describe('lottery (抽選)', () => {
    it('takes applications, then draws fairly at close with a recorded seed; the rest are waitlisted in drawn order', async () => {
      const officers = await createOfficers(t, 6);
      const { id } = await createSession(t, organiser, { capacity: 3, allocationMode: 'LOTTERY' });
      const regs: Reg[] = [];
      for (const o of officers) regs.push((await register(o, id)).data?.registerForSession as Reg);
      expect(regs.every((r) => r.status === 'APPLIED' && r.waitlistPosition === null)).toBe(true);
      const closed = await t.gql<{ closeRegistration: { status: string; lotterySeed: string } }>(
        `mutation($id: ID!) { closeRegistration(sessionId: $id, lotterySeed: "yokoten-2026") { status lotterySeed } }`,
        { id },
        organiser,
      );
      expect(closed.data?.closeRegistration).toEqual({ status: 'CLOSED', lotterySeed: 'yokoten-2026' });
      const expected = drawLottery(
        regs.map((r) => r.id),
        3,
        'yokoten-2026',
      );
      const state = await t.gql<{ exchangeSession: { registrations: Reg[] } }>(
        sessionQuery,
        { id },
        organiser,
      );
      const byId = new Map(state.data?.exchangeSession.registrations.map((r) => [r.id, r]));
      for (const w of expected.winners) expect(byId.get(w)?.status).toBe('CONFIRMED');
      expected.waitlist.forEach((w, i) =>
        expect(byId.get(w)).toMatchObject({ status: 'WAITLISTED', waitlistPosition: i + 1 }),
      );
    });
  });

  describe('theme tables', () => {
    it('seats by preference within seats, spreads municipalities, scores first choices, and allows hand adjustment', async () => {
      const sameTown = await createOfficers(t, 2, { municipalityCodes: ['172065'] });
      const others = await createOfficers(t, 3);
      const { id, tables } = await createSession(t, organiser, {
        tables: [
          { name: '企業・市民向け事業', seats: 3 },
          { name: '庁内職員向け事業', seats: 2 },
        ],
      });
      const [a, b] = tables.map((x) => x.id);
      for (const o of [...sameTown, ...others]) await register(o, id, { tablePreferences: [a, b] });
      const res = await t.gql<{
        assignTables: {
          score: {
            assigned: number;
            firstChoice: number;
            sameMunicipalityPairs: number;
            firstChoiceShare: number;
          };
          registrations: Array<{ user: { id: string }; assignedTable: { id: string } }>;
        };
      }>(
        `mutation($id: ID!) { assignTables(sessionId: $id) { score { assigned firstChoice firstChoiceShare sameMunicipalityPairs }
           registrations { user { id } assignedTable { id } } } }`,
        { id },
        organiser,
      );
      const result = res.data?.assignTables;
      expect(result?.score).toMatchObject({ assigned: 5, firstChoice: 3, sameMunicipalityPairs: 0 });
      const seatOf = new Map(result?.registrations.map((r) => [r.user.id, r.assignedTable.id]));
      expect(seatOf.get(sameTown[0].id)).not.toBe(seatOf.get(sameTown[1].id));
      expect([...seatOf.values()].filter((x) => x === a)).toHaveLength(3);

      // Hand adjustment: a full table refuses; a table with room accepts.
      const regs = await t.gql<{
        exchangeSession: { registrations: Array<{ id: string; assignedTable: { id: string } }> };
      }>(
        `query($id: ID!) { exchangeSession(id: $id) { registrations { id assignedTable { id } } } }`,
        { id },
        organiser,
      );
      const atB = regs.data?.exchangeSession.registrations.find((r) => r.assignedTable.id === b);
      const full = await t.gql(
        `mutation($r: ID!, $t: ID) { setTableAssignment(registrationId: $r, tableId: $t) { id } }`,
        { r: atB?.id, t: a },
        organiser,
      );
      expect(full.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'tableId' });
      const atA = regs.data?.exchangeSession.registrations.find((r) => r.assignedTable.id === a);
      const moved = await t.gql<{ setTableAssignment: { assignedTable: { id: string } } }>(
        `mutation($r: ID!, $t: ID) { setTableAssignment(registrationId: $r, tableId: $t) { assignedTable { id } } }`,
        { r: atA?.id, t: null },
        organiser,
      );
      expect(moved.data?.setTableAssignment.assignedTable).toBeNull();
    });
  });

  describe('当日受付 (check-in at the door)', () => {
    const CHECK_IN = `mutation($c: String!, $other: Boolean) { checkIn(code: $c, allowOtherDay: $other) { id checkedInAt } }`;
    const jstDay = (d: Date) => new Date(d.getTime() + 9 * HOUR).toISOString().slice(0, 10);

    it('accepts a code only on the session’s day (JST) unless the organiser overrides it on purpose', async () => {
      const [o] = await createOfficers(t, 1);
      const { id } = await createSession(t, organiser, { startsInHours: 180 * 24 });
      const reg = (await register(o, id)).data?.registerForSession as Reg;
      const early = await t.gql(CHECK_IN, { c: reg.checkInCode }, organiser);
      expect(early.errors?.[0]?.extensions).toMatchObject({ code: 'CHECK_IN_NOT_TODAY', field: 'code' });
      expect(early.errors?.[0]?.message).toMatch(/^この受付コードは\d{4}年\d{1,2}月\d{1,2}日の会のものです/);
      const stored = await t.gql<{ registration: { checkedInAt: string | null } }>(
        `query($id: ID!) { registration(registrationId: $id) { checkedInAt } }`,
        { id: reg.id },
        organiser,
      );
      expect(stored.data?.registration.checkedInAt).toBeNull();
      const overridden = await t.gql<{ checkIn: { checkedInAt: string } }>(
        CHECK_IN,
        { c: reg.checkInCode, other: true },
        organiser,
      );
      expect(overridden.errors).toBeUndefined();
      expect(overridden.data?.checkIn.checkedInAt).not.toBeNull();
    });

    it('counts the day in Japan: 00:30 JST on the session day is accepted, 23:59 JST the day before is not', async () => {
      const [o] = await createOfficers(t, 1);
      const { id } = await createSession(t, organiser, { startsInHours: 30 * 24 });
      const reg = (await register(o, id)).data?.registerForSession as Reg;
      const session = await t.gql<{ exchangeSession: { startsAt: string } }>(
        `query($id: ID!) { exchangeSession(id: $id) { startsAt } }`,
        { id },
        organiser,
      );
      const startsAt = new Date(session.data?.exchangeSession.startsAt as string);
      const midnightJst = new Date(`${jstDay(startsAt)}T00:00:00+09:00`);
      clock.set(() => new Date(midnightJst.getTime() - 60_000));
      expect((await t.gql(CHECK_IN, { c: reg.checkInCode }, organiser)).errors?.[0]?.extensions?.code).toBe(
        'CHECK_IN_NOT_TODAY',
      );
      clock.set(() => new Date(midnightJst.getTime() + 30 * 60_000));
      expect((await t.gql(CHECK_IN, { c: reg.checkInCode }, organiser)).errors).toBeUndefined();
    });

    it('a code already checked in says when (ALREADY_CHECKED_IN with checkedInAt), and keeps the first time', async () => {
      const [o] = await createOfficers(t, 1);
      const { id } = await createSession(t, organiser, { startsInHours: 30 * 24 });
      const reg = (await register(o, id)).data?.registerForSession as Reg;
      const first = await t.gql<{ checkIn: { checkedInAt: string } }>(
        CHECK_IN,
        { c: reg.checkInCode, other: true },
        organiser,
      );
      const at = first.data?.checkIn.checkedInAt as string;
      for (const other of [undefined, true]) {
        const again = await t.gql(CHECK_IN, { c: reg.checkInCode, other }, organiser);
        expect(again.errors?.[0]?.extensions).toMatchObject({
          code: 'ALREADY_CHECKED_IN',
          field: 'code',
          checkedInAt: new Date(at).toISOString(),
          registrationId: reg.id,
        });
        const clock = new Date(new Date(at).getTime() + 9 * HOUR).toISOString().slice(11, 16);
        expect(again.errors?.[0]?.message).toContain(`${clock}に当日受付済みです`);
      }
      // The console's per-person button stays idempotent (it is shown only to those not checked in).
      const byId = await t.gql<{ checkInRegistration: { checkedInAt: string } }>(
        `mutation($id: ID!) { checkInRegistration(registrationId: $id) { checkedInAt } }`,
        { id: reg.id },
        organiser,
      );
      expect(new Date(byId.data?.checkInRegistration.checkedInAt as string).toISOString()).toBe(
        new Date(at).toISOString(),
      );
    });
  });

  describe('attendance and the report', () => {
    it('checks in by code or by the organiser, and the attendee count fills the report', async () => {
      const officers = await createOfficers(t, 3);
      const { id } = await createSession(t, organiser, { startsInHours: 2, closesInHours: 1 });
      const regs: Reg[] = [];
      for (const o of officers) regs.push((await register(o, id)).data?.registerForSession as Reg);
      // 当日受付 happens on the session's day (JST): an hour before it starts.
      clock.set(() => new Date(Date.now() + HOUR));
      const byCode = await t.gql<{ checkIn: Reg }>(
        `mutation($c: String!) { checkIn(code: $c) { ${REGISTRATION_FIELDS} } }`,
        { c: (regs[0].checkInCode as string).toLowerCase() },
        organiser,
      );
      expect(byCode.data?.checkIn.checkedInAt).not.toBeNull();
      const byId = await t.gql<{ checkInRegistration: Reg }>(
        `mutation($id: ID!) { checkInRegistration(registrationId: $id) { checkedInAt } }`,
        { id: regs[1].id },
        organiser,
      );
      expect(byId.data?.checkInRegistration.checkedInAt).not.toBeNull();
      const selfCheckIn = await t.gql(
        `mutation($c: String!) { checkIn(code: $c) { id } }`,
        { c: regs[2].checkInCode },
        officers[2].token,
      );
      expect(selfCheckIn.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      const unknown = await t.gql(`mutation { checkIn(code: "ZZZZZZZZZZ") { id } }`, {}, organiser);
      expect(unknown.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason: 'UNKNOWN_CODE',
      });

      clock.set(() => new Date(Date.now() + 3 * HOUR));
      const report = await t.gql<{
        finishExchangeSession: {
          status: string;
          report: { attendeeCount: number; minutes: string; materials: unknown[] };
        };
      }>(
        `mutation($id: ID!) { finishExchangeSession(sessionId: $id, report: { minutes: "テーマ別に情報交換を行った。",
           materials: [{ title: "発表資料", url: "https://example.jp/slides.pdf" }] }) { status report { attendeeCount minutes materials { title url } } } }`,
        { id },
        organiser,
      );
      expect(report.data?.finishExchangeSession).toMatchObject({
        status: 'FINISHED',
        report: {
          attendeeCount: 2,
          minutes: 'テーマ別に情報交換を行った。',
          materials: [{ title: '発表資料' }],
        },
      });
    });
  });

  describe('mail', () => {
    it('sends Japanese confirmation, waitlist, capacity alerts and cancellation notices; writes .eml files', async () => {
      const officers = await createOfficers(t, 11);
      const { id } = await createSession(t, organiser, { capacity: 10 });
      // Earlier tests' mails out of the way first, so that only this test's are counted.
      const outbox = t.app.get(MailOutboxProcessor);
      await eventually(
        () => outbox.backlog(),
        (n) => n === 0,
      );
      const before = mail.recent().length;
      for (const o of officers) await register(o, id);
      // 10 confirmations, 1 waitlist notice and 3 capacity alerts, sent by the outbox worker.
      const sent = await eventually(
        async () => mail.recent().slice(before),
        (s) => s.length >= 14,
      );
      expect(sent.filter((m) => m.kind === 'confirmation')).toHaveLength(10);
      expect(sent.filter((m) => m.kind === 'waitlist')).toHaveLength(1);
      expect(sent.find((m) => m.kind === 'confirmation')?.subject).toMatch(/^【参加確定】/);
      expect(sent.find((m) => m.kind === 'confirmation')?.text).toContain(
        'https://meet.example.jp/yokoten-secret-room',
      );
      expect(sent.find((m) => m.kind === 'waitlist')?.text).not.toContain('yokoten-secret-room');
      // Without PUBLIC_URL (and not embedded) a link stays a path rather than point at a guessed host.
      expect(sent.find((m) => m.kind === 'confirmation')?.text).toContain(`会のページ：/sessions/${id}`);
      expect(sent.filter((m) => m.kind.startsWith('capacity-')).map((m) => m.kind)).toEqual([
        'capacity-50',
        'capacity-80',
        'capacity-100',
      ]);

      const before2 = mail.recent().length;
      await t.gql(
        `mutation($id: ID!) { cancelExchangeSession(sessionId: $id, reason: "会場都合のため") { status } }`,
        { id },
        organiser,
      );
      const notices = await eventually(
        async () =>
          mail
            .recent()
            .slice(before2)
            .filter((m) => m.kind === 'session-cancelled'),
        (n) => n.length >= 11,
      );
      expect(notices).toHaveLength(11);
      expect(notices[0].text).toContain('会場都合のため');

      const files = readdirSync(mailDir).filter((f) => f.endsWith('.eml'));
      expect(files.length).toBeGreaterThanOrEqual(25);
      const eml = readFileSync(
        join(mailDir, files.find((f) => f.includes('confirmation')) as string),
        'utf8',
      );
      expect(eml).toMatch(/^Subject: =\?UTF-8\?/im);
      expect(eml).toMatch(/charset=utf-8/i);
    });

    it('sends the reminder once, the day before', async () => {
      const [o] = await createOfficers(t, 1);
      const { id } = await createSession(t, organiser, { startsInHours: 20, closesInHours: 10 });
      await register(o, id);
      const first = await reminders.sendDueReminders(24);
      expect(first).toBeGreaterThanOrEqual(1);
      await eventually(
        async () => mail.recent().filter((m) => m.kind === 'reminder' && m.to === o.email),
        (r) => r.length > 0,
      );
      expect(await reminders.sendDueReminders(24)).toBe(0);
    });
  });

  describe('console exports', () => {
    it('exports registrations as Excel-friendly CSV (BOM, Japanese headers) and counts by prefecture', async () => {
      const officers = await createOfficers(t, 3, { municipalityCodes: ['401005', '340006'] });
      const { id } = await createSession(t, organiser, { capacity: 2 });
      for (const o of officers) await register(o, id);
      const res = await fetch(`${t.url}/sessions/${id}/registrations.csv`, {
        headers: { authorization: `Bearer ${organiser}` },
      });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/text\/csv; charset=utf-8/);
      const bytes = new Uint8Array(await res.arrayBuffer());
      expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const text = new TextDecoder().decode(bytes.slice(3));
      const lines = text.trimEnd().split('\r\n');
      expect(lines[0]).toBe(
        '状態,キャンセル待ち順,申込順,氏名,メールアドレス,団体コード,自治体,都道府県,テーブル,希望テーブル,当日受付,申込日時,キャンセル日時',
      );
      expect(lines).toHaveLength(4);
      expect(lines[3]).toMatch(/^キャンセル待ち,1,3,/);
      expect(text).toContain('北九州市');

      const forbidden = await fetch(`${t.url}/sessions/${id}/registrations.csv`, {
        headers: { authorization: `Bearer ${officers[0].token}` },
      });
      expect(forbidden.status).toBe(403);

      const viaGql = await t.gql<{ sessionRegistrationsCsv: string }>(
        `query($id: ID!) { sessionRegistrationsCsv(sessionId: $id) }`,
        { id },
        organiser,
      );
      expect(viaGql.data?.sessionRegistrationsCsv.startsWith('\uFEFF状態')).toBe(true);

      const counts = await t.gql<{
        registrationCountsByPrefecture: Array<{
          prefectureName: string;
          confirmed: number;
          waitlisted: number;
        }>;
      }>(
        `query($id: ID!) { registrationCountsByPrefecture(sessionId: $id) { prefectureCode prefectureName confirmed waitlisted municipalities } }`,
        { id },
        organiser,
      );
      const total = counts.data?.registrationCountsByPrefecture.reduce(
        (n, r) => n + r.confirmed + r.waitlisted,
        0,
      );
      expect(total).toBe(3);
      expect(counts.data?.registrationCountsByPrefecture.map((r) => r.prefectureName).sort()).toEqual([
        '広島県',
        '福岡県',
      ]);
    });
  });

  describe('calendar', () => {
    it('serves an .ics per session and an iCal feed of upcoming public sessions, without the meeting URL', async () => {
      const [o] = await createOfficers(t, 1);
      const { id } = await createSession(t, organiser);
      const anonymous = await fetch(`${t.url}/calendar/sessions/${id}.ics`);
      expect(anonymous.status).toBe(200);
      expect(anonymous.headers.get('content-type')).toMatch(/text\/calendar/);
      const ics = await anonymous.text();
      expect(ics).toContain('BEGIN:VCALENDAR');
      expect(ics).toContain('BEGIN:VEVENT');
      expect(ics).toMatch(/DTSTART:\d{8}T\d{6}Z/);
      expect(ics).toContain(`UID:exchange-session-${id}@yokoten`);
      expect(ics).not.toContain('yokoten-secret-room');

      await register(o, id);
      const mine = await (
        await fetch(`${t.url}/calendar/sessions/${id}.ics`, {
          headers: { authorization: `Bearer ${o.token}` },
        })
      ).text();
      expect(mine.replace(/\r\n[ \t]/g, '')).toContain('https://meet.example.jp/yokoten-secret-room');

      const feed = await (await fetch(`${t.url}/calendar/upcoming.ics`)).text();
      expect(feed).toContain(`exchange-session-${id}@yokoten`);
      expect(feed).not.toContain('yokoten-secret-room');
      const draft = await createSession(t, organiser, { open: false });
      expect(await (await fetch(`${t.url}/calendar/upcoming.ics`)).text()).not.toContain(draft.id);
    });
  });

  it('records arrival order in the database (used for the waitlist) and keeps positions dense', async () => {
    const officers = await createOfficers(t, 5);
    const { id } = await createSession(t, organiser, { capacity: 1 });
    const regs: Reg[] = [];
    for (const o of officers) regs.push((await register(o, id)).data?.registerForSession as Reg);
    await t.gql(CANCEL, { id: regs[2].id }, officers[2].token); // a waitlisted one leaves
    const rows: Array<{ waitlist_position: number }> = await dataSourceOf(t).query(
      `SELECT waitlist_position FROM session_registrations WHERE session_id = $1 AND status = 'WAITLISTED' ORDER BY arrival_seq`,
      [id],
    );
    expect(rows.map((r) => r.waitlist_position)).toEqual([1, 2, 3]);
  });
});
