import type { DataSource, QueryRunner } from 'typeorm';
import type { CaseSearchDocument } from '@yokoten/case-studies';
import type { CaseIndex } from './case-index';
import { IndexMissingError, isIndexNotFound, meiliApiError, SearchTaskFailedError } from './case-index';
import type { CaseIndexSource } from './case-index.source';
import {
  CLAIMABLE,
  claimOutboxRows,
  outboxBacklog,
  releaseOutboxRows,
  retryOutboxNow,
  secondsUntilNextDue,
} from '../database/outbox-queries';

/**
 * Held (session-scoped, never across an open transaction) by whoever applies outbox rows, so that batches
 * are applied one at a time
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

/**
 * Returns a connection to the pool, or, after `err` (it may still hold a session lock), has the pool close it:
 * TypeORM's postgres runner passes the error to pg-pool through a method its types keep private.
 */
async function releaseRunner(runner: QueryRunner, err: Error | undefined): Promise<void> {
  const pgRunner = runner as QueryRunner & { releasePostgresConnection?(e?: Error): Promise<void> };
  if (err && pgRunner.releasePostgresConnection) await pgRunner.releasePostgresConnection(err);
  else await runner.release();
}

function describe(err: unknown): string {
  if (err instanceof Error) {
    const cause = err.cause instanceof Error ? `: ${err.cause.message}` : '';
    return `${err.name}: ${err.message}${cause}`.slice(0, 2000);
  }
  return String(err).slice(0, 2000);
}

/**
 * Applies the search outbox to the index, never holding a transaction (or a row lock) across an engine call:
 *
 * 1. `pg_try_advisory_lock(SEARCH_SYNC_LOCK)`, session-level on a connection of its own: one batch at a time
 *    across every API instance and the reindex CLI, so the engine receives each case's changes in commit
 *    order. An advisory lock blocks no writer and holds no snapshot; the connection sits `idle`, not
 *    `idle in transaction`, during the engine call, and PostgreSQL releases the lock if the process dies;
 * 2. claims due rows in one short statement that sets their lease (`locked_until`, see outbox-queries.ts),
 *    committed at once; re-reads their cases in one query; upserts published ones and deletes the rest in one
 *    task per index, and waits for the engine, with no transaction open;
 * 3. deletes the rows in one statement, or, if the engine is down or refuses, keeps them with attempts+1,
 *    last_error, a back-off and no lease; nothing is lost. Re-reading makes every row idempotent, so
 *    duplicates and retries are safe.
 *
 * The lease matters only when the lock holder's connection is lost mid-batch (PostgreSQL then releases the
 * lock): its rows are not claimed again until the lease has expired, after anything it could still be
 * sending, so they are applied again with the cases as they are then.
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
   * Processes one batch. `runner`: a connection to use (the reindex CLI passes the one that holds the sync
   * lock at session level: taking it again there succeeds); `targets`: the indexes to write (default the
   * live one).
   */
  async processBatch(
    options: { runner?: QueryRunner; targets?: readonly string[]; limit?: number } = {},
  ): Promise<BatchResult> {
    const runner = options.runner ?? this.dataSource.createQueryRunner();
    const targets = options.targets ?? [this.index.liveName];
    let broken: Error | undefined;
    try {
      const [lock] = (await runner.query('SELECT pg_try_advisory_lock($1) AS locked', [
        SEARCH_SYNC_LOCK,
      ])) as [{ locked: boolean }];
      if (!lock.locked) return { busy: true, claimed: 0, failed: 0, unreachable: false };
      try {
        return await this.underSyncLock(runner, targets, options.limit ?? this.batchSize);
      } finally {
        try {
          await runner.query('SELECT pg_advisory_unlock($1)', [SEARCH_SYNC_LOCK]);
        } catch (err) {
          // A connection that may still hold the lock must not go back to the pool.
          broken = err instanceof Error ? err : new Error(String(err));
        }
      }
    } finally {
      if (!options.runner) await releaseRunner(runner, broken);
    }
  }

  private async underSyncLock(
    runner: QueryRunner,
    targets: readonly string[],
    limit: number,
  ): Promise<BatchResult> {
    const rows = await claimOutboxRows<OutboxRow>(
      runner,
      'search_outbox',
      'id, entity_type, entity_id, attempts',
      limit,
    );
    if (rows.length === 0) return { busy: false, claimed: 0, failed: 0, unreachable: false };
    try {
      return await this.apply(runner, targets, rows);
    } catch (err) {
      // PostgreSQL failed (reading the cases, or recording the outcome): give the rows back rather than
      // leave them leased; applying them again is harmless.
      await releaseOutboxRows(
        runner,
        'search_outbox',
        rows.map((r) => r.id),
      ).catch(() => undefined);
      throw err;
    }
  }

  private async apply(
    runner: QueryRunner,
    targets: readonly string[],
    rows: OutboxRow[],
  ): Promise<BatchResult> {
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
    // A draft that was never published (publishedAt is set once, at the first publish, and never cleared)
    // has no document to delete: its writes (every save of a draft queues a row) cost the engine nothing,
    // and a publish right after a create does not wait behind an empty deletion task (issue #12).
    const neverIndexed = new Set(
      cases.filter((c) => c.status !== 'PUBLISHED' && c.document.publishedAt === null).map((c) => c.id),
    );
    const deletes = caseIds.filter((id) => !published.has(id) && !neverIndexed.has(id));

    let failedCaseIds: Set<string>;
    let failure: unknown;
    try {
      if (upserts.length > 0 || deletes.length > 0) await this.index.write(targets, upserts, deletes);
      failedCaseIds = new Set();
    } catch (err) {
      failure = err;
      failedCaseIds = new Set(caseIds);
      // The engine refused the batch: apply case by case so one bad document does not hold back the rest
      // (not when the index is missing: every case would fail the same way).
      if (!isUnreachable(err) && !isIndexNotFound(err) && caseIds.length > 1) {
        failedCaseIds = await this.oneByOne(targets, [...published, ...deletes], upserts);
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
              locked_until = NULL,
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
      `SELECT EXISTS (SELECT 1 FROM search_outbox WHERE ${CLAIMABLE}) AS due`,
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
