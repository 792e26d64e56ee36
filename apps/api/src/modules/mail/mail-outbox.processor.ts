import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { MailService } from './mail.service';
import { outboxBacklog, retryOutboxNow, secondsUntilNextDue } from '../../database/outbox-queries';

/** Rows claimed per transaction: small, so a slow SMTP server holds few rows and shutdown stays prompt. */
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
 * Sends the mail outbox: claims due rows (`FOR UPDATE SKIP LOCKED`, so several instances never send the
 * same row), sends each through MailService, deletes the sent ones and keeps the others with attempts+1,
 * last_error and a back-off of 1 s doubling to 10 minutes. Delivery is at least once: a crash between the
 * SMTP server's acceptance and the commit sends that mail again.
 */
@Injectable()
export class MailOutboxProcessor {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly mail: MailService,
  ) {}

  /** One batch in its own transaction; `shouldStop` is checked between mails (shutdown). */
  async processBatch(options: { limit?: number; shouldStop?: () => boolean } = {}): Promise<MailBatchResult> {
    return this.dataSource.transaction(async (manager) => {
      const rows = (await manager.query(
        `SELECT id, kind, recipients, subject, text, attempts FROM mail_outbox
          WHERE available_at <= now() ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [options.limit ?? MAIL_BATCH_SIZE],
      )) as OutboxRow[];
      const sent: string[] = [];
      const failures: MailFailure[] = [];
      for (const row of rows) {
        // Rows not tried stay as they were, for the next batch (or the next start).
        if (options.shouldStop?.()) break;
        try {
          await this.mail.deliver({
            kind: row.kind,
            to: row.recipients,
            subject: row.subject,
            text: row.text,
          });
          sent.push(row.id);
        } catch (err) {
          const error = describe(err);
          failures.push({
            id: row.id,
            kind: row.kind,
            subject: row.subject,
            attempts: row.attempts + 1,
            error,
          });
          await manager.query(
            `UPDATE mail_outbox
                SET attempts = attempts + 1,
                    last_error = $2,
                    -- back-off after the n-th failure: 1 s, 2 s, 4 s … capped at 10 minutes
                    available_at = now() + make_interval(secs => LEAST(600, power(2, attempts)))
              WHERE id = $1`,
            [row.id, error],
          );
        }
      }
      if (sent.length > 0)
        await manager.query('DELETE FROM mail_outbox WHERE id = ANY($1::bigint[])', [sent]);
      return { claimed: rows.length, sent: sent.length, failures };
    });
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
