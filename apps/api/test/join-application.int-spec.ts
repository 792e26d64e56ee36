import { Client } from 'pg';
import { MailService } from '../src/modules/mail/mail.service';
import { onlyError } from './factories/http';
import { dataOf, eventually } from './search-fixtures';
import { createTestApp, type TestApp } from './test-app';

jest.setTimeout(60_000);

/**
 * 参加申込 over GraphQL: anyone applies (validated, merged while pending, rate-limited per IP), the
 * organisers admit (member + first officer invited) or decline (reason mailed); every step is audited.
 */
const APPLY = `mutation($input: ApplyToJoinInput!) { applyToJoin(input: $input) }`;
const LIST = `query($statuses: [JoinApplicationStatus!]) {
  joinApplications(statuses: $statuses) {
    id applicantName department email message status submissions declineReason createdAt updatedAt decidedAt
    municipality { code name membershipStatus joinedOn }
    decidedBy { email }
  }
}`;
const ADMIT = `mutation($id: ID!) { admitJoinApplication(id: $id) { id status decidedAt decidedBy { email } municipality { code membershipStatus joinedOn } } }`;
const DECLINE = `mutation($id: ID!, $reason: String!) { declineJoinApplication(id: $id, reason: $reason) { id status declineReason municipality { code membershipStatus } } }`;
const AUDIT = `query($filter: AuditLogFilter) {
  auditLog(filter: $filter) { totalCount edges { node { action actorLabel actor { email } subjectType subjectId subjectLabel before after } } }
}`;

/** Demo municipalities of a membership status (the seeder decides them), in code order. */
async function withStatus(sql: Client, status: string): Promise<Array<{ code: string; name: string }>> {
  return (
    await sql.query(`SELECT code, name FROM municipalities WHERE membership_status = $1 ORDER BY code`, [
      status,
    ])
  ).rows;
}

function todayInTokyo(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo' }).format(new Date());
}

interface Application {
  id: string;
  email: string;
  status: string;
  submissions: number;
  message: string | null;
  applicantName: string;
  municipality: { code: string; membershipStatus: string | null };
}

