import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { NotifiedWorker } from '../database/outbox-worker';
import { CaseIndex } from './case-index';
import { CaseIndexHealer, type HealOutcome } from './case-index.healer';
import { SETTINGS_THAT_REWRITE_DOCUMENTS } from './case-index.settings';
import { isUnreachable, SearchOutboxProcessor } from './search-outbox.processor';

export const OUTBOX_CHANNEL = 'search_outbox';

/**
 * The search sync inside the API process: started on bootstrap, stopped (after the batch in hand) on
 * shutdown. It sleeps until PostgreSQL notifies it of a new outbox row (trigger → NOTIFY on commit), with
 * a poll as fallback, then drains the outbox batch by batch. While the engine is unreachable it probes
 * its health every half second and, when it is back, retries the waiting rows at once.
 *
 * Every SEARCH_HEAL_INTERVAL_SECONDS, when the engine comes back after an outage, when a write finds the
 * index missing and when a search finds it missing or misconfigured, it also checks the index (exists,
 * settings, document count against PostgreSQL) and heals it: see CaseIndexHealer.
 */
@Injectable()
export class SearchSyncWorker extends NotifiedWorker {
  private ready = false;
  /** When the next periodic check of the index is due (ms since the epoch). */
  private nextCheckAt = 0;
  /** Earliest time a check asked for by a reader may run: searches can ask many times a second. */
  private nextAskedCheckAt = 0;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly index: CaseIndex,
    private readonly processor: SearchOutboxProcessor,
    private readonly healer: CaseIndexHealer,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super(dataSource, {
      loggerName: 'SearchSync',
      channel: OUTBOX_CHANNEL,
      applicationName: 'yokoten-search-sync',
    });
  }

  override async onApplicationBootstrap(): Promise<void> {
    this.nextCheckAt = Date.now() + this.checkIntervalMs;
    // Settings first, before any document: when the engine is up, start only once they are applied.
    try {
      await this.ensureIndex();
    } catch (err) {
      this.logger.warn({
        msg: 'search index not ready at start; the API runs degraded and keeps trying',
        error: err instanceof Error ? err.message : String(err),
      });
    }
    // A search that finds the index missing or misconfigured brings the next check forward.
    this.index.onTrouble = () => {
      const earliest = Math.max(this.nextAskedCheckAt, Date.now());
      if (this.nextCheckAt > earliest) {
        this.nextCheckAt = earliest;
        this.waiting.wake();
      }
    };
    await super.onApplicationBootstrap();
  }

  private get checkIntervalMs(): number {
    return this.config.SEARCH_HEAL_INTERVAL_SECONDS * 1000;
  }

  /** Whether the settings have been applied and the loop is writing. */
  get isReady(): boolean {
    return this.ready;
  }

  private async ensureIndex(): Promise<void> {
    if (!(await this.index.exists(this.index.liveName))) {
      const [{ n }] = (await this.dataSource.query(
        `SELECT count(*)::int AS n FROM case_studies WHERE status = 'PUBLISHED'`,
      )) as [{ n: number }];
      if (n === 0) {
        // A new installation: an empty index with its settings is the right one.
        await this.healer.ensureLiveSettings();
      } else {
        // An engine that lost its data: the loop's first step rebuilds the index complete, with its
        // settings, and only then gives it the live name; start does not wait for it, and searches answer
        // SEARCH_UNAVAILABLE until then.
        this.nextCheckAt = 0;
      }
      this.ready = true;
      return;
    }
    // Not when a newer release configured it (a rolling deploy): its settings stay (see CaseIndexHealer).
    const { changed } = await this.healer.ensureLiveSettings();
    this.ready = true;
    // Some settings are reflected in the documents (synonyms, new fields): then every case is rewritten.
    const rewrite = changed.filter((key) =>
      (SETTINGS_THAT_REWRITE_DOCUMENTS as readonly string[]).includes(key),
    );
    if (rewrite.length > 0) {
      const queued = await this.enqueueAllPublished();
      this.logger.log({
        msg: `${rewrite.join(', ')} changed: re-indexing every case`,
        index: this.index.liveName,
        changed,
        queued,
      });
    }
  }

  private async enqueueAllPublished(): Promise<number> {
    const result = (await this.dataSource.query(
      `INSERT INTO search_outbox (entity_type, entity_id)
       SELECT 'case_study', id FROM case_studies WHERE status = 'PUBLISHED'`,
    )) as unknown[];
    return Array.isArray(result) && typeof result[1] === 'number' ? result[1] : 0;
  }

  /**
   * Checks the index and heals it if needed (one process at a time). Never throws: an engine that cannot
   * be reached is the outage path's business. Returns undefined when the check could not run.
   */
  async checkIndex(reason: string): Promise<HealOutcome | undefined> {
    this.nextCheckAt = Date.now() + this.checkIntervalMs;
    this.nextAskedCheckAt = Date.now() + 1_000;
    try {
      const outcome = await this.healer.checkAndHeal();
      if (outcome.action === 'healed') {
        // Rows that backed off while the index was missing: the rebuild read their cases already, but
        // applying them again is harmless and empties the backlog now rather than after the back-off.
        await this.processor.retryNow().catch(() => undefined);
        this.waiting.wake();
      }
      if (outcome.action === 'busy') this.nextCheckAt = Math.min(this.nextCheckAt, Date.now() + 1_000);
      return outcome;
    } catch (err) {
      // An engine that cannot be reached is the outage path's news (logged once by the sync); PostgreSQL
      // trouble and engine refusals are logged.
      const fromEngine = err instanceof Error && err.name.startsWith('Meilisearch');
      if (fromEngine && isUnreachable(err)) return undefined;
      this.logger.warn({
        msg: 'search index check failed; trying again later',
        reason,
        error: err instanceof Error ? err.message : String(err),
      });
      return undefined;
    }
  }

  protected async loop(): Promise<void> {
    let setupFailures = 0;
    while (!this.waiting.stopping) {
      if (this.ready && Date.now() >= this.nextCheckAt) {
        await this.checkIndex('periodic');
        continue;
      }
      if (!this.ready) {
        try {
          await this.ensureIndex();
          setupFailures = 0;
        } catch {
          setupFailures += 1;
          await this.waiting.sleep(Math.min(30_000, 500 * 2 ** Math.min(setupFailures, 6)), false);
          continue;
        }
      }
      this.waiting.clearWake();
      let result;
      try {
        result = (await this.processor.hasDue())
          ? await this.processor.processBatch()
          : { busy: false, claimed: 0, failed: 0, unreachable: false };
      } catch (err) {
        // PostgreSQL trouble: the rows are safe in the outbox; try again shortly.
        this.logger.error({
          msg: 'search sync batch failed',
          error: err instanceof Error ? err.message : String(err),
        });
        await this.waiting.sleep(1_000, false);
        continue;
      }
      if (result.busy) {
        // A reindex (or another instance) is applying the outbox; look again soon.
        await this.waiting.sleep(200);
        continue;
      }
      if (result.claimed > 0 && result.failed === 0) continue;
      if (result.indexMissing) {
        // The engine lost the index (or it was deleted): nothing was written; heal now, not at the next check.
        const outcome = await this.checkIndex('write found the index missing');
        if (outcome?.action !== 'healed') await this.waiting.sleep(1_000, false);
        continue;
      }
      if (result.failed > 0 && result.unreachable) {
        await this.waitForEngine();
        continue;
      }
      let next: number | null = null;
      try {
        next = await this.processor.secondsUntilNextDue();
      } catch {
        /* fall back to the poll interval */
      }
      const pollMs = Math.min(this.config.SEARCH_SYNC_POLL_MS, Math.max(0, this.nextCheckAt - Date.now()));
      await this.waiting.sleep(next === null ? pollMs : Math.min(pollMs, Math.ceil(next * 1000)));
    }
  }

  /** Probes the engine until it answers, then makes the rows that were backing off due now. */
  private async waitForEngine(): Promise<void> {
    while (!this.waiting.stopping) {
      await this.waiting.sleep(500, false);
      try {
        const health = await this.index.meili.health();
        if (health.status !== 'available') continue;
      } catch {
        continue;
      }
      // It may have come back with an empty data directory: heal before the queued writes are applied.
      await this.checkIndex('engine back after an outage');
      try {
        const n = await this.processor.retryNow();
        this.logger.log({ msg: 'search engine is back; applying queued updates', rows: n });
      } catch {
        /* the loop retries anyway */
      }
      return;
    }
  }
}
