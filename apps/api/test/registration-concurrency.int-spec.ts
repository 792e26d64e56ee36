import { requestStatements } from './query-count';
import { createTestApp, type TestApp } from './test-app';
import {
  CANCEL,
  createOfficers,
  createSession,
  dataSourceOf,
  REGISTER,
  seedNetwork,
  type Officer,
} from './exchange-session.fixtures';

/**
 * The quality bar: 500 registrations at once for 100 seats over HTTP. Exactly 100 are confirmed, the 400
 * others waitlisted 1…400 in the order the database saw them arrive, nobody gets an error, and
 * cancellations promote the waitlist in order.
 */
jest.setTimeout(120_000);

describe('registration under contention (500 at once, 100 seats)', () => {
  let t: TestApp;
  let organiser: string;
  let officers: Officer[];
  let sessionId: string;

  beforeAll(async () => {
    t = await createTestApp();
    ({ organiser } = await seedNetwork(t));
    officers = await createOfficers(t, 500);
    ({ id: sessionId } = await createSession(t, organiser, { capacity: 100, perMunicipalityLimit: null }));
  });

  afterAll(async () => {
    await t?.close();
  });

  it('confirms exactly 100 and waitlists 400 in arrival order, with no error', async () => {
    const results = await Promise.all(
      officers.map((o) =>
        t.gql<{ registerForSession: { id: string; status: string; waitlistPosition: number | null } }>(
          REGISTER,
          { sessionId },
          o.token,
        ),
      ),
    );
    const errors = results.filter((r) => r.errors?.length || r.status !== 200);
    expect(errors.map((e) => e.errors)).toEqual([]);
    const statuses = results.map((r) => r.data?.registerForSession.status);
    expect(statuses.filter((s) => s === 'CONFIRMED')).toHaveLength(100);
    expect(statuses.filter((s) => s === 'WAITLISTED')).toHaveLength(400);

    // Arrival order as the database recorded it: the sequence taken under the session's row lock.
    const rows: Array<{
      status: string;
      arrival_seq: number;
      waitlist_position: number | null;
      registered_at: Date;
    }> = await dataSourceOf(t).query(
      `SELECT status, arrival_seq, waitlist_position, registered_at FROM session_registrations
          WHERE session_id = $1 ORDER BY arrival_seq`,
      [sessionId],
    );
    expect(rows).toHaveLength(500);
    expect(rows.map((r) => r.arrival_seq)).toEqual(Array.from({ length: 500 }, (_, i) => i + 1));
    expect(rows.slice(0, 100).every((r) => r.status === 'CONFIRMED' && r.waitlist_position === null)).toBe(
      true,
    );
    expect(rows.slice(100).map((r) => r.waitlist_position)).toEqual(
      Array.from({ length: 400 }, (_, i) => i + 1),
    );
    expect(rows.slice(100).every((r) => r.status === 'WAITLISTED')).toBe(true);
    // The clock agrees with the sequence: later arrivals never carry an earlier time.
    for (let i = 1; i < rows.length; i++)
      expect(rows[i].registered_at.getTime()).toBeGreaterThanOrEqual(rows[i - 1].registered_at.getTime());

    // What each client was told matches what was stored.
    const told = new Map(
      results.map((r) => [r.data?.registerForSession.id, r.data?.registerForSession.waitlistPosition]),
    );
    const stored: Array<{ id: string; waitlist_position: number | null }> = await dataSourceOf(t).query(
      `SELECT id, waitlist_position FROM session_registrations WHERE session_id = $1`,
      [sessionId],
    );
    for (const s of stored) expect(told.get(s.id)).toBe(s.waitlist_position);

    const counts = await t.gql<{
      exchangeSession: { confirmedCount: number; waitlistCount: number; remainingSeats: number };
    }>(`query($id: ID!) { exchangeSession(id: $id) { confirmedCount waitlistCount remainingSeats } }`, {
      id: sessionId,
    });
    expect(counts.data?.exchangeSession).toEqual({
      confirmedCount: 100,
      waitlistCount: 400,
      remainingSeats: 0,
    });
  });

  it('promotes the waitlist in order when confirmed registrants cancel, also concurrently', async () => {
    const ds = dataSourceOf(t);
    const confirmed: Array<{ id: string; user_id: string }> = await ds.query(
      `SELECT id, user_id FROM session_registrations WHERE session_id = $1 AND status = 'CONFIRMED' ORDER BY arrival_seq LIMIT 10`,
      [sessionId],
    );
    const firstTen: Array<{ id: string }> = await ds.query(
      `SELECT id FROM session_registrations WHERE session_id = $1 AND status = 'WAITLISTED' ORDER BY waitlist_position LIMIT 10`,
      [sessionId],
    );
    const tokenOf = new Map(officers.map((o) => [o.id, o.token]));

    // One cancellation first: exactly the first waitlisted moves up.
    const one = await t.gql(CANCEL, { id: confirmed[0].id }, tokenOf.get(confirmed[0].user_id));
    expect(one.errors).toBeUndefined();
    const [promoted] = await ds.query(`SELECT status, promoted_at FROM session_registrations WHERE id = $1`, [
      firstTen[0].id,
    ]);
    expect(promoted.status).toBe('CONFIRMED');
    expect(promoted.promoted_at).not.toBeNull();

    // Nine at once: the next nine move up, nobody else, and positions stay 1…n.
    const rest = await Promise.all(
      confirmed.slice(1).map((c) => t.gql(CANCEL, { id: c.id }, tokenOf.get(c.user_id))),
    );
    expect(rest.flatMap((r) => r.errors ?? [])).toEqual([]);
    const nowConfirmed: Array<{ id: string }> = await ds.query(
      `SELECT id FROM session_registrations WHERE id = ANY($1::uuid[]) AND status = 'CONFIRMED'`,
      [firstTen.map((r) => r.id)],
    );
    expect(nowConfirmed).toHaveLength(10);
    const state: Array<{ confirmed: number; positions: number[] }> = await ds.query(
      `SELECT count(*) FILTER (WHERE status = 'CONFIRMED')::int AS confirmed,
              array_agg(waitlist_position ORDER BY waitlist_position) FILTER (WHERE status = 'WAITLISTED') AS positions
         FROM session_registrations WHERE session_id = $1`,
      [sessionId],
    );
    expect(state[0].confirmed).toBe(100);
    expect(state[0].positions).toEqual(Array.from({ length: 390 }, (_, i) => i + 1));
    // The eleventh in line is now first, and the order of the rest is still their arrival order.
    const order: Array<{ arrival_seq: number }> = await ds.query(
      `SELECT arrival_seq FROM session_registrations WHERE session_id = $1 AND status = 'WAITLISTED' ORDER BY waitlist_position`,
      [sessionId],
    );
    expect(order.map((r) => r.arrival_seq)).toEqual(Array.from({ length: 390 }, (_, i) => i + 111));
  });

  it('takes a seat in three statements: the caller, what the seat is decided from, the seat', async () => {
    // Each statement is a socket write and a wait on PostgreSQL: under contention the round trips, not the
    // SQL, are a registration's cost (docs/benchmarks.md, "Issue #12: registrations, round trips").
    const [someone] = await createOfficers(t, 1);
    const { id } = await createSession(t, organiser, { capacity: 10 });
    let status: string | undefined;
    const statements = await requestStatements('client', async () => {
      const res = await t.gql<{ registerForSession: { status: string } }>(
        `mutation($s: ID!) { registerForSession(sessionId: $s) { id status waitlistPosition } }`,
        { s: id },
        someone.token,
      );
      status = res.data?.registerForSession.status;
    });
    expect(status).toBe('CONFIRMED');
    expect(statements).toHaveLength(3);
    expect(statements[0]).toMatch(/"login_sessions"/);
    expect(statements[1]).toMatch(/exchange_sessions/);
    expect(statements[2]).toMatch(/session_register_autocommit/);
  });

  it('lets one person register only once, even when the requests race', async () => {
    const [someone] = await createOfficers(t, 1);
    const { id } = await createSession(t, organiser, { capacity: 10 });
    const results = await Promise.all(
      Array.from({ length: 8 }, () => t.gql(REGISTER, { sessionId: id }, someone.token)),
    );
    const ok = results.filter((r) => r.data?.registerForSession);
    const refused = results.filter((r) => r.errors?.[0]?.extensions?.reason === 'ALREADY_REGISTERED');
    expect(ok).toHaveLength(1);
    expect(refused).toHaveLength(7);
    expect(refused.every((r) => r.errors?.[0]?.extensions?.code === 'BAD_USER_INPUT')).toBe(true);
  });
});
