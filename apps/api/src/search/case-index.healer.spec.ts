import type { DataSource } from 'typeorm';
import { IndexMissingError, type CaseIndex } from './case-index';
import { CaseIndexHealer } from './case-index.healer';
import type { CaseIndexReindexer, ReindexResult } from './case-index.reindexer';

/** The engine and PostgreSQL as the healer sees them, without either. */
function world(state: {
  missing?: boolean;
  drift?: string[];
  documents?: number;
  expected?: number;
  pending?: number;
  syncLockFree?: boolean;
  rebuildLockFree?: boolean;
}) {
  const calls: string[] = [];
  const index = {
    liveName: 'case_studies',
    settingsVersion: 1,
    settingsDrift: async () => {
      if (state.missing) throw new IndexMissingError('case_studies');
      return state.drift ?? [];
    },
    documentCount: async () => state.documents ?? 0,
    drop: async (name: string) => void calls.push(`drop ${name}`),
  } as unknown as CaseIndex;
  const runner = {
    connect: async () => undefined,
    release: async () => undefined,
    query: async (sql: string) => {
      if (sql.includes('pg_try_advisory_lock')) return [{ locked: state.syncLockFree ?? true }];
      if (sql.includes('pg_advisory_unlock')) return [];
      return [{ expected: state.expected ?? 0, pending: state.pending ?? 0 }];
    },
  };
  // search_index_settings: no version recorded (versions are covered by search-settings-version.int-spec.ts).
  const dataSource = { createQueryRunner: () => runner, query: async () => [] } as unknown as DataSource;
  const reindexer = {
    exclusively: async <T>(_wait: boolean, work: () => Promise<T>) =>
      (state.rebuildLockFree ?? true) ? { acquired: true, value: await work() } : { acquired: false },
    rebuild: async (): Promise<ReindexResult> => {
      calls.push('rebuild');
      return { build: 'b', documents: state.expected ?? 0, updatesDuringRebuild: 0, swap: 'swapped', ms: 1 };
    },
  } as unknown as CaseIndexReindexer;
  return { healer: new CaseIndexHealer(dataSource, index, reindexer), calls };
}

describe('CaseIndexHealer', () => {
  it.each([
    // documents in the engine, published in PostgreSQL, outbox rows not yet applied → state
    [100, 100, 0, 'healthy'],
    [97, 100, 3, 'healthy'], // three publishes not yet applied
    [103, 100, 3, 'healthy'], // three archives not yet applied
    [96, 100, 3, 'lost-documents'],
    [0, 100, 0, 'lost-documents'],
    [104, 100, 3, 'extra-documents'],
    [0, 0, 0, 'healthy'],
  ])('%i documents, %i published, %i pending: %s', async (documents, expected, pending, state) => {
    const { healer } = world({ documents, expected, pending });
    expect(await healer.diagnose()).toMatchObject({ state });
  });

  it('finds a missing index and drifted settings before counting', async () => {
    expect(await world({ missing: true }).healer.diagnose()).toEqual({ state: 'missing' });
    expect(await world({ drift: ['synonyms'], documents: 0, expected: 5 }).healer.diagnose()).toEqual({
      state: 'drifted',
      keys: ['synonyms'],
    });
  });

  it('skips the count comparison while the sync stays busy, rather than guess', async () => {
    const { healer } = world({ documents: 0, expected: 100, syncLockFree: false });
    expect(await healer.diagnose()).toEqual({
      state: 'healthy',
      documents: null,
      expected: null,
      pending: null,
    });
  }, 10_000);

  it('takes the live index away before refilling only when most documents are lost', async () => {
    const most = world({ documents: 40, expected: 100 });
    expect(await most.healer.checkAndHeal()).toMatchObject({ action: 'healed' });
    expect(most.calls).toEqual(['drop case_studies', 'rebuild']);

    const few = world({ documents: 60, expected: 100 });
    expect(await few.healer.checkAndHeal()).toMatchObject({ action: 'healed' });
    expect(few.calls).toEqual(['rebuild']);
  });

  it('does nothing when healthy, and nothing at all when another process holds the rebuild lock', async () => {
    const healthy = world({ documents: 5, expected: 5 });
    expect(await healthy.healer.checkAndHeal()).toMatchObject({ action: 'none' });
    expect(healthy.calls).toEqual([]);

    const busy = world({ missing: true, rebuildLockFree: false });
    expect(await busy.healer.checkAndHeal()).toEqual({ action: 'busy' });
    expect(busy.calls).toEqual([]);
  });
});
