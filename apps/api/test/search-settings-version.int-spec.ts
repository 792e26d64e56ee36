import { Meilisearch } from 'meilisearch';
import { DataSource } from 'typeorm';
import { CaseIndex } from '../src/search/case-index';
import { CaseIndexHealer } from '../src/search/case-index.healer';
import { CaseIndexReindexer } from '../src/search/case-index.reindexer';
import { CASE_INDEX_SETTINGS } from '../src/search/case-index.settings';
import { CaseIndexSource } from '../src/search/case-index.source';
import { IndexSettingsVersions } from '../src/search/case-index.versions';
import { SearchOutboxProcessor } from '../src/search/search-outbox.processor';
import { indexSynced, insertCases, seedMunicipalities } from './search-fixtures';
import { createTestApp, type TestApp } from './test-app';

jest.setTimeout(120_000);

/**
 * A rolling deploy of a release that changes the index settings: old and new processes share the engine and
 * each would see the other's settings as drift. With the settings version recorded in PostgreSQL, a process
 * heals only an index whose recorded version is not newer than its own, so the new settings win once and
 * stay, instead of the two rebuilding in turn.
 */
describe('index settings versions (two healers, older and newer settings)', () => {
  let t: TestApp;
  let ds: DataSource;

  /** A process's search stack with its own settings and version, on the test's engine and index name. */
  function processWith(settings: typeof CASE_INDEX_SETTINGS, version: number) {
    const meili = new Meilisearch({ host: t.config.MEILI_URL as string, apiKey: t.config.MEILI_MASTER_KEY });
    const live = t.app.get(CaseIndex).liveName;
    const index = new CaseIndex(meili, live, settings, version);
    const source = new CaseIndexSource();
    const processor = new SearchOutboxProcessor(ds, index, source, 500);
    const reindexer = new CaseIndexReindexer(ds, index, source, processor);
    return { index, healer: new CaseIndexHealer(ds, index, reindexer), reindexer };
  }

  // Version 101 adds a sortable attribute that version 100 does not have.
  const OLD = {
    ...CASE_INDEX_SETTINGS,
    sortableAttributes: CASE_INDEX_SETTINGS.sortableAttributes.filter((a) => a !== 'adoptionCount'),
  };
  const sortable = async (index: CaseIndex) =>
    [...(await index.meili.index(index.liveName).getSortableAttributes())].sort();

  beforeAll(async () => {
    // The app's own sync checks rarely: the two healers below are the processes under test.
    t = await createTestApp({ env: { SEARCH_HEAL_INTERVAL_SECONDS: '3600' } });
    ds = t.app.get(DataSource);
    await seedMunicipalities(t);
    await insertCases(t, [
      { key: 'a', municipalityCode: '401005', title: '設定版数テスト事例その一' },
      { key: 'b', municipalityCode: '172065', title: '設定版数テスト事例その二' },
    ]);
    await indexSynced(t);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('the newer settings win once and stay: the older process never rebuilds them back', async () => {
    const versions = new IndexSettingsVersions(ds);
    const live = t.app.get(CaseIndex).liveName;
    const older = processWith(OLD, 100);
    const newer = processWith(CASE_INDEX_SETTINGS, 101);
    const rebuilds: string[] = [];
    for (const [name, p] of [
      ['older', older],
      ['newer', newer],
    ] as const) {
      const rebuild = p.reindexer.rebuild.bind(p.reindexer);
      jest.spyOn(p.reindexer, 'rebuild').mockImplementation((o) => {
        rebuilds.push(name);
        return rebuild(o);
      });
    }

    // The old release is running (it configured the index): its heal applies its settings and records 100.
    expect((await older.healer.checkAndHeal()).action).toBe('healed');
    expect(await versions.recorded(live)).toBe(100);
    expect(await sortable(older.index)).not.toContain('adoptionCount');

    // A new process starts: its settings are newer than the recorded ones, so it heals the drift.
    const first = await newer.healer.checkAndHeal();
    expect(first).toMatchObject({
      action: 'healed',
      diagnosis: { state: 'drifted', keys: ['sortableAttributes'] },
    });
    expect(await versions.recorded(live)).toBe(101);
    expect(await sortable(newer.index)).toContain('adoptionCount');

    // Both keep checking, as their sync workers do: the old one sees "drift" but a newer version recorded.
    for (let i = 0; i < 3; i += 1) {
      expect(await older.healer.checkAndHeal()).toMatchObject({ action: 'superseded', recordedVersion: 101 });
      expect((await newer.healer.checkAndHeal()).action).toBe('none');
    }
    // At start, the old release does not apply its settings either.
    expect(await older.healer.ensureLiveSettings()).toEqual({ changed: [], superseded: true });
    expect(await sortable(newer.index)).toContain('adoptionCount');
    expect(rebuilds).toEqual(['older', 'newer']);

    // The index is lost: whoever notices first rebuilds it (better older settings than none); the newer
    // version stays recorded, so the newer process puts its settings back and the older one leaves them.
    await older.index.drop(live);
    expect((await older.healer.checkAndHeal()).action).toBe('healed');
    expect(await versions.recorded(live)).toBe(101);
    expect((await newer.healer.checkAndHeal()).action).toBe('healed');
    expect((await older.healer.checkAndHeal()).action).toBe('superseded');
    expect(await sortable(newer.index)).toContain('adoptionCount');
    expect(rebuilds).toEqual(['older', 'newer', 'older', 'newer']);

    // Rolled back to the old release for good: the operator's `search:reindex` records its own version.
    await older.reindexer.reindex();
    expect(await versions.recorded(live)).toBe(100);
    expect(await sortable(older.index)).not.toContain('adoptionCount');
    expect((await older.healer.checkAndHeal()).action).toBe('none');
  });
});
