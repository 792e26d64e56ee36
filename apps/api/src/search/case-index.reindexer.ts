import type { EnqueuedTaskPromise } from 'meilisearch';
import type { DataSource, QueryRunner } from 'typeorm';
import type { CaseIndex } from './case-index';
import { buildIndexName } from './case-index.settings';
import { IndexSettingsVersions } from './case-index.versions';
import type { CaseIndexSource } from './case-index.source';
import { SEARCH_SYNC_LOCK, type SearchOutboxProcessor } from './search-outbox.processor';

export interface ReindexOptions {
  /** Cases read and sent per page. */
  pageSize?: number;
  /** Called after each page is sent: documents so far, of the total published. */
  onProgress?(done: number, total: number): void;
  /** Called on each step (created, swapped, dropped …), for the CLI's log. */
  onStep?(message: string): void;
  /** Awaited after the last page, just before the swap (tests look at the world in between). */
  beforeSwap?(): Promise<void>;
}

export interface ReindexResult {
  build: string;
  documents: number;
  /** Outbox rows applied to both indexes while the rebuild ran. */
  updatesDuringRebuild: number;
  /** `renamed`: there was no live index, the build became it; `swapped`: it replaced the live one. */
  swap: 'swapped' | 'renamed';
  ms: number;
}

/**
 * Held (session-scoped) by whoever rebuilds the index, the reindex CLI or the heal of an API process, so
 * that only one rebuild runs at a time across every process sharing the engine.
 */
export const SEARCH_REBUILD_LOCK = 727_011_403;

/**
 * Takes a session-level advisory lock, waiting as long as the holder keeps it (another rebuild can take
 * minutes). A wait is not a slow statement: DB_STATEMENT_TIMEOUT_MS (15 s) would otherwise cancel it and fail
 * a `search:reindex` started while another rebuild runs, so the wait runs with no statement timeout and the
 * connection gets the pool's own limit back right after.
 */
export async function waitForAdvisoryLock(runner: QueryRunner, key: number): Promise<void> {
  await runner.query('SET statement_timeout = 0');
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [key]);
  } finally {
    await runner.query('RESET statement_timeout');
  }
}

/** Engine tasks of pages sent but not yet awaited: bounds the engine's queue and our memory. */
const MAX_PAGES_IN_FLIGHT = 4;

/**
 * Rebuilds the live index from PostgreSQL without downtime:
 *
 * 0. takes the rebuild lock, so that two rebuilds (the CLI, the heal of any API process) never overlap;
 * 1. drops builds a crashed run left behind; the live index is never created here: searches keep reading
 *    it throughout if it exists, and answer SEARCH_UNAVAILABLE (index not found) if it does not;
 * 2. creates `<live>_<timestamp>` with the same settings, awaited before any document;
 * 3. takes the search-sync lock for its session, so no sync batch runs meanwhile (in this process or
 *    any other), and sends every published case in pages (keyset on id), applying the outbox rows that
 *    arrive in between to both indexes: an update made during the rebuild is in the new index, whether
 *    its page was read before or after it, and the engine applies tasks in order;
 * 4. swaps the two indexes atomically (or renames the build to the live name when there is no live index,
 *    so it appears complete), releases the lock, and deletes the old documents.
 */
export class CaseIndexReindexer {
  constructor(
    private readonly dataSource: DataSource,
    private readonly index: CaseIndex,
    private readonly source: CaseIndexSource,
    private readonly processor: SearchOutboxProcessor,
  ) {}

  /** Rebuilds, waiting for a rebuild another process is running to finish first. */
  async reindex(options: ReindexOptions = {}): Promise<ReindexResult> {
    const held = await this.exclusively(true, async () => {
      const result = await this.rebuild(options);
      // An operator's rebuild records its own settings version, even an older one (a rollback to an older
      // release): the index now has these settings.
      await new IndexSettingsVersions(this.dataSource).record(
        this.index.liveName,
        this.index.settingsVersion,
        {
          exact: true,
        },
      );
      return result;
    });
    if (!held.acquired) throw new Error('the rebuild lock could not be taken');
    return held.value;
  }

