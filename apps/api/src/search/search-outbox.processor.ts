import type { DataSource, QueryRunner } from 'typeorm';
import type { CaseSearchDocument } from '@yokoten/case-studies';
import type { CaseIndex } from './case-index';
import { IndexMissingError, isIndexNotFound, meiliApiError, SearchTaskFailedError } from './case-index';
import type { CaseIndexSource } from './case-index.source';
import { outboxBacklog, retryOutboxNow, secondsUntilNextDue } from '../database/outbox-queries';

/**
 * Held (transaction-scoped) by whoever applies outbox rows, so that batches are applied one at a time
 * across every API instance and the reindex CLI: the engine then receives each case's changes in
 * commit order, and a rebuild can keep the sync out while it reads a page.
 */
export const SEARCH_SYNC_LOCK = 727_011_402;

interface OutboxRow {
  id: string;
  entity_type: string;
  entity_id: string;
  attempts: number;
}

export interface BatchResult {
  /** Another worker holds the sync lock; nothing was done. */
  busy: boolean;
  /** Rows claimed in this batch (0: nothing was due). */
  claimed: number;
  /** Rows kept for a retry because the write failed. */
  failed: number;
  /** The failure was the engine being unreachable (as opposed to refusing a write). */
  unreachable: boolean;
  /** A target index does not exist: nothing was written (writes never create it); it needs healing. */
  indexMissing?: boolean;
  error?: string;
}

export interface OutboxLogger {
  warn(event: Record<string, unknown>): void;
}

/** The engine could not be reached (down, timeout), as opposed to answering with a refusal. */
export function isUnreachable(err: unknown): boolean {
  return !(err instanceof SearchTaskFailedError || err instanceof IndexMissingError || meiliApiError(err));
}

function describe(err: unknown): string {
  if (err instanceof Error) {
    const cause = err.cause instanceof Error ? `: ${err.cause.message}` : '';
    return `${err.name}: ${err.message}${cause}`.slice(0, 2000);
  }
  return String(err).slice(0, 2000);
}

/**
 * Applies the search outbox to the index: claims due rows (`FOR UPDATE SKIP LOCKED`), re-reads their cases
 * in one query, upserts published ones and deletes the rest in one task per index, waits for the engine,
 * and deletes the rows. If the engine is down or refuses, the rows stay with attempts+1, last_error and a
 * back-off; nothing is lost. Re-reading makes every row idempotent, so duplicates and retries are safe.
 */
export class SearchOutboxProcessor {
  constructor(
    private readonly dataSource: DataSource,
    private readonly index: CaseIndex,
    private readonly source: CaseIndexSource,
    private readonly batchSize: number,
    private readonly logger?: OutboxLogger,
  ) {}

  /**
   * Processes one batch in its own transaction. `runner`: a connection to use (the reindex CLI passes the
   * one that holds the sync lock at session level); `targets`: the indexes to write (default the live one).
   */
  async processBatch(
    options: { runner?: QueryRunner; targets?: readonly string[]; limit?: number } = {},
  ): Promise<BatchResult> {
    const runner = options.runner ?? this.dataSource.createQueryRunner();
    const targets = options.targets ?? [this.index.liveName];
    try {
      await runner.startTransaction();
      try {
        const result = await this.inTransaction(runner, targets, options.limit ?? this.batchSize);
        await runner.commitTransaction();
        return result;
      } catch (err) {
        await runner.rollbackTransaction().catch(() => undefined);
        throw err;
      }
    } finally {
      if (!options.runner) await runner.release();
    }
  }

