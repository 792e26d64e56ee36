import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { MailService } from './mail.service';
import {
  claimOutboxRows,
  OUTBOX_LEASE_SECONDS,
  outboxBacklog,
  releaseOutboxRows,
  retryOutboxNow,
  secondsUntilNextDue,
} from '../../database/outbox-queries';

/** Rows claimed per batch: small, so a slow SMTP server holds few leases and shutdown stays prompt. */
export const MAIL_BATCH_SIZE = 10;
/** From this many failed attempts on, each further failure is logged as an error (the row is still kept). */
export const MAIL_ALERT_ATTEMPTS = 10;

interface OutboxRow {
  id: string;
  kind: string;
  recipients: string | string[];
  subject: string;
  text: string;
  attempts: number;
}

export interface MailFailure {
  id: string;
  kind: string;
  subject: string;
  /** Failed attempts so far, this one included. */
  attempts: number;
  error: string;
}

export interface MailBatchResult {
  /** Rows claimed in this batch (0: nothing was due). */
  claimed: number;
  sent: number;
  failures: MailFailure[];
}

function describe(err: unknown): string {
  if (err instanceof Error) return `${err.name}: ${err.message}`.slice(0, 2000);
  return String(err).slice(0, 2000);
}

/**
 * Sends the mail outbox with leases, never holding a transaction (or a row lock) across an SMTP send:
 *
 * 1. claims due rows in one short statement that sets `locked_until = now() + OUTBOX_LEASE_SECONDS` and
 *    commits (`FOR UPDATE SKIP LOCKED` inside it, so two instances claiming at once take different rows);
 * 2. for each row, renews its lease (a row whose lease was lost, e.g. taken over after it expired, is
 *    skipped), then sends it through MailService with no transaction open;
 * 3. deletes the sent row at once, or keeps a failed one with attempts+1, last_error, a back-off of 1 s
 *    doubling to 10 minutes and no lease. Rows not tried (shutdown) are given back.
 *
 * Delivery is at least once: a crash between the SMTP server's acceptance and the delete sends that mail
 * again once its lease has expired; while the lease runs, no other instance sends it.
 */
@Injectable()
export class MailOutboxProcessor {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly mail: MailService,
  ) {}

  /** One batch; `shouldStop` is checked between mails (shutdown). */
  async processBatch(options: { limit?: number; shouldStop?: () => boolean } = {}): Promise<MailBatchResult> {
    const rows = await claimOutboxRows<OutboxRow>(
      this.dataSource,
      'mail_outbox',
      'id, kind, recipients, subject, text, attempts',
      options.limit ?? MAIL_BATCH_SIZE,
    );
    let sent = 0;
    const failures: MailFailure[] = [];
    // Index of the first row not tried: given back on the way out (shutdown, or PostgreSQL failing), due at
    // once for the next batch or the next start, instead of waiting for its lease to expire.
    let untried = 0;
    try {
      for (const row of rows) {
        if (options.shouldStop?.()) break;
        untried += 1;
        if (!(await this.renewLease(row))) continue;
        try {
          await this.mail.deliver({
            kind: row.kind,
            to: row.recipients,
            subject: row.subject,
            text: row.text,
          });
        } catch (err) {
          const error = describe(err);
          failures.push({
            id: row.id,
            kind: row.kind,
            subject: row.subject,
            attempts: row.attempts + 1,
            error,
          });
          await this.dataSource.query(
            `UPDATE mail_outbox
                SET attempts = attempts + 1,
                    last_error = $2,
                    locked_until = NULL,
                    -- back-off after the n-th failure: 1 s, 2 s, 4 s … capped at 10 minutes
                    available_at = now() + make_interval(secs => LEAST(600, power(2, attempts)))
              WHERE id = $1`,
            [row.id, error],
          );
          continue;
        }
        // Deleted right after its send, not at the end of the batch: a crash later in the batch does not
        // send it again.
        await this.dataSource.query('DELETE FROM mail_outbox WHERE id = $1', [row.id]);
        sent += 1;
      }
    } finally {
      await releaseOutboxRows(
        this.dataSource,
        'mail_outbox',
        rows.slice(untried).map((r) => r.id),
      ).catch(() => undefined);
    }
    return { claimed: rows.length, sent, failures };
  }

  /**
   * Extends the row's lease just before its send, if it is still ours (same lease as claimed): the batch's
   * earlier sends may have taken a while. False: the row was sent (deleted) or claimed again by another
   * instance after our lease expired; it is not sent here.
   */
  private async renewLease(row: OutboxRow & { lease: string }): Promise<boolean> {
    const [renewed] = (await this.dataSource.query(
      `UPDATE mail_outbox SET locked_until = now() + make_interval(secs => $3)
        WHERE id = $1 AND locked_until = $2::timestamptz RETURNING locked_until::text AS lease`,
      [row.id, row.lease, OUTBOX_LEASE_SECONDS],
    )) as [Array<{ lease: string }>, number];
    if (renewed.length === 0) return false;
    row.lease = renewed[0].lease;
    return true;
  }

  /** Mails not yet sent (due or backing off): the /health backlog. */
  backlog(): Promise<number> {
    return outboxBacklog(this.dataSource, 'mail_outbox');
  }

  /** Seconds until the next mail is due (0: now; null: the outbox is empty). */
  secondsUntilNextDue(): Promise<number | null> {
    return secondsUntilNextDue(this.dataSource, 'mail_outbox');
  }

  /** After an SMTP outage is fixed: make the rows that are backing off due now, and wake the worker. */
  async retryNow(): Promise<number> {
    const n = await retryOutboxNow(this.dataSource, 'mail_outbox');
    await this.dataSource.query(`SELECT pg_notify('mail_outbox', '')`);
    return n;
  }
}
