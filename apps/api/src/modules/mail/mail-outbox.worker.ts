import {
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { NotifiedSleeper } from '../../database/notified-sleeper';
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
export class MailOutboxWorker implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('MailOutbox');
  private loopDone: Promise<void> | undefined;
  private readonly waiting: NotifiedSleeper;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly processor: MailOutboxProcessor,
    private readonly mail: MailService,
  ) {
    this.waiting = NotifiedSleeper.forDataSource(dataSource, {
      channel: MAIL_OUTBOX_CHANNEL,
      applicationName: 'yokoten-mail-outbox',
      logger: this.logger,
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    // Mail not configured (production without SMTP_URL): the mails stay queued, sent once it is set.
    if (this.mail.mode === 'not configured') return;
    await this.waiting.listen();
    this.loopDone = this.loop();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.waiting.stop();
    await this.loopDone;
    await this.waiting.close();
  }

  private async loop(): Promise<void> {
    while (!this.waiting.stopping) {
      this.waiting.clearWake();
      let next: number | null;
      let result: MailBatchResult | undefined;
      try {
        next = await this.processor.secondsUntilNextDue();
        if (next === 0)
          result = await this.processor.processBatch({ shouldStop: () => this.waiting.stopping });
      } catch (err) {
        // PostgreSQL trouble: the mails are safe in the outbox; try again shortly.
        this.logger.error({
          msg: 'mail outbox batch failed',
          error: err instanceof Error ? err.message : String(err),
        });
        await this.waiting.sleep(1_000);
        continue;
      }
      if (result) {
        this.report(result);
        // Sent or backed off, every claimed row has moved on: look for more at once.
        if (result.claimed > 0) continue;
        // Due rows, all claimed by another instance: let it work.
        await this.waiting.sleep(1_000);
        continue;
      }
      await this.waiting.sleep(next === null ? MAIL_POLL_MS : Math.min(MAIL_POLL_MS, Math.ceil(next * 1000)));
    }
  }

  private report(result: MailBatchResult): void {
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