  private async inTransaction(
    runner: QueryRunner,
    targets: readonly string[],
    limit: number,
  ): Promise<BatchResult> {
    const [lock] = (await runner.query('SELECT pg_try_advisory_xact_lock($1) AS locked', [
      SEARCH_SYNC_LOCK,
    ])) as [{ locked: boolean }];
    if (!lock.locked) return { busy: true, claimed: 0, failed: 0, unreachable: false };
    const rows = (await runner.query(
      `SELECT id, entity_type, entity_id, attempts FROM search_outbox
        WHERE available_at <= now() ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED`,
      [limit],
    )) as OutboxRow[];
    if (rows.length === 0) return { busy: false, claimed: 0, failed: 0, unreachable: false };

    const unknown = rows.filter((r) => r.entity_type !== 'case_study');
    for (const r of unknown)
      this.logger?.warn({
        msg: 'search outbox: unknown entity type, dropped',
        entityType: r.entity_type,
        id: r.id,
      });
    const caseIds = [...new Set(rows.filter((r) => r.entity_type === 'case_study').map((r) => r.entity_id))];
    const cases = await this.source.findByIds(runner, caseIds);
    const upserts = cases.filter((c) => c.status === 'PUBLISHED').map((c) => c.document);
    const published = new Set(upserts.map((d) => d.id));
    const deletes = caseIds.filter((id) => !published.has(id));

    let failedCaseIds: Set<string>;
    let failure: unknown;
    try {
      await this.index.write(targets, upserts, deletes);
      failedCaseIds = new Set();
    } catch (err) {
      failure = err;
      failedCaseIds = new Set(caseIds);
      // The engine refused the batch: apply case by case so one bad document does not hold back the rest
      // (not when the index is missing: every case would fail the same way).
      if (!isUnreachable(err) && !isIndexNotFound(err) && caseIds.length > 1) {
        failedCaseIds = await this.oneByOne(targets, caseIds, upserts);
      }
    }
    const failedRows = rows.filter((r) => r.entity_type === 'case_study' && failedCaseIds.has(r.entity_id));
    const doneRows = rows.filter((r) => !failedRows.includes(r));
    if (doneRows.length > 0)
      await runner.query('DELETE FROM search_outbox WHERE id = ANY($1::bigint[])', [
        doneRows.map((r) => r.id),
      ]);
    if (failedRows.length === 0) return { busy: false, claimed: rows.length, failed: 0, unreachable: false };

    const unreachable = isUnreachable(failure);
    const indexMissing = isIndexNotFound(failure);
    const error = describe(failure);
    await runner.query(
      `UPDATE search_outbox
          SET attempts = attempts + 1,
              last_error = $2,
              -- back-off after the n-th failure: 0.5 s, 1 s, 2 s … capped at 30 s
              available_at = now() + make_interval(secs => LEAST(30, 0.5 * power(2, attempts)))
        WHERE id = ANY($1::bigint[])`,
      [failedRows.map((r) => r.id), error],
    );
    this.logger?.warn({
      msg: 'search outbox: rows kept for retry',
      rows: failedRows.length,
      attempts: Math.max(...failedRows.map((r) => r.attempts)) + 1,
      unreachable,
      error,
    });
    return { busy: false, claimed: rows.length, failed: failedRows.length, unreachable, indexMissing, error };
  }

  private async oneByOne(
    targets: readonly string[],
    caseIds: readonly string[],
    upserts: readonly CaseSearchDocument[],
  ): Promise<Set<string>> {
    const failed = new Set<string>();
    const byId = new Map(upserts.map((d) => [d.id, d]));
    for (const [i, id] of caseIds.entries()) {
      const doc = byId.get(id);
      try {
        await this.index.write(targets, doc ? [doc] : [], doc ? [] : [id]);
      } catch (err) {
        if (isUnreachable(err)) {
          for (const rest of caseIds.slice(i)) failed.add(rest);
          break;
        }
        failed.add(id);
      }
    }
    return failed;
  }

  /** Whether a row is due: one cheap statement, so an idle sync costs next to nothing. */
  async hasDue(): Promise<boolean> {
    const [row] = (await this.dataSource.query(
      'SELECT EXISTS (SELECT 1 FROM search_outbox WHERE available_at <= now()) AS due',
    )) as [{ due: boolean }];
    return row.due;
  }

  /** Rows not yet applied (due or backing off): the /health backlog. */
  backlog(): Promise<number> {
    return outboxBacklog(this.dataSource, 'search_outbox');
  }

  /** Seconds until the next row is due (0: one is due now; null: the outbox is empty). */
  secondsUntilNextDue(): Promise<number | null> {
    return secondsUntilNextDue(this.dataSource, 'search_outbox');
  }

  /** After an outage: make rows that were backing off due now, so recovery does not wait out the back-off. */
  retryNow(): Promise<number> {
    return retryOutboxNow(this.dataSource, 'search_outbox');
  }
}