describe('join applications (参加申込)', () => {
  let t: TestApp;
  let sql: Client;
  let organiser: string;
  let officer: string;
  const mails = () => t.app.get(MailService).recent();

  const apply = (input: Record<string, unknown>) => t.gql<{ applyToJoin: boolean }>(APPLY, { input });
  const valid = (code: string, extra: Record<string, unknown> = {}) => ({
    municipalityCode: code,
    applicantName: '山田 花子',
    department: '総務部 DX推進課',
    email: `dx.${code}@city.example.lg.jp`,
    message: '参加を希望します。',
    ...extra,
  });
  const pending = async () =>
    dataOf(await t.gql<{ joinApplications: Application[] }>(LIST, { statuses: ['PENDING'] }, organiser))
      .joinApplications;

  // A municipality in the register that is not in the network yet, and another (an APPLICANT already).
  let fresh: string;
  let freshName: string;
  let other: string;
  let member: { code: string };

  beforeAll(async () => {
    t = await createTestApp({ seedDemo: true, env: { JOIN_APPLICATIONS_PER_HOUR: '50' } });
    sql = new Client({ connectionString: t.databaseUrl });
    await sql.connect();
    const applicants = await withStatus(sql, 'APPLICANT');
    [member] = await withStatus(sql, 'MEMBER');
    ({ code: fresh, name: freshName } = applicants[0]);
    other = applicants[1].code;
    await sql.query(`UPDATE municipalities SET membership_status = NULL WHERE code = $1`, [fresh]);
    organiser = await t.login('organiser@yokoten.example');
    officer = await t.login(`officer.${member.code}@yokoten.example`);
  });
  afterAll(async () => {
    await sql?.end();
    await t?.close();
  });

  it('refuses a 団体コード with a wrong check digit, naming the field', async () => {
    const bad = fresh.slice(0, 5) + String((Number(fresh[5]) + 1) % 10);
    const e = onlyError(await apply(valid(bad)));
    expect(e.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.municipalityCode' });
  });

  it('refuses a code that is valid but not in the register', async () => {
    // 019992: a valid check digit, no such municipality in the demo register.
    const { rows } = await sql.query(`SELECT 1 FROM municipalities WHERE code = '019992'`);
    expect(rows).toHaveLength(0);
    const e = onlyError(await apply(valid('019992')));
    expect(e.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.municipalityCode',
      reason: 'NOT_IN_REGISTER',
    });
  });

  it('refuses a municipality that is already a member', async () => {
    const e = onlyError(await apply(valid(member.code)));
    expect(e.extensions).toMatchObject({ field: 'input.municipalityCode', reason: 'ALREADY_MEMBER' });
  });

  it('refuses an address outside the allowed domains, and a malformed one', async () => {
    expect(onlyError(await apply(valid(fresh, { email: 'someone@gmail.com' }))).extensions).toMatchObject({
      field: 'input.email',
      reason: 'DOMAIN_NOT_ALLOWED',
    });
    expect(onlyError(await apply(valid(fresh, { email: 'not-an-address' }))).extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.email',
    });
    expect(await pending()).toEqual(
      expect.not.arrayContaining([
        expect.objectContaining({ municipality: expect.objectContaining({ code: fresh }) }),
      ]),
    );
  });

  it('stores an application: the municipality becomes an applicant, the applicant and organisers are mailed, audited', async () => {
    expect(dataOf(await apply(valid(fresh))).applyToJoin).toBe(true);
    const [mine] = (await pending()).filter((a) => a.municipality.code === fresh);
    expect(mine).toMatchObject({
      status: 'PENDING',
      submissions: 1,
      email: `dx.${fresh}@city.example.lg.jp`,
    });
    expect(mine.municipality.membershipStatus).toBe('APPLICANT');
    const received = await eventually(
      async () => mails().filter((m) => m.kind === 'join-application-received' && m.to === mine.email),
      (l) => l.length === 1,
    );
    expect(received[0].text).toContain('参加申込を受け付けました');
    const toOrganisers = await eventually(
      async () => mails().filter((m) => m.kind === 'join-application-submitted'),
      (l) => l.length === 1,
    );
    expect(toOrganisers[0].to).toEqual(expect.arrayContaining(['organiser@yokoten.example']));
    const audit = dataOf(
      await t.gql<{ auditLog: { edges: Array<{ node: Record<string, unknown> }> } }>(
        AUDIT,
        { filter: { actions: ['joinApplication.submit'], subjectId: mine.id } },
        organiser,
      ),
    ).auditLog.edges;
    expect(audit).toHaveLength(1);
    expect(audit[0].node).toMatchObject({
      actorLabel: mine.email,
      actor: null,
      subjectType: 'joinApplication',
      subjectLabel: freshName,
    });
  });

  it('merges a second application while one is pending: one row, submissions 2, same answer', async () => {
    const res = await apply(valid(fresh, { applicantName: '山田 次郎', message: '再送します。' }));
    expect(dataOf(res).applyToJoin).toBe(true);
    const mine = (await pending()).filter((a) => a.municipality.code === fresh);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ submissions: 2, applicantName: '山田 次郎', message: '再送します。' });
    const { rows } = await sql.query(
      `SELECT count(*)::int AS n FROM join_applications a JOIN municipalities m ON m.id = a.municipality_id WHERE m.code = $1`,
      [fresh],
    );
    expect(rows[0].n).toBe(1);
  });

  it('is for the organisers only to list, admit and decline', async () => {
    const [mine] = (await pending()).filter((a) => a.municipality.code === fresh);
    expect(onlyError(await t.gql(LIST, {})).extensions.code).toBe('UNAUTHENTICATED');
    expect(onlyError(await t.gql(LIST, {}, officer)).extensions.code).toBe('FORBIDDEN');
    expect(onlyError(await t.gql(ADMIT, { id: mine.id }, officer)).extensions.code).toBe('FORBIDDEN');
    expect(onlyError(await t.gql(DECLINE, { id: mine.id, reason: 'x' }, officer)).extensions.code).toBe(
      'FORBIDDEN',
    );
  });

  it('admits: the municipality is a member from today (JST), the applicant is invited as its first officer', async () => {
    const [mine] = (await pending()).filter((a) => a.municipality.code === fresh);
    const admitted = dataOf(
      await t.gql<{ admitJoinApplication: Record<string, unknown> }>(ADMIT, { id: mine.id }, organiser),
    ).admitJoinApplication;
    expect(admitted).toMatchObject({
      status: 'ADMITTED',
      decidedBy: { email: 'organiser@yokoten.example' },
      municipality: { code: fresh, membershipStatus: 'MEMBER', joinedOn: todayInTokyo() },
    });
    const invitation = await eventually(
      async () => mails().filter((m) => m.kind === 'invitation' && m.to === mine.email),
      (l) => l.length === 1,
    );
    expect(invitation[0].text).toMatch(/\/invite\/[A-Za-z0-9_-]{43}/);
    const { rows } = await sql.query(`SELECT role, email FROM invitations WHERE email = $1`, [mine.email]);
    expect(rows).toEqual([{ role: 'OFFICER', email: mine.email }]);
    const actions = dataOf(
      await t.gql<{ auditLog: { edges: Array<{ node: { action: string; subjectId: string } }> } }>(
        AUDIT,
        { filter: { actions: ['joinApplication.admit', 'municipality.admit'] } },
        organiser,
      ),
    ).auditLog.edges.map((e) => e.node);
    expect(actions).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ action: 'joinApplication.admit', subjectId: mine.id }),
        expect.objectContaining({ action: 'municipality.admit', subjectId: fresh }),
      ]),
    );
    // Decided once: a second admit is a conflict.
    expect(onlyError(await t.gql(ADMIT, { id: mine.id }, organiser)).extensions.code).toBe('CONFLICT');
  });

  it('declines with a reason (required), mailed to the applicant; the municipality is no applicant any more', async () => {
    const before = (await sql.query(`SELECT membership_status FROM municipalities WHERE code = $1`, [other]))
      .rows[0].membership_status;
    expect(dataOf(await apply(valid(other))).applyToJoin).toBe(true);
    const [mine] = (await pending()).filter((a) => a.municipality.code === other);
    const empty = onlyError(await t.gql(DECLINE, { id: mine.id, reason: '   ' }, organiser));
    expect(empty.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
    const declined = dataOf(
      await t.gql<{ declineJoinApplication: Record<string, unknown> }>(
        DECLINE,
        { id: mine.id, reason: '現在、九州地域の自治体に限って募集しています。' },
        organiser,
      ),
    ).declineJoinApplication;
    expect(declined).toMatchObject({
      status: 'DECLINED',
      declineReason: '現在、九州地域の自治体に限って募集しています。',
      municipality: { code: other, membershipStatus: before },
    });
    const mail = await eventually(
      async () => mails().filter((m) => m.kind === 'join-application-declined' && m.to === mine.email),
      (l) => l.length === 1,
    );
    expect(mail[0].text).toContain('現在、九州地域の自治体に限って募集しています。');
    const audit = dataOf(
      await t.gql<{ auditLog: { totalCount: number } }>(
        AUDIT,
        { filter: { actions: ['joinApplication.decline'], subjectId: mine.id } },
        organiser,
      ),
    ).auditLog;
    expect(audit.totalCount).toBe(1);
  });
});

describe('join applications: the per-IP limit', () => {
  let t: TestApp;
  let code: string;
  beforeAll(async () => {
    t = await createTestApp({ seedDemo: true, env: { JOIN_APPLICATIONS_PER_HOUR: '2' } });
    const sql = new Client({ connectionString: t.databaseUrl });
    await sql.connect();
    [{ code }] = await withStatus(sql, 'APPLICANT');
    await sql.end();
  });
  afterAll(async () => t?.close());

  it('answers TOO_MANY_REQUESTS with a wait once a client has applied too often', async () => {
    const input = {
      municipalityCode: code,
      applicantName: '佐藤 一郎',
      department: '企画課',
      email: `a.${code}@town.example.lg.jp`,
    };
    for (let i = 0; i < 2; i++) dataOf(await t.gql(APPLY, { input }));
    const e = onlyError(await t.gql(APPLY, { input }));
    expect(e.extensions.code).toBe('TOO_MANY_REQUESTS');
    expect(e.extensions.retryAfterSeconds).toBeGreaterThan(0);
  });
});
