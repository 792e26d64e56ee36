import type { DataSource } from 'typeorm';

/** The outbox tables (search_outbox, mail_outbox): id, available_at, attempts, last_error and the payload. */
export type OutboxTable = 'search_outbox' | 'mail_outbox';

/** Rows not yet applied (due or backing off): the /health backlog. */
export async function outboxBacklog(dataSource: DataSource, table: OutboxTable): Promise<number> {
  const [row] = (await dataSource.query(`SELECT count(*)::int AS n FROM ${table}`)) as [{ n: number }];
  return row.n;
}

/**
 * Seconds until the next row is due (0: one is due now; null: the outbox is empty). One statement on the
 * available_at index: all an idle consumer asks.
 */
export async function secondsUntilNextDue(
  dataSource: DataSource,
  table: OutboxTable,
): Promise<number | null> {
  const [row] = (await dataSource.query(
    // GREATEST ignores NULL, so the empty outbox is tested apart.
    `SELECT CASE WHEN min(available_at) IS NULL THEN NULL
                 ELSE GREATEST(0, EXTRACT(EPOCH FROM (min(available_at) - now())))::float8 END AS s
       FROM ${table}`,
  )) as [{ s: number | null }];
  return row.s;
}

/** After an outage: rows that were backing off become due now, so recovery does not wait out the back-off. */
export async function retryOutboxNow(dataSource: DataSource, table: OutboxTable): Promise<number> {
  const result = (await dataSource.query(
    `UPDATE ${table} SET available_at = now() WHERE available_at > now() AND attempts > 0`,
  )) as [unknown[], number];
  return result[1] ?? 0;
}
