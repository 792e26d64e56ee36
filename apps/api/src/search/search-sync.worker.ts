import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { NotifiedSleeper } from '../database/notified-sleeper';
import { CaseIndex } from './case-index';
import { SETTINGS_THAT_REWRITE_DOCUMENTS } from './case-index.settings';
import { SearchOutboxProcessor } from './search-outbox.processor';

export const OUTBOX_CHANNEL = 'search_outbox';

/**
 * The search sync inside the API process: started on bootstrap, stopped (after the batch in hand) on
 * shutdown. It sleeps until PostgreSQL notifies it of a new outbox row (trigger → NOTIFY on commit), with
 * a poll as fallback, then drains the outbox batch by batch. While the engine is unreachable it probes
 * its health every half second and, when it is back, retries the waiting rows at once.
 */
@Injectable()
export class SearchSyncWorker implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('SearchSync');
  private ready = false;
  private loopDone: Promise<void> | undefined;
  private readonly waiting: NotifiedSleeper;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly index: CaseIndex,
    private readonly processor: SearchOutboxProcessor,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.waiting = NotifiedSleeper.forDataSource(dataSource, {
      channel: OUTBOX_CHANNEL,
      applicationName: 'yokoten-search-sync',
      logger: this.logger,
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    // Settings first, before any document: when the engine is up, start only once they are applied.
    try {
      await this.ensureIndex();
    } catch (err) {
      this.logger.warn({
        msg: 'search index not ready at start; the API runs degraded and keeps trying',
        error: err instanceof Error ? err.message : String(err),
      });
    }
    await this.waiting.listen();
    this.loopDone = this.loop();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.waiting.stop();
    await this.loopDone;
    await this.waiting.close();
  }

  /** Whether the settings have been applied and the loop is writing. */
  get isReady(): boolean {
    return this.ready;
  }

  private async ensureIndex(): Promise<void> {
    const existed = await this.index.exists(this.index.liveName);
    const changed = await this.index.ensure();
    this.ready = true;
    // Some settings are reflected in the documents (synonyms, new fields): then every case is rewritten.
    // A new index (first start, or an engine that lost its data) is filled from PostgreSQL the same way.
    const rewrite = changed.filter((key) =>
      (SETTINGS_THAT_REWRITE_DOCUMENTS as readonly string[]).includes(key),
    );
    if (!existed || rewrite.length > 0) {
      const queued = await this.enqueueAllPublished();
      this.logger.log({
        msg: existed
          ? `${rewrite.join(', ')} changed: re-indexing every case`
          : 'search index created: filling it from PostgreSQL',
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

  private async loop(): Promise<void> {
    let setupFailures = 0;
    while (!this.waiting.stopping) {
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
      const pollMs = this.config.SEARCH_SYNC_POLL_MS;
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
