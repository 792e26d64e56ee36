import { DataSource } from 'typeorm';
import { createTestApp, type TestApp } from './test-app';
import { dataOf } from './search-fixtures';

jest.setTimeout(180_000);

/**
 * networkDashboard on the demo data (cases, sessions with check-ins, the demo chain of spread): every
 * figure is checked against a plain SQL count written independently here.
 */
const DASHBOARD = `{
  networkDashboard {
    generatedAt
    totals { publishedCases members adoptions countedAdoptions }
    casesByTheme { key label count }
    casesByPrefecture { prefectureCode name caseCount memberCount adoptionCount }
    casesByFiscalYear { fiscalYear label count }
    adoptionsByStatus { key label count }
    topFollowedCases { adoptionCount followerCount caseStudy { id title } }
    membershipOverTime { term label joined cumulative }
    sessionParticipation { term termLabel sessions registered attended municipality { code } }
  }
}`;

interface Dashboard {
  totals: { publishedCases: number; members: number; adoptions: number; countedAdoptions: number };
  casesByTheme: Array<{ key: string; label: string; count: number }>;
  casesByPrefecture: Array<{
    prefectureCode: string;
    caseCount: number;
    memberCount: number;
    adoptionCount: number;
  }>;
  casesByFiscalYear: Array<{ fiscalYear: number; count: number }>;
  adoptionsByStatus: Array<{ key: string; label: string; count: number }>;
  topFollowedCases: Array<{
    adoptionCount: number;
    followerCount: number;
    caseStudy: { id: string; title: string };
  }>;
  membershipOverTime: Array<{ term: string; joined: number; cumulative: number }>;
  sessionParticipation: Array<{
    term: string;
    sessions: number;
    registered: number;
    attended: number;
    municipality: { code: string };
  }>;
}

