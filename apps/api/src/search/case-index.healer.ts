import type { Settings } from 'meilisearch';
import type { DataSource } from 'typeorm';
import { isIndexNotFound, type CaseIndex } from './case-index';
import type { CaseIndexReindexer, ReindexOptions, ReindexResult } from './case-index.reindexer';
import { IndexSettingsVersions } from './case-index.versions';
import { SEARCH_SYNC_LOCK } from './search-outbox.processor';

/** What the check found. `documents`: in the engine; `expected`: published in PostgreSQL; `pending`: outbox rows. */
export type IndexDiagnosis =
  | { state: 'healthy'; documents: number | null; expected: number | null; pending: number | null }
  | { state: 'missing' }
  | { state: 'drifted'; keys: Array<keyof Settings> }
  | { state: 'lost-documents'; documents: number; expected: number; pending: number }
  | { state: 'extra-documents'; documents: number; expected: number; pending: number };

export interface HealOutcome {
  /**
   * `busy`: another process (or the reindex CLI) holds the rebuild lock; nothing was looked at.
   * `superseded`: the index is not as this process would have it, but a newer release configured it
   * (`recordedVersion` > this process's settings version): left alone, the newer processes keep it.
   */
  action: 'none' | 'healed' | 'busy' | 'superseded';
  diagnosis?: IndexDiagnosis;
  rebuild?: ReindexResult;
  recordedVersion?: number;
}

export interface HealLogger {
  log(event: Record<string, unknown>): void;
  warn(event: Record<string, unknown>): void;
}

/** Tries for the sync lock this many times, 50 ms apart, before skipping the count comparison. */
const COUNT_LOCK_TRIES = 20;

/**
 * Notices an index that is not what PostgreSQL says it should be, and rebuilds it:
 *
 * - **missing** (the engine came back with an empty data directory, or the index was deleted): rebuilt
 *   under a build name and renamed to the live name when complete. Meanwhile every process's searches get
 *   `index_not_found`, i.e. `SEARCH_UNAVAILABLE`, never an empty or partial answer;
 * - **lost documents** (fewer documents than published cases, beyond what the outbox still has to apply):
 *   when it has lost most of them (fewer than half remain: an engine that lost its data and had the
 *   index re-created by something else), the live index is deleted first, so that searches say
 *   `SEARCH_UNAVAILABLE` rather than silently miss cases, then rebuilt as above; when it misses only a few,
 *   it is rebuilt aside and swapped in, answering meanwhile (as it did before the check);
 * - **drifted settings** (a key differs from `CASE_INDEX_SETTINGS`) or **extra documents**: rebuilt aside
 *   and swapped in, the live index answering meanwhile (a filter the drift broke answers
 *   `SEARCH_UNAVAILABLE`: see `isIndexMisconfigured`).
 *
 * The check is three GETs to the engine and one query to PostgreSQL. The whole check-and-heal holds the
 * rebuild lock (`pg_try_advisory_lock`): when several API processes share the engine, one heals and the
 * others find the lock taken and look again at their next check.
 */
