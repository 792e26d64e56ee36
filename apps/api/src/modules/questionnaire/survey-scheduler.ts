import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { QuestionnaireService } from './questionnaire.service';

const EVERY_MS = 60_000;

/**
 * Survey invitations after a session and the one reminder before the close: a check every minute
 * in-process, like the session reminders. Each mail round is claimed in PostgreSQL (invited_at,
 * reminder_sent_at) in the transaction that queues it, so several API processes or a restart never send
 * twice. Off in tests, which call the service directly.
 */
@Injectable()
export class SurveyScheduler implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Surveys');
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly service: QuestionnaireService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.NODE_ENV === 'test') return;
    this.timer = setInterval(() => void this.tick(), EVERY_MS);
    this.timer.unref();
  }

  async tick(): Promise<void> {
    try {
      await this.service.sendDueSurveys();
      await this.service.sendDueSurveyReminders();
    } catch (e) {
      this.logger.error({ msg: 'survey check failed', error: e instanceof Error ? e.message : String(e) });
    }
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
  }
}