describe('networkDashboard', () => {
  let t: TestApp;
  let d: Dashboard;
  let sql: <T>(query: string) => Promise<T[]>;

  beforeAll(async () => {
    t = await createTestApp({ seedDemo: true });
    const dataSource = t.app.get(DataSource);
    sql = (query) => dataSource.query(query);
    const token = await t.login('officer.401005@yokoten.example');
    d = dataOf(await t.gql<{ networkDashboard: Dashboard }>(DASHBOARD, {}, token)).networkDashboard;
  });

  afterAll(async () => {
    await t?.close();
  });

  it('is for signed-in users only', async () => {
    const res = await t.gql(DASHBOARD);
    expect(res.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const organiser = await t.login('organiser@yokoten.example');
    expect((await t.gql(DASHBOARD, {}, organiser)).errors).toBeUndefined();
  });

  it('counts published cases by theme, fiscal year and prefecture as SQL does', async () => {
    const [{ n }] = await sql<{ n: number }>(
      `SELECT count(*)::int n FROM case_studies WHERE status = 'PUBLISHED'`,
    );
    expect(d.totals.publishedCases).toBe(n);
    expect(n).toBeGreaterThan(100);
    const themes = await sql<{ key: string; count: number }>(
      `SELECT t AS key, count(*)::int AS count FROM case_studies, unnest(themes) t WHERE status = 'PUBLISHED' GROUP BY t`,
    );
    expect(Object.fromEntries(d.casesByTheme.map((r) => [r.key, r.count]))).toEqual(
      Object.fromEntries(themes.map((r) => [r.key, r.count])),
    );
    expect(d.casesByTheme.find((r) => r.key === 'RESKILLING')?.label).toBe('リスキリング');
    const years = await sql<{ fy: number; count: number }>(
      `SELECT fy, count(*)::int AS count FROM case_studies, unnest(fiscal_years) fy WHERE status = 'PUBLISHED' GROUP BY fy ORDER BY fy`,
    );
    expect(d.casesByFiscalYear.map((r) => [r.fiscalYear, r.count])).toEqual(
      years.map((r) => [r.fy, r.count]),
    );
    expect(d.casesByPrefecture).toHaveLength(47);
    expect(d.casesByPrefecture.reduce((s, p) => s + p.caseCount, 0)).toBe(n);
    const fukuoka = await sql<{ count: number }>(
      `SELECT count(*)::int AS count FROM case_studies c JOIN municipalities m ON m.id = c.municipality_id
        WHERE c.status = 'PUBLISHED' AND m.prefecture_code = '40'`,
    );
    expect(d.casesByPrefecture.find((p) => p.prefectureCode === '40')?.caseCount).toBe(fukuoka[0].count);
    const [{ members }] = await sql<{ members: number }>(
      `SELECT count(*)::int members FROM municipalities WHERE membership_status = 'MEMBER'`,
    );
    expect(d.totals.members).toBe(members);
    expect(d.casesByPrefecture.reduce((s, p) => s + p.memberCount, 0)).toBe(members);
  });

  it('counts adoptions and lists the most-followed cases as SQL does', async () => {
    const statuses = await sql<{ key: string; count: number }>(
      `SELECT status AS key, count(*)::int AS count FROM adoptions GROUP BY status ORDER BY status`,
    );
    expect(statuses.length).toBeGreaterThan(0);
    // In the order of progress (検討中 → 試行中 → 導入済み), every status listed, zeros included.
    const count = (key: string) => statuses.find((r) => r.key === key)?.count ?? 0;
    expect(d.adoptionsByStatus.map((r) => [r.key, r.label, r.count])).toEqual([
      ['CONSIDERING', '検討中', count('CONSIDERING')],
      ['PILOTING', '試行中', count('PILOTING')],
      ['ADOPTED', '導入済み', count('ADOPTED')],
    ]);
    expect(d.totals.adoptions).toBe(statuses.reduce((s, r) => s + r.count, 0));
    const top = await sql<{ id: string; counted: number; total: number }>(
      `SELECT case_study_id AS id, count(*) FILTER (WHERE status IN ('PILOTING','ADOPTED'))::int AS counted,
              count(*)::int AS total
         FROM adoptions GROUP BY case_study_id ORDER BY counted DESC, total DESC LIMIT 1`,
    );
    expect(d.topFollowedCases[0]).toMatchObject({
      adoptionCount: top[0].counted,
      followerCount: top[0].total,
    });
    // The demo's most-followed case: 広島県's IT Passport subsidy.
    expect(d.topFollowedCases[0].caseStudy.title).toContain('ITパスポート');
  });

  it('shows membership over time and session participation per municipality and term as SQL does', async () => {
    // One definition of a member: the running total ends at the 加盟自治体 figure (withdrawn ones left out).
    const [{ joined }] = await sql<{ joined: number }>(
      `SELECT count(*)::int joined FROM municipalities WHERE joined_on IS NOT NULL AND membership_status = 'MEMBER'`,
    );
    expect(joined).toBe(d.totals.members);
    expect(d.membershipOverTime[d.membershipOverTime.length - 1].cumulative).toBe(d.totals.members);
    expect(d.membershipOverTime[0].term).toBe('2023H1');
    const participation = await sql<{ term: string; code: string; registered: number; attended: number }>(
      `SELECT s.term, m.code,
              count(*) FILTER (WHERE r.status = 'CONFIRMED')::int AS registered,
              count(*) FILTER (WHERE r.checked_in_at IS NOT NULL)::int AS attended
         FROM session_registrations r
         JOIN exchange_sessions s ON s.id = r.session_id
         JOIN municipalities m ON m.id = r.municipality_id
        WHERE r.status <> 'CANCELLED' AND s.status <> 'CANCELLED'
        GROUP BY s.term, m.code`,
    );
    expect(participation.length).toBeGreaterThan(0);
    const key = (term: string, code: string) => `${term}/${code}`;
    expect(
      Object.fromEntries(
        d.sessionParticipation.map((p) => [key(p.term, p.municipality.code), [p.registered, p.attended]]),
      ),
    ).toEqual(
      Object.fromEntries(participation.map((p) => [key(p.term, p.code), [p.registered, p.attended]])),
    );
    // The kick-off: 14 municipalities took part.
    const kickoff = d.sessionParticipation.filter((p) => p.term === '2023H1' && p.attended > 0);
    expect(kickoff).toHaveLength(14);
  });

  it('seeds a demo chain of spread: 北見市 → 桑名市 → 沖縄県 (ふるさと副業), and a public FAQ', async () => {
    const [kitami] = await sql<{ id: string }>(
      `SELECT c.id FROM case_studies c JOIN municipalities m ON m.id = c.municipality_id
        WHERE m.code = '012084' AND c.title LIKE '首都圏の高度デジタル人材%'`,
    );
    const token = await t.login('officer.131237@yokoten.example');
    const res = await t.gql<{
      caseStudy: { spreadChain: Array<{ depth: number; adoption: { municipality: { code: string } } }> };
    }>(
      `query($id: ID!) { caseStudy(id: $id) { spreadChain { depth adoption { municipality { code } } } } }`,
      { id: kitami.id },
      token,
    );
    expect(dataOf(res).caseStudy.spreadChain.map((l) => [l.depth, l.adoption.municipality.code])).toEqual([
      [1, '242055'],
      [2, '470007'],
    ]);
    const [{ faqs }] = await sql<{ faqs: number }>(
      `SELECT count(*)::int faqs FROM inquiries WHERE is_public`,
    );
    expect(faqs).toBe(1);
  });
});
