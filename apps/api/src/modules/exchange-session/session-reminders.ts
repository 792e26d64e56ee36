import { Inject, Injectable } from '@nestjs/common';
import { PeriodicJob } from '../../common/periodic-job';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { SessionReminderService } from './session-reminder.service';

export const REMINDER_HOURS_BEFORE = 24;
const EVERY_MS = 60_000;

/**
 * Reminder mails the day before a session: a check every minute in-process. It is idempotent (each
 * session's reminder is claimed once in the database), so several instances or a restart never send twice.
 * Off in tests, which call SessionReminderService.sendDueReminders directly.
 */
@Injectable()
export class SessionReminderScheduler extends PeriodicJob {
  constructor(
    private readonly reminders: SessionReminderService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    super('SessionReminders', EVERY_MS, config);
  }

  protected async run(): Promise<void> {
    await this.reminders.sendDueReminders(REMINDER_HOURS_BEFORE);
  }
}
