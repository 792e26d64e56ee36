import { DataSource } from 'typeorm';
import { CaseIndex } from '../src/search/case-index';
import { CaseIndexReindexer } from '../src/search/case-index.reindexer';
import { enqueueIndexUpdate } from '../src/search/search-outbox';
import { createTestApp, type TestApp } from './test-app';
import { indexSynced, insertCases, search, seedMunicipalities, type FixtureCase } from './search-fixtures';

jest.setTimeout(180_000);

const CASES = 240;
const fixtures: FixtureCase[] = Array.from({ length: CASES }, (_, i) => ({
  key: `c${i}`,
  municipalityCode: ['401005', '172065', '012084', '131237'][i % 4],
  title: `再構築テスト事例${i}号 ${i % 2 ? 'リスキリング講座' : 'DX人材育成'}`,
  themes: [i % 2 ? 'RESKILLING' : 'DX_TALENT'],
}));

describe('npm run search:reindex (CaseIndexReindexer)', () => {
  let t: TestApp;
  let ids: Record<string, string>;

  beforeAll(async () => {
    t = await createTestApp();
    await seedMunicipalities(t);
    ids = await insertCases(t, fixtures);
    await indexSynced(t);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('keeps the settings idempotent: applying them again changes nothing', async () => {
    expect(await t.app.get(CaseIndex).ensure()).toEqual([]);
  });

  it('rebuilds and swaps with no failed or empty search meanwhile, and keeps updates made during it', async () => {
    const index = t.app.get(CaseIndex);
    const dataSource = t.app.get(DataSource);
    let searching = true;
    const failures: string[] = [];
    let searches = 0;
    const loop = (async () => {
      while (searching) {
        try {
          const r = await search(t, { query: '再構築テスト事例', pageSize: 5 });
          if (r.totalHits < CASES) failures.push(`only ${r.totalHits} hits`);
        } catch (err) {
          failures.push(err instanceof Error ? err.message : String(err));
        }
        searches += 1;
      }
    })();

    let added: Record<string, string> = {};
    let changedDuring = false;
    const result = await t.app.get(CaseIndexReindexer).reindex({
      pageSize: 40,
      onProgress: (done) => {
        if (changedDuring || done < 80) return;
        changedDuring = true;
        // Writers commit while the rebuild holds the sync lock: a new case, an edit of an already copied
        // one and the archiving of another.
        void (async () => {
          added = await insertCases(t, [
            {
              key: 'new',
              municipalityCode: '401005',
              title: '再構築テスト事例 追加分 ヤマユリ',
              themes: ['DX_TALENT'],
            },
          ]);
          await dataSource.transaction(async (m) => {
            await m.query(`UPDATE case_studies SET title = '再構築テスト事例 改題 オオルリ' WHERE id = $1`, [
              ids.c0,
            ]);
            await enqueueIndexUpdate(m, 'case_study', ids.c0);
            await m.query(`UPDATE case_studies SET status = 'ARCHIVED' WHERE id = $1`, [ids.c1]);
            await enqueueIndexUpdate(m, 'case_study', ids.c1);
          });
        })();
      },
    });
    searching = false;
    await loop;

    expect(failures).toEqual([]);
    expect(searches).toBeGreaterThan(5);
    // The case archived mid-rebuild is copied or not depending on whether its (random) id was in a page
    // already read; either way the final state below is what readers see.
    expect(result.documents).toBeGreaterThanOrEqual(CASES - 1);
    await indexSynced(t);

    const all = await search(t, { query: '再構築テスト事例', pageSize: 1 });
    expect(all.totalHits).toBe(CASES); // one added, one archived
    expect((await search(t, { query: 'ヤマユリ' })).hits.map((h) => h.caseStudy.id)).toEqual([added.new]);
    expect((await search(t, { query: 'オオルリ' })).hits.map((h) => h.caseStudy.id)).toEqual([ids.c0]);
    expect((await search(t, { query: `再構築テスト事例1号` })).hits.map((h) => h.caseStudy.id)).not.toContain(
      ids.c1,
    );

    // The live name serves the new documents; no build index is left behind.
    expect(await index.documentCount()).toBe(CASES);
    expect(await index.staleBuilds()).toEqual([]);
    expect(await index.exists(result.build)).toBe(false);
  });

  it('rebuilds an empty or missing live index too (first run)', async () => {
    const index = t.app.get(CaseIndex);
    await index.drop(index.liveName);
    const result = await t.app.get(CaseIndexReindexer).reindex({ pageSize: 100 });
    expect(result.documents).toBe(CASES);
    expect(await index.documentCount()).toBe(CASES);
  });
});
