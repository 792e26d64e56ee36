import { Inject, Injectable } from '@nestjs/common';
import { PeriodicJob } from '../../common/periodic-job';
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
export class SurveyScheduler extends PeriodicJob {
  constructor(
    private readonly service: QuestionnaireService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    super('Surveys', EVERY_MS, config);
  }

  protected async run(): Promise<void> {
    await this.service.sendDueSurveys();
    await this.service.sendDueSurveyReminders();
  }
}
