import type { Logger } from '@nestjs/common';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import type { PostgresConnectionOptions } from 'typeorm/driver/postgres/PostgresConnectionOptions';

export interface NotifiedSleeperOptions {
  /** PostgreSQL connection string for the dedicated LISTEN connection. */
  url: string;
  /** The channel a trigger NOTIFYs on commit (search_outbox, mail_outbox). */
  channel: string;
  /** Shown in pg_stat_activity. */
  applicationName: string;
  logger: Pick<Logger, 'warn'>;
}

/**
 * How the outbox consumers (search sync, mail) wait: a sleep that a NOTIFY on their channel, or shutdown,
 * cuts short, over a dedicated LISTEN connection that reconnects by itself. A notification that arrives
 * while the consumer is busy is remembered, so the next sleep returns at once and nothing committed in
 * between waits for the poll.
 */
export class NotifiedSleeper {
  private stopped = false;
  private pendingWake = false;
  private wakeUp: (() => void) | undefined;
  private listener: Client | undefined;
  private listenerRetry: NodeJS.Timeout | undefined;

  constructor(private readonly options: NotifiedSleeperOptions) {}

  /** A sleeper listening on the same database as the app's data source. */
  static forDataSource(
    dataSource: DataSource,
    options: Omit<NotifiedSleeperOptions, 'url'>,
  ): NotifiedSleeper {
    return new NotifiedSleeper({
      ...options,
      url: (dataSource.options as PostgresConnectionOptions).url as string,
    });
  }

  get stopping(): boolean {
    return this.stopped;
  }

  /** Opens the LISTEN connection; while it cannot, retries every second (the consumer's poll covers the gap). */
  async listen(): Promise<void> {
    if (this.stopped) return;
    const { url, channel, applicationName, logger } = this.options;
    const client = new Client({ connectionString: url, application_name: applicationName });
    const retry = () => {
      if (this.listener === client) this.listener = undefined;
      client.end().catch(() => undefined);
      if (this.stopped) return;
      clearTimeout(this.listenerRetry);
      this.listenerRetry = setTimeout(() => void this.listen(), 1_000);
      // Anything committed while we were not listening is found by the consumer's next look.
      this.wake();
    };
    client.on('notification', () => this.wake());
    client.on('error', retry);
    client.on('end', () => {
      if (this.listener === client) retry();
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${channel}`);
      this.listener = client;
    } catch (err) {
      logger.warn({
        msg: `cannot LISTEN on ${channel}; polling until it works`,
        error: err instanceof Error ? err.message : String(err),
      });
      retry();
    }
  }

  /** Ends the current sleep, or the next one if none is running. */
  wake(): void {
    this.pendingWake = true;
    this.wakeUp?.();
  }

  /** Forgets a pending wake-up: call before looking for work, which then sees everything notified so far. */
  clearWake(): void {
    this.pendingWake = false;
  }

  /** Sleeps `ms`; a notification ends it early unless `wakeable` is false (shutdown always does). */
  sleep(ms: number, wakeable = true): Promise<void> {
    if (this.stopped) return Promise.resolve();
    if (wakeable && this.pendingWake) {
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
      this.wakeUp = wakeable ? done : () => (this.stopped ? done() : undefined);
    });
  }

  /** Shutdown, first step: every sleep returns and `stopping` is true, so the consumer's loop ends. */
  stop(): void {
    this.stopped = true;
    clearTimeout(this.listenerRetry);
    this.wake();
  }

  /** Shutdown, last step (after the loop ended): closes the LISTEN connection. */
  async close(): Promise<void> {
    const listener = this.listener;
    this.listener = undefined;
    await listener?.end().catch(() => undefined);
  }
}
