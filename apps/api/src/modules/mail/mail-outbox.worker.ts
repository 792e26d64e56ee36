import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { OutboxWorker } from '../../database/outbox-worker';
import { MAIL_ALERT_ATTEMPTS, MailOutboxProcessor, type MailBatchResult } from './mail-outbox.processor';
import { MailService } from './mail.service';

export const MAIL_OUTBOX_CHANNEL = 'mail_outbox';
/**
 * Fallback poll while idle (one cheap query): a committed row wakes the worker at once (NOTIFY), and a row
 * backing off is waited for exactly; the poll only covers a listener that is down.
 */
export const MAIL_POLL_MS = 30_000;

/**
 * The one consumer of the mail outbox inside the API process: started on bootstrap, stopped on shutdown
 * after the mail in hand. It sleeps until PostgreSQL notifies it of a committed row (trigger → NOTIFY),
 * or until the next row backing off is due, with a poll as fallback; then sends batch by batch.
 */
@Injectable()
export class MailOutboxWorker extends OutboxWorker<MailBatchResult> {
  constructor(
    @InjectDataSource() dataSource: DataSource,
    private readonly processor: MailOutboxProcessor,
    private readonly mail: MailService,
  ) {
    super(dataSource, {
      loggerName: 'MailOutbox',
      channel: MAIL_OUTBOX_CHANNEL,
      applicationName: 'yokoten-mail-outbox',
      pollMs: MAIL_POLL_MS,
      failureMessage: 'mail outbox batch failed',
    });
  }

  override async onApplicationBootstrap(): Promise<void> {
    // Mail not configured (production without SMTP_URL): the mails stay queued, sent once it is set.
    if (this.mail.mode === 'not configured') return;
    await super.onApplicationBootstrap();
  }

  protected secondsUntilNextDue(): Promise<number | null> {
    return this.processor.secondsUntilNextDue();
  }

  protected runBatch(): Promise<MailBatchResult> {
    return this.processor.processBatch({ shouldStop: () => this.waiting.stopping });
  }

  protected override onBatch(result: MailBatchResult): void {
    for (const f of result.failures) {
      const event = {
        msg:
          f.attempts >= MAIL_ALERT_ATTEMPTS
            ? `mail still not sent after ${f.attempts} attempts; kept in mail_outbox and retried`
            : 'mail not sent; kept in mail_outbox for a retry',
        outboxId: f.id,
        kind: f.kind,
        subject: f.subject,
        attempts: f.attempts,
        error: f.error,
      };
      if (f.attempts >= MAIL_ALERT_ATTEMPTS) this.logger.error(event);
      else this.logger.warn(event);
    }
  }
}
