import { createTestApp, type TestApp } from './test-app';

jest.setTimeout(120_000);

/** The demo data of exchange sessions: the finished kick-off and an open session with a waitlist. */
describe('demo sessions', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ seedDemo: true });
  });

  afterAll(async () => {
    await t?.close();
  });

  it('gives the agenda’s times as date-times in the session’s day', async () => {
    const res = await t.gql<{
      exchangeSessions: Array<{
        startsAt: string;
        agenda: Array<{ title: string; startsAt: string | null }>;
      }>;
    }>(`{ exchangeSessions(status: FINISHED) { startsAt agenda { title startsAt } } }`);
    expect(res.errors).toBeUndefined();
    const kickoff = res.data?.exchangeSessions.find((s) => s.startsAt.startsWith('2023-05-10'));
    const timed = kickoff?.agenda.filter((a) => a.startsAt !== null) ?? [];
    expect(timed.length).toBeGreaterThan(0);
    for (const item of timed) expect(item.startsAt?.slice(0, 10)).toBe('2023-05-10');
  });

  it('lists an officer’s colleagues: the officers of the same municipality, and nobody for anonymous callers', async () => {
    const token = await t.login('officer.401005@yokoten.example');
    const res = await t.gql<{ myColleagues: Array<{ email: string; municipality: { code: string } }> }>(
      '{ myColleagues { email municipality { code } } }',
      undefined,
      token,
    );
    expect(res.data?.myColleagues.map((u) => u.email)).toContain('officer.401005@yokoten.example');
    expect(res.data?.myColleagues.every((u) => u.municipality.code === '401005')).toBe(true);
    const anonymous = await t.gql('{ myColleagues { email } }');
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('has the kick-off of 2023-05-10 as FINISHED with its report: 27 people from 14 municipalities', async () => {
    const res = await t.gql<{
      exchangeSessions: Array<{
        title: string;
        term: string;
        startsAt: string;
        tables: Array<{ theme: string }>;
        report: { attendeeCount: number; municipalityCount: number; minutes: string };
        agenda: Array<{ kind: string; speaker: string | null }>;
      }>;
    }>(`{ exchangeSessions(status: FINISHED) { title term startsAt tables { theme } report { attendeeCount municipalityCount minutes }
          agenda { kind speaker } } }`);
    const kickoff = res.data?.exchangeSessions.find((s) => s.startsAt.startsWith('2023-05-10'));
    expect(kickoff).toBeDefined();
    expect(kickoff?.title).toContain('自治体リスキリング共同宣言');
    expect(kickoff?.term).toBe('2023H1');
    expect(kickoff?.tables.map((x) => x.theme)).toEqual(['企業・市民向け事業', '庁内職員向け事業']);
    expect(kickoff?.report).toMatchObject({ attendeeCount: 27, municipalityCount: 14 });
    expect(kickoff?.agenda.some((a) => a.kind === 'DECLARATION')).toBe(true);
    const organiser = await t.login('organiser@yokoten.example');
    const full = await t.gql<{
      exchangeSessions: Array<{
        registrations: Array<{
          status: string;
          checkedInAt: string | null;
          assignedTable: { id: string } | null;
        }>;
      }>;
    }>(
      `{ exchangeSessions(status: FINISHED) { registrations { status checkedInAt assignedTable { id } } } }`,
      {},
      organiser,
    );
    const regs = full.data?.exchangeSessions[0].registrations ?? [];
    expect(regs).toHaveLength(27);
    expect(regs.every((r) => r.checkedInAt && r.assignedTable)).toBe(true);
  });

  it('has an upcoming OPEN session near capacity with a waitlist that a demo officer can join', async () => {
    const res = await t.gql<{
      exchangeSessions: Array<{
        id: string;
        capacity: number;
        confirmedCount: number;
        waitlistCount: number;
        isRegistrationOpen: boolean;
      }>;
    }>(
      `{ exchangeSessions(status: OPEN, timeframe: UPCOMING) { id capacity confirmedCount waitlistCount isRegistrationOpen } }`,
    );
    const open = res.data?.exchangeSessions[0];
    expect(open).toMatchObject({
      capacity: 36,
      confirmedCount: 36,
      waitlistCount: 4,
      isRegistrationOpen: true,
    });
    // 沖縄県 is a member far down the register, so its officer is not among the 40 registered.
    const officers = await t.gql<{ municipalities: { edges: Array<{ node: { code: string } }> } }>(
      `{ municipalities(filter: { membershipStatuses: [MEMBER] }, first: 100) { edges { node { code } } } }`,
    );
    const last = officers.data?.municipalities.edges.at(-1)?.node.code as string;
    const token = await t.login(`officer.${last}@yokoten.example`);
    const reg = await t.gql<{ registerForSession: { status: string; waitlistPosition: number } }>(
      `mutation($id: ID!) { registerForSession(sessionId: $id) { status waitlistPosition } }`,
      { id: open?.id },
      token,
    );
    expect(reg.data?.registerForSession).toEqual({ status: 'WAITLISTED', waitlistPosition: 5 });
  });
});
