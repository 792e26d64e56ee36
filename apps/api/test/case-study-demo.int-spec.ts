import { Client } from 'pg';
import { renderMarkdown } from '@yokoten/case-studies';
import { DEMO_CASE_STUDIES } from '@yokoten/demo-data';
import { DemoSeeder } from '../src/modules/demo/demo.seeder';
import { createTestApp, DEMO_PASSWORD, type TestApp } from './test-app';

jest.setTimeout(120_000);

/**
 * The demo seed writes cases as the API would: rows of member municipalities only, authored by their
 * officer, with CREATE (+ PUBLISH) revisions and one index job per published case, in the seed's transaction.
 */
describe('demo case studies', () => {
  let t: TestApp;
  let db: Client;

  beforeAll(async () => {
    t = await createTestApp();
    db = new Client({ connectionString: t.databaseUrl });
    await db.connect();
    // Seeding after this trigger exists, so the log survives the search consumer draining the outbox.
    await db.query(`
      CREATE TABLE test_outbox_log (entity_type text, entity_id uuid);
      CREATE FUNCTION test_log_outbox() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN INSERT INTO test_outbox_log VALUES (NEW.entity_type, NEW.entity_id); RETURN NEW; END $$;
      CREATE TRIGGER test_log_outbox AFTER INSERT ON search_outbox FOR EACH ROW EXECUTE FUNCTION test_log_outbox();
    `);
    await t.app.get(DemoSeeder).seedIfEmpty(DEMO_PASSWORD);
  });
  afterAll(async () => {
    await db?.end();
    await t?.close();
  });

  it('inserts every demo case of a member municipality, and no other', async () => {
    const { rows: members } = await db.query<{ code: string }>(
      `SELECT code FROM municipalities WHERE membership_status = 'MEMBER'`,
    );
    const memberCodes = new Set(members.map((m) => m.code));
    const expected = DEMO_CASE_STUDIES.filter((c) => memberCodes.has(c.municipalityCode));
    const { rows } = await db.query<{ title: string; status: string; code: string; membership: string }>(`
      SELECT c.title, c.status, m.code, m.membership_status AS membership
      FROM case_studies c JOIN municipalities m ON m.id = c.municipality_id`);
    expect(rows).toHaveLength(expected.length);
    expect(rows.length).toBeGreaterThanOrEqual(120); // SPEC "Demo data": 120+ cases
    expect(rows.every((r) => r.membership === 'MEMBER')).toBe(true);
    expect(new Set(rows.map((r) => r.title))).toEqual(new Set(expected.map((c) => c.title)));
  });

  it('authors each case by its municipality’s officer, with revisions and versions like an API write', async () => {
    const { rows } = await db.query<{
      status: string;
      version: number;
      author_municipality: string;
      municipality_id: string;
      actions: string[];
      editors_ok: boolean;
    }>(`
      SELECT c.status, c.version, u.municipality_id AS author_municipality, c.municipality_id,
             array_agg(r.action ORDER BY r.version) AS actions,
             bool_and(r.editor_id = c.author_id) AS editors_ok
      FROM case_studies c
      JOIN users u ON u.id = c.author_id AND u.role = 'OFFICER'
      JOIN case_study_revisions r ON r.case_study_id = c.id
      GROUP BY c.id, u.municipality_id`);
    const { rows: total } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM case_studies');
    expect(rows).toHaveLength(total[0].n);
    for (const r of rows) {
      expect(r.author_municipality).toBe(r.municipality_id);
      expect(r.editors_ok).toBe(true);
      expect(r.actions).toEqual(r.status === 'PUBLISHED' ? ['CREATE', 'PUBLISH'] : ['CREATE']);
      expect(r.version).toBe(r.actions.length);
    }
  });

  it('queues exactly one index job per published case and none for drafts', async () => {
    const { rows } = await db.query<{ status: string; jobs: number }>(`
      SELECT c.status, (SELECT count(*)::int FROM test_outbox_log l WHERE l.entity_id = c.id) AS jobs
      FROM case_studies c`);
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect(r.jobs).toBe(r.status === 'PUBLISHED' ? 1 : 0);
  });

  it('keeps the demo’s publication dates and serves published cases through the API', async () => {
    const demo = DEMO_CASE_STUDIES.find((c) => c.status === 'PUBLISHED' && c.visibility === 'PUBLIC');
    if (!demo) throw new Error('the demo set has no published public case');
    const { rows } = await db.query<{ id: string; published_at: Date }>(
      'SELECT id, published_at FROM case_studies WHERE title = $1',
      [demo.title],
    );
    expect(rows[0].published_at.toISOString()).toBe(new Date(demo.publishedAt).toISOString());
    const res = await t.gql<{ caseStudy: { title: string; bodyHtml: string; status: string } | null }>(
      'query($id: ID!) { caseStudy(id: $id) { title status bodyHtml } }',
      { id: rows[0].id },
    );
    expect(res.data?.caseStudy).toEqual({
      title: demo.title,
      status: 'PUBLISHED',
      bodyHtml: renderMarkdown(demo.body),
    });
  });
});
