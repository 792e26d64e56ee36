import type { DataSource } from 'typeorm';

/**
 * The outbox tables (search_outbox, mail_outbox): id, available_at, attempts, last_error, locked_until and the
 * payload.
 */
export type OutboxTable = 'search_outbox' | 'mail_outbox' | 'attachment_text_outbox';

/**
 * How long a claimed row stays leased to its consumer. Longer than a consumer can take with it (an SMTP send
 * is bounded by its transport's timeouts, 10 + 10 + 30 s; an engine write by its HTTP and task timeouts),
 * so that a row is handed to another consumer only when its own has died.
 */
export const OUTBOX_LEASE_SECONDS = 300;

/** The condition of a claimable row: due, and leased to nobody (or its lease has expired). */
export const CLAIMABLE = 'available_at <= now() AND (locked_until IS NULL OR locked_until <= now())';

/**
 * Claims up to `limit` claimable rows for `OUTBOX_LEASE_SECONDS` in one statement (its own short transaction,
 * committed on return) and returns them in id order with the lease they got (`lease`: `locked_until` as
 * text, exact to the microsecond, for a later `locked_until = $lease::timestamptz`). `columns`: what to return.
 */
export async function claimOutboxRows<T extends { id: string }>(
  db: Pick<DataSource, 'query'>,
  table: OutboxTable,
  columns: string,
  limit: number,
): Promise<Array<T & { lease: string }>> {
  const rows = (await db.query(
    `UPDATE ${table} SET locked_until = now() + make_interval(secs => $2)
      WHERE id IN (SELECT id FROM ${table} WHERE ${CLAIMABLE} ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED)
      RETURNING ${columns}, locked_until::text AS lease`,
    [limit, OUTBOX_LEASE_SECONDS],
  )) as [Array<T & { lease: string }>, number];
  // UPDATE … RETURNING answers [rows, count] and in no particular order.
  return [...rows[0]].sort((a, b) => Number(BigInt(a.id) - BigInt(b.id)));
}

/** Gives claimed rows back (not tried: a shutdown, an error before the network call), due at once. */
export async function releaseOutboxRows(
  db: Pick<DataSource, 'query'>,
  table: OutboxTable,
  ids: readonly string[],
): Promise<void> {
  if (ids.length === 0) return;
  await db.query(`UPDATE ${table} SET locked_until = NULL WHERE id = ANY($1::bigint[])`, [ids]);
}

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
    // GREATEST ignores NULL, so the empty outbox is tested apart. A row another consumer holds (its lease
    // not yet expired) is due for us when the lease ends, if it is still there.
    `SELECT CASE WHEN min(available_at) IS NULL THEN NULL
                 ELSE GREATEST(0, EXTRACT(EPOCH FROM (min(GREATEST(available_at, locked_until)) - now())))::float8
            END AS s
       FROM ${table}`,
  )) as [{ s: number | null }];
  return row.s;
}

/**
 * After an outage: rows that were backing off become due now, so recovery does not wait out the back-off.
 * Leases are left alone: a row being sent right now is not handed to a second consumer.
 */
export async function retryOutboxNow(dataSource: DataSource, table: OutboxTable): Promise<number> {
  const result = (await dataSource.query(
    `UPDATE ${table} SET available_at = now() WHERE available_at > now() AND attempts > 0`,
  )) as [unknown[], number];
  return result[1] ?? 0;
}
