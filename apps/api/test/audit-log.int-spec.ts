import { Client } from 'pg';
import { onlyError } from './factories/http';
import { dataOf } from './search-fixtures';
import { createTestApp, type TestApp } from './test-app';

jest.setTimeout(60_000);

/**
 * The audit log: membership changes are written in their own transaction, the organisers read it newest
 * first with filters and keyset pages, and download it as CSV (formula starters neutralised).
 */
const ADMIT = `mutation($code: String!) { admitMunicipality(code: $code) { code membershipStatus } }`;
const WITHDRAW = `mutation($code: String!) { withdrawMunicipality(code: $code) { code membershipStatus } }`;
const AUDIT = `query($filter: AuditLogFilter, $first: Int, $after: String) {
  auditLog(filter: $filter, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { cursor node { id at action actorLabel actor { email role } subjectType subjectId subjectLabel before after } }
  }
}`;

interface Entry {
  id: string;
  at: string;
  action: string;
  actorLabel: string;
  actor: { email: string } | null;
  subjectType: string;
  subjectId: string;
  subjectLabel: string;
  before: string | null;
  after: string | null;
}
interface Page {
  auditLog: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: Array<{ cursor: string; node: Entry }>;
  };
}

describe('audit log', () => {
  let t: TestApp;
  let sql: Client;
  let organiser: string;
  let officer: string;
  let applicant: { code: string; name: string };
  let member: { code: string };

  const audit = async (variables: Record<string, unknown> = {}) =>
    dataOf(await t.gql<Page>(AUDIT, variables, organiser)).auditLog;

  beforeAll(async () => {
    t = await createTestApp({ seedDemo: true });
    sql = new Client({ connectionString: t.databaseUrl });
    await sql.connect();
    [applicant] = (
      await sql.query(
        `SELECT code, name FROM municipalities WHERE membership_status = 'APPLICANT' ORDER BY code`,
      )
    ).rows;
    [member] = (
      await sql.query(
        `SELECT m.code FROM municipalities m WHERE membership_status = 'MEMBER'
           AND EXISTS (SELECT 1 FROM users u WHERE u.municipality_id = m.id) ORDER BY code`,
      )
    ).rows;
    organiser = await t.login('organiser@yokoten.example');
    officer = await t.login(`officer.${member.code}@yokoten.example`);
  });
  afterAll(async () => {
    await sql?.end();
    await t?.close();
  });

  it('records an admission and a withdrawal with who, what, and the status before and after', async () => {
    dataOf(await t.gql(ADMIT, { code: applicant.code }, organiser));
    dataOf(await t.gql(WITHDRAW, { code: applicant.code }, organiser));
    const { edges, totalCount } = await audit({
      filter: { subjectType: 'municipality', subjectId: applicant.code },
    });
    expect(totalCount).toBe(2);
    const [withdrawal, admission] = edges.map((e) => e.node);
    expect(admission).toMatchObject({
      action: 'municipality.admit',
      actorLabel: 'organiser@yokoten.example',
      actor: { email: 'organiser@yokoten.example' },
      subjectLabel: applicant.name,
    });
    expect(JSON.parse(admission.before!)).toMatchObject({ membershipStatus: 'APPLICANT' });
    expect(JSON.parse(admission.after!)).toMatchObject({ membershipStatus: 'MEMBER' });
    expect(withdrawal.action).toBe('municipality.withdraw');
    expect(JSON.parse(withdrawal.after!)).toMatchObject({ membershipStatus: 'WITHDRAWN' });
    expect(new Date(withdrawal.at).getTime()).toBeGreaterThanOrEqual(new Date(admission.at).getTime());
  });

  it('writes nothing when the change fails (a second withdrawal is a conflict)', async () => {
    const before = (await audit()).totalCount;
    expect(onlyError(await t.gql(WITHDRAW, { code: applicant.code }, organiser)).extensions.code).toBe(
      'CONFLICT',
    );
    expect((await audit()).totalCount).toBe(before);
  });

  it('filters by action, actor and time, and pages newest first with a cursor', async () => {
    const organiserId = (await sql.query(`SELECT id FROM users WHERE email = 'organiser@yokoten.example'`))
      .rows[0].id;
    const byAction = await audit({ filter: { actions: ['municipality.withdraw'] } });
    expect(byAction.edges.map((e) => e.node.action)).toEqual(['municipality.withdraw']);
    expect((await audit({ filter: { actorUserId: organiserId } })).totalCount).toBeGreaterThanOrEqual(2);
    expect((await audit({ filter: { from: '2099-01-01T00:00:00Z' } })).totalCount).toBe(0);
    expect((await audit({ filter: { to: '2000-01-01T00:00:00Z' } })).totalCount).toBe(0);

    const first = await audit({ first: 1 });
    expect(first.edges).toHaveLength(1);
    expect(first.pageInfo.hasNextPage).toBe(first.totalCount > 1);
    const second = await audit({ first: 1, after: first.pageInfo.endCursor });
    expect(second.edges[0].node.id).not.toBe(first.edges[0].node.id);
    expect(Number(second.edges[0].node.id)).toBeLessThan(Number(first.edges[0].node.id));
    expect(onlyError(await t.gql(AUDIT, { after: 'bogus' }, organiser)).extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'after',
    });
  });

  it('is for the organisers only', async () => {
    expect(onlyError(await t.gql(AUDIT, {})).extensions.code).toBe('UNAUTHENTICATED');
    expect(onlyError(await t.gql(AUDIT, {}, officer)).extensions.code).toBe('FORBIDDEN');
  });

  describe('GET /audit-log.csv', () => {
    beforeAll(async () => {
      // Labels as a hostile name could make them: spreadsheet formulas, half- and full-width.
      await sql.query(
        `INSERT INTO audit_log (actor_label, action, subject_type, subject_id, subject_label, after)
         VALUES ('system', 'user.profileUpdate', 'user', 'x1', '=HYPERLINK("http://evil.example")', '{"name":"+1"}'),
                ('system', 'user.profileUpdate', 'user', 'x2', '＝１＋１', NULL),
                ('@SUM(A1)', 'user.profileUpdate', 'user', 'x3', '－1', NULL)`,
      );
    });

    it('is refused without a login (401) and to an officer (403)', async () => {
      expect((await fetch(`${t.url}/audit-log.csv`)).status).toBe(401);
      const res = await fetch(`${t.url}/audit-log.csv`, { headers: { authorization: `Bearer ${officer}` } });
      expect(res.status).toBe(403);
    });

    it('gives the organiser UTF-8 CSV with a BOM, filtered, formula starters neutralised', async () => {
      const res = await fetch(`${t.url}/audit-log.csv?actions=user.profileUpdate`, {
        headers: { authorization: `Bearer ${organiser}` },
      });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/text\/csv; charset=utf-8/);
      expect(res.headers.get('content-disposition')).toMatch(/attachment; filename="yokoten-audit-log\.csv"/);
      const bytes = new Uint8Array(await res.arrayBuffer());
      expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const text = new TextDecoder().decode(bytes.slice(3));
      const lines = text.trim().split('\r\n');
      expect(lines[0]).toBe(
        'at,actorUserId,actorLabel,action,subjectType,subjectId,subjectLabel,before,after',
      );
      expect(lines).toHaveLength(4); // header + the three, nothing of the membership changes
      expect(text).toContain(`"'=HYPERLINK(""http://evil.example"")"`);
      expect(text).toContain(`,'＝１＋１,`);
      expect(text).toContain(`,'@SUM(A1),`);
      expect(text).toContain(`,'－1,`);
      expect(text).not.toMatch(/(^|,)[=+\-@＝＋－＠]/m);
    });

    it('takes the session cookie too, and names a bad filter', async () => {
      const res = await fetch(`${t.url}/audit-log.csv?from=not-a-date`, {
        headers: { authorization: `Bearer ${organiser}` },
      });
      expect(res.status).toBe(400);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('BAD_USER_INPUT');
      const login = await fetch(`${t.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          query: 'mutation { login(email: "organiser@yokoten.example", password: "yokoten-demo") { token } }',
        }),
      });
      const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
      expect(cookie).toMatch(/=/);
      expect((await fetch(`${t.url}/audit-log.csv`, { headers: { cookie } })).status).toBe(200);
    });
  });
});
