import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { ExchangeSessionService } from './exchange-session.service';

export const REMINDER_HOURS_BEFORE = 24;
const EVERY_MS = 60_000;

/**
 * Reminder mails the day before a session: a check every minute in-process. It is idempotent (each
 * session's reminder is claimed once in the database), so several instances or a restart never send twice.
 * Off in tests, which call ExchangeSessionService.sendDueReminders directly.
 */
@Injectable()
export class SessionReminderScheduler implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('SessionReminders');
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly sessions: ExchangeSessionService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.NODE_ENV === 'test') return;
    this.timer = setInterval(() => void this.tick(), EVERY_MS);
    this.timer.unref();
  }

  async tick(): Promise<void> {
    try {
      await this.sessions.sendDueReminders(REMINDER_HOURS_BEFORE);
    } catch (e) {
      this.logger.error({ msg: 'reminder check failed', error: e instanceof Error ? e.message : String(e) });
    }
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
  }
}