  /**
   * Runs `work` holding the rebuild lock on a connection of its own (released on return, or by PostgreSQL
   * if the process dies). `wait: false`: when another process holds it, returns at once without running.
   */
  async exclusively<T>(
    wait: boolean,
    work: () => Promise<T>,
  ): Promise<{ acquired: true; value: T } | { acquired: false }> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      if (wait) await waitForAdvisoryLock(runner, SEARCH_REBUILD_LOCK);
      else {
        const [row] = (await runner.query('SELECT pg_try_advisory_lock($1) AS locked', [
          SEARCH_REBUILD_LOCK,
        ])) as [{ locked: boolean }];
        if (!row.locked) return { acquired: false };
      }
      try {
        return { acquired: true, value: await work() };
      } finally {
        await runner.query('SELECT pg_advisory_unlock($1)', [SEARCH_REBUILD_LOCK]).catch(() => undefined);
      }
    } finally {
      await runner.release();
    }
  }

  /** The rebuild itself; the caller holds the rebuild lock (see `exclusively`). */
  async rebuild(options: ReindexOptions = {}): Promise<ReindexResult> {
    const started = Date.now();
    const step = options.onStep ?? (() => undefined);
    const pageSize = options.pageSize ?? 1000;
    const live = this.index.liveName;

    for (const stale of await this.index.staleBuilds()) {
      await this.index.drop(stale);
      step(`dropped ${stale}, left by an earlier rebuild that did not finish`);
    }
    const build = buildIndexName(live);
    await this.index.ensure(build);
    step(`created ${build} with the live settings`);

    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    let documents = 0;
    let updatesDuringRebuild = 0;
    let swap: ReindexResult['swap'];
    try {
      // Waits for a sync batch in flight (an engine call, possibly slow) to finish.
      await waitForAdvisoryLock(runner, SEARCH_SYNC_LOCK);
      // Updates that arrive meanwhile go to the live index too, if there is one: writes never create it.
      const targets = (await this.index.exists(live)) ? [live, build] : [build];
      const total = await this.source.countPublished(runner);
      const inFlight: EnqueuedTaskPromise[] = [];
      let after: string | null = null;
      for (;;) {
        const page = await this.source.publishedPage(runner, after, pageSize);
        if (page.length === 0) break;
        inFlight.push(
          this.index.enqueueUpsert(
            build,
            page.map((c) => c.document),
          ),
        );
        after = page[page.length - 1].id;
        documents += page.length;
        options.onProgress?.(documents, total);
        updatesDuringRebuild += await this.drainOutbox(runner, targets);
        while (inFlight.length >= MAX_PAGES_IN_FLIGHT)
          await this.index.wait(inFlight.shift()!, { timeoutMs: 600_000 });
      }
      for (const task of inFlight) await this.index.wait(task, { timeoutMs: 600_000 });
      updatesDuringRebuild += await this.drainOutbox(runner, targets);
      await options.beforeSwap?.();
      swap = await this.index.swapIntoLive(build);
      step(swap === 'swapped' ? `swapped ${build} into ${live}` : `renamed ${build} to ${live}`);
    } catch (err) {
      await this.index.drop(build).catch(() => undefined);
      throw err;
    } finally {
      await runner.query('SELECT pg_advisory_unlock($1)', [SEARCH_SYNC_LOCK]).catch(() => undefined);
      await runner.release();
    }
    // After a swap the build name holds the old documents; after a rename it is gone.
    if (swap === 'swapped') {
      await this.index.drop(build);
      step(`dropped the previous documents (${build})`);
    }
    return { build, documents, updatesDuringRebuild, swap, ms: Date.now() - started };
  }

  /** Applies every due outbox row to both indexes; a failure stops the rebuild (the rows stay queued). */
  private async drainOutbox(runner: QueryRunner, targets: string[]): Promise<number> {
    let applied = 0;
    for (;;) {
      const result = await this.processor.processBatch({ runner, targets });
      if (result.failed > 0)
        throw new Error(`search outbox could not be applied during the rebuild: ${result.error}`);
      if (result.claimed === 0) return applied;
      applied += result.claimed;
    }
  }
}
