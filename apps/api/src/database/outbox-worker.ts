import { Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { NotifiedSleeper } from './notified-sleeper';

export interface NotifiedWorkerOptions {
  /** The Nest logger context (MailOutbox, SearchSync, ...). */
  loggerName: string;
  /** The channel a trigger NOTIFYs on commit. */
  channel: string;
  /** Shown in pg_stat_activity for the LISTEN connection. */
  applicationName: string;
}

/**
 * The life of an outbox consumer inside the API process: on bootstrap it opens its LISTEN connection and
 * starts its loop; on shutdown it stops the sleeper (every sleep returns), waits for the loop to finish the
 * work in hand, then closes the connection. Subclasses write the loop.
 */
export abstract class NotifiedWorker implements OnApplicationBootstrap, BeforeApplicationShutdown {
  protected readonly logger: Logger;
  protected readonly waiting: NotifiedSleeper;
  private loopDone: Promise<void> | undefined;

  protected constructor(dataSource: DataSource, options: NotifiedWorkerOptions) {
    this.logger = new Logger(options.loggerName);
    this.waiting = NotifiedSleeper.forDataSource(dataSource, {
      channel: options.channel,
      applicationName: options.applicationName,
      logger: this.logger,
    });
  }

  /** Runs until `this.waiting.stopping`. */
  protected abstract loop(): Promise<void>;

  async onApplicationBootstrap(): Promise<void> {
    await this.waiting.listen();
    this.loopDone = this.loop();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.waiting.stop();
    await this.loopDone;
    await this.waiting.close();
  }
}

export interface OutboxWorkerOptions extends NotifiedWorkerOptions {
  /** Fallback poll while idle: a NOTIFY wakes the worker at once; the poll only covers a listener that is down. */
  pollMs: number;
  /** Logged (as an error) when looking for due rows or handling a batch throws. */
  failureMessage: string;
}

/**
 * An outbox consumer that claims batches: it sleeps until PostgreSQL notifies it of a committed row, or
 * until the next row backing off is due, with a poll as fallback; then handles batch by batch. A batch
 * that claimed rows is followed by another at once; due rows all claimed by another instance, or a
 * PostgreSQL error (logged; the rows stay safe in the outbox), by a second's sleep.
 */
export abstract class OutboxWorker<Batch extends { claimed: number }> extends NotifiedWorker {
  protected constructor(
    dataSource: DataSource,
    private readonly outbox: OutboxWorkerOptions,
  ) {
    super(dataSource, outbox);
  }

  /** 0 when a row is due, the seconds until the next one otherwise, null when the outbox is empty. */
  protected abstract secondsUntilNextDue(): Promise<number | null>;

  /** Claims and handles one batch. */
  protected abstract runBatch(): Promise<Batch>;

  /** What a finished batch is worth saying (failures), outside the batch's error handling. */
  protected onBatch(_result: Batch): void {}

  protected async loop(): Promise<void> {
    const { pollMs, failureMessage } = this.outbox;
    while (!this.waiting.stopping) {
      this.waiting.clearWake();
      let next: number | null;
      let result: Batch | undefined;
      try {
        next = await this.secondsUntilNextDue();
        if (next === 0) result = await this.runBatch();
      } catch (err) {
        // PostgreSQL trouble: the rows are safe in the outbox; try again shortly.
        this.logger.error({
          msg: failureMessage,
          error: err instanceof Error ? err.message : String(err),
        });
        await this.waiting.sleep(1_000);
        continue;
      }
      if (result) {
        this.onBatch(result);
        // Done or backed off, every claimed row has moved on: look for more at once.
        if (result.claimed > 0) continue;
        // Due rows, all claimed by another instance: let it work.
        await this.waiting.sleep(1_000);
        continue;
      }
      await this.waiting.sleep(next === null ? pollMs : Math.min(pollMs, Math.ceil(next * 1000)));
    }
  }
}
