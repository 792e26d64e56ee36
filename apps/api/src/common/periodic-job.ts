import { Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import type { AppConfig } from '../config/app-config';

/**
 * A check that runs every `everyMs` in each API process (session reminders, survey mails, saved-search
 * digests). What it does must be safe to run in several processes at once: each job claims its work in
 * PostgreSQL. A failed run is logged and the next one tries again. Off when NODE_ENV is test: tests call
 * the job's service directly, so nothing runs behind their back.
 */
export abstract class PeriodicJob implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger: Logger;
  private timer: NodeJS.Timeout | undefined;

  protected constructor(
    private readonly name: string,
    private readonly everyMs: number,
    private readonly appConfig: AppConfig,
  ) {
    this.logger = new Logger(name);
  }

  /** One run: the due work, claimed in PostgreSQL. */
  protected abstract run(): Promise<void>;

  onApplicationBootstrap(): void {
    if (this.appConfig.NODE_ENV === 'test') return;
    this.timer = setInterval(() => void this.tick(), this.everyMs);
    this.timer.unref();
  }

  async tick(): Promise<void> {
    try {
      await this.run();
    } catch (e) {
      this.logger.error({
        msg: `${this.name} run failed`,
        error: e instanceof Error ? e.message : String(e),
      });
    }
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
  }
}
