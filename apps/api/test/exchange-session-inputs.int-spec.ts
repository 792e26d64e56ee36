import { createTestApp, type TestApp } from './test-app';
import {
  createOfficers,
  createSession,
  REGISTER,
  REGISTRATION_FIELDS,
  SESSION_FIELDS,
  seedNetwork,
} from './exchange-session.fixtures';

jest.setTimeout(120_000);

/** Odd inputs a real organiser or officer sends: each one a BAD_USER_INPUT naming the field, never a 500. */
describe('exchange sessions: odd inputs', () => {
  let t: TestApp;
  let organiser: string;

  beforeAll(async () => {
    t = await createTestApp();
    ({ organiser } = await seedNetwork(t));
  });

  afterAll(async () => {
    await t?.close();
  });

  const UPDATE = `mutation($id: ID!, $input: UpdateExchangeSessionInput!) {
    updateExchangeSession(id: $id, input: $input) { ${SESSION_FIELDS} description isPublic }
  }`;

  it.each([
    ['title'],
    ['description'],
    ['term'],
    ['startsAt'],
    ['endsAt'],
    ['format'],
    ['capacity'],
    ['allocationMode'],
    ['isPublic'],
    ['registrationOpensAt'],
    ['registrationClosesAt'],
  ])('an edit that sets %s to null is BAD_USER_INPUT naming it, and changes nothing', async (field) => {
    const { id } = await createSession(t, organiser);
    const before = await t.gql<{ exchangeSession: Record<string, unknown> }>(
      `query($id: ID!) { exchangeSession(id: $id) { ${SESSION_FIELDS} description isPublic } }`,
      { id },
      organiser,
    );
    const res = await t.gql(UPDATE, { id, input: { [field]: null } }, organiser);
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: `input.${field}` });
    const after = await t.gql<{ exchangeSession: Record<string, unknown> }>(
      `query($id: ID!) { exchangeSession(id: $id) { ${SESSION_FIELDS} description isPublic } }`,
      { id },
      organiser,
    );
    expect(after.data?.exchangeSession).toEqual(before.data?.exchangeSession);
  });

  it.each([
    ['2027-02-30T14:00:00+09:00', 'a day not on the calendar (Nest’s default read it as 2 March)'],
    ['2027-02-10T25:00:00+09:00', 'an hour not on the clock'],
    ['来週の火曜', 'words'],
  ])('a date-time of %s (%s) is BAD_USER_INPUT naming the field', async (value) => {
    const { id } = await createSession(t, organiser);
    const res = await t.gql(UPDATE, { id, input: { startsAt: value } }, organiser);
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.startsAt' });
    expect(res.errors?.[0]?.message).toContain('2026-05-10T14:00:00+09:00');
  });

  it('a date-time without an offset is Japan time, whatever the server’s time zone', async () => {
    const { id } = await createSession(t, organiser);
    const res = await t.gql<{ updateExchangeSession: { startsAt: string } }>(
      UPDATE,
      { id, input: { startsAt: '2027-02-10T13:00:00', endsAt: '2027-02-10T16:00' } },
      organiser,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data?.updateExchangeSession.startsAt).toBe('2027-02-10T04:00:00.000Z');
  });

  it.each([['description'], ['isPublic'], ['allocationMode']])(
    'a new session with %s null is BAD_USER_INPUT naming it',
    async (field) => {
      const res = await t.gql(
        `mutation($input: CreateExchangeSessionInput!) { createExchangeSession(input: $input) { id } }`,
        {
          input: {
            title: 'null の会',
            term: '2026H2',
            startsAt: '2027-02-10T14:00:00+09:00',
            endsAt: '2027-02-10T17:00:00+09:00',
            format: 'ONLINE',
            meetingUrl: 'https://meet.example.jp/x',
            capacity: 10,
            registrationOpensAt: '2026-11-01T00:00:00+09:00',
            registrationClosesAt: '2027-02-01T00:00:00+09:00',
            [field]: null,
          },
        },
        organiser,
      );
      expect(res.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: `input.${field}`,
      });
    },
  );

  it('an open session keeps what its format needs: removing the meeting URL or venue is refused', async () => {
    const { id } = await createSession(t, organiser, { format: 'HYBRID' });
    const noUrl = await t.gql(UPDATE, { id, input: { meetingUrl: null } }, organiser);
    expect(noUrl.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.meetingUrl',
    });
    const noVenue = await t.gql(UPDATE, { id, input: { venue: '' } }, organiser);
    expect(noVenue.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.venue' });
    // Switching to on-site only needs no meeting URL any more.
    const onsite = await t.gql<{ updateExchangeSession: { format: string; meetingUrl: string | null } }>(
      UPDATE,
      { id, input: { format: 'ONSITE', meetingUrl: null } },
      organiser,
    );
    expect(onsite.errors).toBeUndefined();
    expect(onsite.data?.updateExchangeSession).toMatchObject({ format: 'ONSITE', meetingUrl: null });
    // A draft may be incomplete: it is checked when registration opens.
    const draft = await createSession(t, organiser, { open: false });
    expect(
      (await t.gql(UPDATE, { id: draft.id, input: { meetingUrl: null } }, organiser)).errors,
    ).toBeUndefined();
  });

  it('one-line fields (title, venue, table names) take a pasted line break as a space', async () => {
    const { id } = await createSession(t, organiser);
    const res = await t.gql<{
      updateExchangeSession: { title: string; venue: string; tables: Array<{ name: string; theme: string }> };
    }>(
      UPDATE,
      {
        id,
        input: {
          title: '第7回 定期共有会\r\n（北九州市）',
          venue: '北九州市役所\n5階 大会議室',
          tables: [{ name: 'テーブル\tA', theme: '企業・市民\n向け事業', seats: 10 }],
        },
      },
      organiser,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data?.updateExchangeSession).toMatchObject({
      title: '第7回 定期共有会 （北九州市）',
      venue: '北九州市役所 5階 大会議室',
      tables: [{ name: 'テーブル A', theme: '企業・市民 向け事業' }],
    });
  });

  it('checks in a code typed in full-width or with spaces and hyphens (IME at the reception desk)', async () => {
    const [o] = await createOfficers(t, 1);
    const { id } = await createSession(t, organiser);
    const reg = await t.gql<{ registerForSession: { checkInCode: string } }>(
      REGISTER,
      { sessionId: id },
      o.token,
    );
    const code = reg.data?.registerForSession.checkInCode as string;
    const fullWidth = [...code.toLowerCase()]
      .map((c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0))
      .join('');
    const typed = `${fullWidth.slice(0, 5)}－ ${fullWidth.slice(5)}`;
    const res = await t.gql<{ checkIn: { checkedInAt: string | null } }>(
      `mutation($c: String!) { checkIn(code: $c, allowOtherDay: true) { ${REGISTRATION_FIELDS} } }`,
      { c: typed },
      organiser,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data?.checkIn.checkedInAt).not.toBeNull();
  });

  it('folds calendar lines at 75 octets without splitting a Japanese character', async () => {
    const { id } = await createSession(t, organiser);
    const description = `先進自治体の事例発表と、テーマ別テーブルでの情報交換。${'庁内DX人材の育成計画、'.repeat(20)}おわり`;
    const title = `定期共有会「${'リスキリング'.repeat(10)}」, 第7回; 北九州`;
    expect((await t.gql(UPDATE, { id, input: { description, title } }, organiser)).errors).toBeUndefined();
    for (const path of [`/calendar/sessions/${id}.ics`, '/calendar/upcoming.ics']) {
      const bytes = Buffer.from(await (await fetch(`${t.url}${path}`)).arrayBuffer());
      const lines = bytes.toString('latin1').split('\r\n');
      for (const line of lines) expect(Buffer.byteLength(line, 'latin1')).toBeLessThanOrEqual(75);
      // Each folded piece is valid UTF-8 on its own: no character cut in two.
      for (const line of bytes.toString('utf8').split('\r\n')) expect(line).not.toContain('\ufffd');
      const unfolded = bytes.toString('utf8').replace(/\r\n[ \t]/g, '');
      expect(unfolded).toContain(`DESCRIPTION:2`);
      expect(unfolded).toContain(description.replace(/,/g, '\\,'));
      expect(unfolded).toContain(`SUMMARY:${title.replace(/([,;])/g, '\\$1')}`);
    }
    const one = (await (await fetch(`${t.url}/calendar/sessions/${id}.ics`)).text()).replace(
      /\r\n[ \t]/g,
      '',
    );
    expect(one).toContain(`X-WR-CALNAME:${title.replace(/([,;])/g, '\\$1')}`);
  });

  it('an officer sees (and can cancel) what they registered for colleagues, whoever registered first', async () => {
    const [a, b] = await createOfficers(t, 2, { municipalityCodes: ['401005'] });
    const [other] = await createOfficers(t, 1, { municipalityCodes: ['131237'] });
    const { id } = await createSession(t, organiser, { perMunicipalityLimit: 2 });
    expect((await t.gql(REGISTER, { sessionId: id }, a.token)).errors).toBeUndefined();
    // Registered themself first, then a colleague.
    expect(
      (await t.gql(REGISTER, { sessionId: id, input: { userId: b.id } }, a.token)).errors,
    ).toBeUndefined();
    await t.gql(REGISTER, { sessionId: id }, other.token);
    const ours = `query($id: ID!) { exchangeSession(id: $id) { municipalityRegistrations { id status user { id } } } }`;
    type Ours = {
      exchangeSession: { municipalityRegistrations: Array<{ id: string; user: { id: string } }> };
    };
    const seen = await t.gql<Ours>(ours, { id }, a.token);
    expect(seen.data?.exchangeSession.municipalityRegistrations.map((r) => r.user.id)).toEqual([a.id, b.id]);
    expect(
      (await t.gql<Ours>(ours, { id }, other.token)).data?.exchangeSession.municipalityRegistrations.map(
        (r) => r.user.id,
      ),
    ).toEqual([other.id]);
    expect((await t.gql<Ours>(ours, { id })).data?.exchangeSession.municipalityRegistrations).toEqual([]);
    expect(
      (await t.gql<Ours>(ours, { id }, organiser)).data?.exchangeSession.municipalityRegistrations,
    ).toEqual([]);
    const colleague = seen.data?.exchangeSession.municipalityRegistrations[1].id;
    expect(
      (
        await t.gql(
          `mutation($id: ID!) { cancelRegistration(registrationId: $id) { id } }`,
          { id: colleague },
          a.token,
        )
      ).errors,
    ).toBeUndefined();
    expect(
      (await t.gql<Ours>(ours, { id }, a.token)).data?.exchangeSession.municipalityRegistrations.map(
        (r) => r.user.id,
      ),
    ).toEqual([a.id]);
  });
});