export class CaseIndexHealer {
  private readonly versions: IndexSettingsVersions;
  /** Whether this process said once that a newer release's settings are on the index (said once, not every check). */
  private toldSuperseded = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly index: CaseIndex,
    private readonly reindexer: CaseIndexReindexer,
    private readonly logger?: HealLogger,
  ) {
    this.versions = new IndexSettingsVersions(dataSource);
  }

  /** The settings version recorded for the live index, when it is newer than this process's; else null. */
  async newerRecordedVersion(): Promise<number | null> {
    const recorded = await this.versions.recorded(this.index.liveName);
    if (recorded === null || recorded <= this.index.settingsVersion) return null;
    if (!this.toldSuperseded) {
      this.toldSuperseded = true;
      this.logger?.log({
        msg: 'the search index is configured by a newer release; this process leaves its settings alone',
        index: this.index.liveName,
        recordedVersion: recorded,
        ownVersion: this.index.settingsVersion,
      });
    }
    return recorded;
  }

  /**
   * At start: creates the live index or brings its settings up to date, and records this process's version,
   * unless a newer release configured it (then nothing is changed: `superseded`). Returns the keys changed.
   */
  async ensureLiveSettings(): Promise<{ changed: Array<keyof Settings>; superseded: boolean }> {
    if ((await this.newerRecordedVersion()) !== null) return { changed: [], superseded: true };
    const changed = await this.index.ensure();
    await this.versions.record(this.index.liveName, this.index.settingsVersion);
    return { changed, superseded: false };
  }

  /** Looks at the live index; throws if the engine or PostgreSQL cannot be reached. */
  async diagnose(): Promise<IndexDiagnosis> {
    let keys: Array<keyof Settings>;
    try {
      keys = await this.index.settingsDrift();
    } catch (err) {
      if (isIndexNotFound(err)) return { state: 'missing' };
      throw err;
    }
    if (keys.length > 0) return { state: 'drifted', keys };
    const counts = await this.counts();
    if (!counts) return { state: 'healthy', documents: null, expected: null, pending: null };
    const { documents, expected, pending } = counts;
    // Every document that differs from PostgreSQL has an outbox row not yet applied, so beyond that the
    // index has lost (or gained) documents.
    if (documents < expected - pending) return { state: 'lost-documents', ...counts };
    if (documents > expected + pending) return { state: 'extra-documents', ...counts };
    return { state: 'healthy', ...counts };
  }

  /**
   * The engine's document count and PostgreSQL's published count and outbox backlog, read while holding the
   * sync lock (no batch is applied in between, so the three are comparable). Null when the sync stays busy.
   */
  private async counts(): Promise<{ documents: number; expected: number; pending: number } | null> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      let locked = false;
      for (let i = 0; i < COUNT_LOCK_TRIES && !locked; i += 1) {
        const [row] = (await runner.query('SELECT pg_try_advisory_lock($1) AS locked', [
          SEARCH_SYNC_LOCK,
        ])) as [{ locked: boolean }];
        locked = row.locked;
        if (!locked) await new Promise((r) => setTimeout(r, 50));
      }
      if (!locked) return null;
      try {
        // One statement, one snapshot: a case published meanwhile is counted with its outbox row.
        const [pg] = (await runner.query(
          `SELECT (SELECT count(*) FROM case_studies WHERE status = 'PUBLISHED')::int AS expected,
                  (SELECT count(*) FROM search_outbox)::int AS pending`,
        )) as [{ expected: number; pending: number }];
        const documents = await this.index.documentCount();
        return { documents, ...pg };
      } finally {
        await runner.query('SELECT pg_advisory_unlock($1)', [SEARCH_SYNC_LOCK]).catch(() => undefined);
      }
    } finally {
      await runner.release();
    }
  }

  /** Checks, and rebuilds what is wrong; only one process at a time (see the class comment). */
  async checkAndHeal(options: ReindexOptions = {}): Promise<HealOutcome> {
    const held = await this.reindexer.exclusively(false, async (): Promise<HealOutcome> => {
      const diagnosis = await this.diagnose();
      if (diagnosis.state === 'healthy') return { action: 'none', diagnosis };
      // A newer release's settings are not drift to undo, and a rebuild here would use older settings. A
      // missing index is rebuilt all the same (better older settings than no index; the newer processes then
      // see drift and put theirs back, and the recorded version stays theirs).
      if (diagnosis.state !== 'missing') {
        const recordedVersion = await this.newerRecordedVersion();
        if (recordedVersion !== null) return { action: 'superseded', diagnosis, recordedVersion };
      }
      this.logger?.warn({ msg: 'search index needs healing: rebuilding it from PostgreSQL', ...diagnosis });
      if (
        diagnosis.state === 'lost-documents' &&
        diagnosis.documents * 2 < diagnosis.expected - diagnosis.pending
      )
        await this.index.drop(this.index.liveName);
      const rebuild = await this.reindexer.rebuild(options);
      await this.versions.record(this.index.liveName, this.index.settingsVersion);
      this.logger?.log({
        msg: 'search index healed',
        state: diagnosis.state,
        documents: rebuild.documents,
        swap: rebuild.swap,
        ms: rebuild.ms,
      });
      return { action: 'healed', diagnosis, rebuild };
    });
    return held.acquired ? held.value : { action: 'busy' };
  }
}
