import { DataSource } from 'typeorm';
import { DEMO_CASE_STUDIES, DEMO_SEARCH_FIXTURES, type DemoSearchFixture } from '@yokoten/demo-data';
import { createTestApp, type TestApp } from './test-app';
import { indexSynced, search } from './search-fixtures';

jest.setTimeout(180_000);

/**
 * The demo seed's search fixtures (libs/demo-data): cases whose text proves one Japanese
 * search feature each (the demo spec checks the texts), found through the API over the demo index.
 */
describe('searchCaseStudies over the demo data', () => {
  let t: TestApp;
  const id: Partial<Record<DemoSearchFixture, string>> = {};

  beforeAll(async () => {
    t = await createTestApp({ seedDemo: true });
    await indexSynced(t, 120_000);
    const dataSource = t.app.get(DataSource);
    for (const [fixture, key] of Object.entries(DEMO_SEARCH_FIXTURES) as Array<[DemoSearchFixture, string]>) {
      const demo = DEMO_CASE_STUDIES.find((c) => c.key === key);
      if (!demo) throw new Error(`demo fixture ${fixture}: no case ${key}`);
      const [row] = (await dataSource.query('SELECT id FROM case_studies WHERE title = $1', [
        demo.title,
      ])) as Array<{
        id: string;
      }>;
      id[fixture] = row?.id;
    }
  });
  afterAll(async () => {
    await t?.close();
  });

  const found = async (query: string) =>
    (await search(t, { query, pageSize: 50 })).hits.map((h) => h.caseStudy.id);

  it.each<[string, DemoSearchFixture[]]>([
    ['人材育成', ['kanjiOnlyDxCourse']],
    ['リスキリング', ['reskilling', 'manabinaoshiOnly', 'manabinaoshiOnlyCitizens']],
    ['学び直し', ['reskilling', 'manabinaoshiOnly']],
    ['reskilling', ['reskilling', 'manabinaoshiOnly']],
    ['DX', ['dxSpelledOut', 'kanjiOnlyDxCourse']],
    ['ＤＸ', ['dxSpelledOut']],
    ['ITパスポート', ['itPassport', 'iPass']],
    ['iパス', ['itPassport', 'iPass']],
    ['テレワーク', ['telework', 'remoteWork']],
    ['リモートワーク', ['telework', 'remoteWork']],
    ['Uターン', ['uTurn', 'localReturn']],
    ['地元回帰', ['uTurn', 'localReturn']],
    ['さけもでる', ['katakanaWord']],
    ['ハタラブ', ['hiraganaWord']],
    ['cybersecurty', ['latinLongWord']],
  ])('%s finds %j', async (query, fixtures) => {
    const ids = await found(query);
    for (const f of fixtures)
      expect({ query, fixture: f, found: ids.includes(id[f] as string) }).toEqual({
        query,
        fixture: f,
        found: true,
      });
  });

  it('lists every published public demo case for an anonymous empty query, with facets', async () => {
    const r = await search(t, { pageSize: 1 });
    const dataSource = t.app.get(DataSource);
    const [{ n }] = (await dataSource.query(
      `SELECT count(*)::int AS n FROM case_studies WHERE status = 'PUBLISHED' AND visibility = 'PUBLIC'`,
    )) as Array<{ n: number }>;
    expect(r.totalHits).toBe(n);
    expect(r.facets.find((f) => f.field === 'themes')?.values.length).toBe(12);
  });
});
