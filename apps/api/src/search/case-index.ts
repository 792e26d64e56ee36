import {
  MeilisearchApiError,
  type EnqueuedTaskPromise,
  type Meilisearch,
  type MultiSearchParams,
  type MultiSearchResponse,
  type SearchParams,
  type SearchResponse,
  type Settings,
  type Task,
} from 'meilisearch';
import type { CaseSearchDocument } from '@yokoten/case-studies';
import {
  CASE_INDEX_SETTINGS,
  CASE_INDEX_SETTINGS_VERSION,
  isBuildIndexOf,
  settingsToChange,
} from './case-index.settings';

/** A task the engine refused (it is up, but the write is wrong): retrying the same batch will not help. */
export class SearchTaskFailedError extends Error {
  constructor(readonly task: Task) {
    super(`Meilisearch task ${task.uid} (${task.type}) ${task.status}: ${task.error?.message ?? 'no error'}`);
    this.name = 'SearchTaskFailedError';
  }
}

/**
 * The engine's answer to a failed request, if it answered: the client wraps errors of a custom
 * httpClient in a MeilisearchRequestError, so the API error is found along the `cause` chain.
 */
export function meiliApiError(err: unknown): MeilisearchApiError | undefined {
  let e: unknown = err;
  for (let depth = 0; depth < 5 && e; depth += 1) {
    if (e instanceof MeilisearchApiError) return e;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

/** Meilisearch's error code (e.g. `index_not_found`) of a failed request or task. */
export function meiliErrorCode(err: unknown): string | undefined {
  if (err instanceof SearchTaskFailedError) return err.task.error?.code;
  return meiliApiError(err)?.cause?.code;
}

/**
 * A write found its index missing. Meilisearch would create the index on `addDocuments`, with default
 * settings (no Japanese locale, nothing filterable): so writes check first and refuse, and the index is
 * re-created with its settings and refilled from PostgreSQL by the heal (case-index.healer.ts).
 */
export class IndexMissingError extends Error {
  constructor(readonly indexName: string) {
    super(`Meilisearch index ${indexName} does not exist; documents are not written until it is re-created`);
    this.name = 'IndexMissingError';
  }
}

export function isIndexNotFound(err: unknown): boolean {
  return err instanceof IndexMissingError || meiliErrorCode(err) === 'index_not_found';
}

/**
 * Engine refusals of a search that our own parameters cannot cause when the index has its settings (the
 * filter, sort and facets are built from the taxonomy): the index is not the one we configured.
 */
const SETTINGS_REFUSALS = new Set([
  'invalid_search_filter',
  'invalid_search_sort',
  'invalid_search_facets',
  'invalid_search_attributes_to_search_on',
]);

export function isIndexMisconfigured(err: unknown): boolean {
  const code = meiliErrorCode(err);
  return code !== undefined && SETTINGS_REFUSALS.has(code);
}

/** Task polling interval: writes are small and local, so a short interval keeps publish-to-search fast. */
const TASK_POLL_MS = 5;

export interface WaitOptions {
  timeoutMs?: number;
}

/**
 * The only code that talks to Meilisearch about case documents: settings, writes (one task per batch and
 * index) and searches. `liveName` is the index searches read; rebuilds write to other names and swap.
 */
export class CaseIndex {
  /** Called when a reader finds the index missing or misconfigured (the sync worker then checks at once). */
  onTrouble: (() => void) | undefined;

  constructor(
    readonly meili: Meilisearch,
    readonly liveName: string,
    private readonly settings: Settings = CASE_INDEX_SETTINGS,
    /** The version of `settings` (CASE_INDEX_SETTINGS_VERSION unless a test passes other settings). */
    readonly settingsVersion: number = CASE_INDEX_SETTINGS_VERSION,
  ) {}

  /** A search found the index missing or not as configured: ask the heal to look now. */
  noticeTrouble(): void {
    this.onTrouble?.();
  }

  async wait(task: EnqueuedTaskPromise, options: WaitOptions = {}): Promise<Task> {
    const done = await task.waitTask({ timeout: options.timeoutMs ?? 60_000, interval: TASK_POLL_MS });
    if (done.status !== 'succeeded') throw new SearchTaskFailedError(done);
    return done;
  }

  async exists(name: string): Promise<boolean> {
    try {
      await this.meili.index(name).getRawInfo();
      return true;
    } catch (err) {
      if (isIndexNotFound(err)) return false;
      throw err;
    }
  }

  /**
   * Creates the index if it is missing and brings its settings up to date, waiting for the task, so that
   * no document is ever added under other settings. Idempotent: when nothing differs, nothing is sent.
   * Returns the settings keys it changed.
   */
  async ensure(name = this.liveName): Promise<Array<keyof Settings>> {
    if (!(await this.exists(name))) {
      try {
        await this.wait(this.meili.createIndex(name, { primaryKey: 'id' }));
      } catch (err) {
        // Another instance created it first: fine.
        if (!(err instanceof SearchTaskFailedError && err.task.error?.code === 'index_already_exists'))
          throw err;
      }
    }
    const current = await this.meili.index(name).getSettings();
    const changed = settingsToChange(this.settings, current);
    if (changed.length > 0) {
      const patch = Object.fromEntries(changed.map((k) => [k, this.settings[k]])) as Settings;
      await this.wait(this.meili.index(name).updateSettings(patch), { timeoutMs: 600_000 });
    }
    return changed;
  }

  /**
   * Upserts and deletes documents in each of the indexes: the tasks are enqueued together (the engine
   * batches them) and all are awaited, so on return every change is searchable.
   */
  async write(
    indexNames: readonly string[],
    upserts: readonly CaseSearchDocument[],
    deleteIds: readonly string[],
    options: WaitOptions = {},
  ): Promise<void> {
    // Never let a write create an index implicitly (without its settings): one cheap GET per index.
    await Promise.all(
      indexNames.map(async (name) => {
        if (!(await this.exists(name))) throw new IndexMissingError(name);
      }),
    );
    const tasks: EnqueuedTaskPromise[] = [];
    for (const name of indexNames) {
      const index = this.meili.index<CaseSearchDocument>(name);
      if (upserts.length > 0) tasks.push(index.addDocuments([...upserts], { primaryKey: 'id' }));
      if (deleteIds.length > 0) tasks.push(index.deleteDocuments([...deleteIds]));
    }
    // Enqueue all first (each promise has sent its request), then wait for each.
    await Promise.all(tasks.map((t) => this.wait(t, options)));
  }

  /**
   * Enqueues an upsert without waiting (bulk paths pipeline several and wait for the last). The caller
   * has just created `name` with `ensure` (a rebuild target): no existence check per page.
   */
  enqueueUpsert(name: string, docs: readonly CaseSearchDocument[]): EnqueuedTaskPromise {
    return this.meili.index<CaseSearchDocument>(name).addDocuments([...docs], { primaryKey: 'id' });
  }

  search(
    params: SearchParams & { q?: string },
    name = this.liveName,
  ): Promise<SearchResponse<{ id: string }>> {
    const { q, ...rest } = params;
    return this.meili.index<{ id: string }>(name).search(q ?? '', rest);
  }

  async multiSearch(params: MultiSearchParams): Promise<MultiSearchResponse<{ id: string }>> {
    return (await this.meili.multiSearch(params)) as MultiSearchResponse<{ id: string }>;
  }

  async documentCount(name = this.liveName): Promise<number> {
    return (await this.meili.index(name).getStats()).numberOfDocuments;
  }

  /** Rebuild targets left behind by a reindex that did not finish. */
  async staleBuilds(): Promise<string[]> {
    const { results } = await this.meili.getIndexes({ limit: 1000 });
    return results.map((i) => i.uid).filter((uid) => isBuildIndexOf(this.liveName, uid));
  }

  /**
   * Puts a complete build in place of the live index in one engine task: swapped when the live index exists
   * (the old documents end up under the build's name), renamed to the live name when it does not (the
   * build's name is then gone). Either way searches never see a half-filled live index.
   */
  async swapIntoLive(buildName: string): Promise<'swapped' | 'renamed'> {
    const rename = !(await this.exists(this.liveName));
    await this.wait(this.meili.swapIndexes([{ indexes: [buildName, this.liveName], rename }]));
    return rename ? 'renamed' : 'swapped';
  }

  /** The live index's settings keys that differ from ours (throws index_not_found when it is missing). */
  async settingsDrift(name = this.liveName): Promise<Array<keyof Settings>> {
    return settingsToChange(this.settings, await this.meili.index(name).getSettings());
  }

  async drop(name: string): Promise<void> {
    try {
      await this.wait(this.meili.deleteIndex(name));
    } catch (err) {
      if (!(err instanceof SearchTaskFailedError && err.task.error?.code === 'index_not_found')) throw err;
    }
  }
}
