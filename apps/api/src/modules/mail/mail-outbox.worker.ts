import {
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import type { PostgresConnectionOptions } from 'typeorm/driver/postgres/PostgresConnectionOptions';
import { MAIL_ALERT_ATTEMPTS, MailOutboxProcessor, type MailBatchResult } from './mail-outbox.processor';

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
  private stopping = false;
  private pendingWake = false;
  private wakeUp: (() => void) | undefined;
  private loopDone: Promise<void> | undefined;
  private listener: Client | undefined;
  private listenerRetry: NodeJS.Timeout | undefined;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly processor: MailOutboxProcessor,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.listen();
    this.loopDone = this.loop();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    clearTimeout(this.listenerRetry);
    this.wake();
    await this.loopDone;
    const listener = this.listener;
    this.listener = undefined;
    await listener?.end().catch(() => undefined);
  }

  private wake(): void {
    this.pendingWake = true;
    this.wakeUp?.();
  }

  private sleep(ms: number): Promise<void> {
    if (this.stopping) return Promise.resolve();
    if (this.pendingWake) {
      this.pendingWake = false;
      return Promise.resolve();
    }
    return new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        if (this.wakeUp === done) this.wakeUp = undefined;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wakeUp = done;
    });
  }

  private async loop(): Promise<void> {
    while (!this.stopping) {
      this.pendingWake = false;
      let next: number | null;
      let result: MailBatchResult | undefined;
      try {
        next = await this.processor.secondsUntilNextDue();
        if (next === 0) result = await this.processor.processBatch({ shouldStop: () => this.stopping });
      } catch (err) {
        // PostgreSQL trouble: the mails are safe in the outbox; try again shortly.
        this.logger.error({
          msg: 'mail outbox batch failed',
          error: err instanceof Error ? err.message : String(err),
        });
        await this.sleep(1_000);
        continue;
      }
      if (result) {
        this.report(result);
        // Sent or backed off, every claimed row has moved on: look for more at once.
        if (result.claimed > 0) continue;
        // Due rows, all claimed by another instance: let it work.
        await this.sleep(1_000);
        continue;
      }
      await this.sleep(next === null ? MAIL_POLL_MS : Math.min(MAIL_POLL_MS, Math.ceil(next * 1000)));
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

  private async listen(): Promise<void> {
    if (this.stopping) return;
    const url = (this.dataSource.options as PostgresConnectionOptions).url;
    const client = new Client({ connectionString: url, application_name: 'yokoten-mail-outbox' });
    const retry = () => {
      if (this.listener === client) this.listener = undefined;
      client.end().catch(() => undefined);
      if (this.stopping) return;
      clearTimeout(this.listenerRetry);
      this.listenerRetry = setTimeout(() => void this.listen(), 1_000);
      // Anything committed while we were not listening is found by the loop.
      this.wake();
    };
    client.on('notification', () => this.wake());
    client.on('error', retry);
    client.on('end', () => {
      if (this.listener === client) retry();
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${MAIL_OUTBOX_CHANNEL}`);
      this.listener = client;
    } catch (err) {
      this.logger.warn({
        msg: 'cannot LISTEN for mail outbox rows; polling until it works',
        error: err instanceof Error ? err.message : String(err),
      });
      retry();
    }
  }
}
