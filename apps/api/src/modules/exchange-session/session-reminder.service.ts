import { Injectable, Logger } from '@nestjs/common';
import { Clock } from '../../common/clock';
import { SessionReminderRepository } from './session-reminder.repository';
import { reminderMail } from './session-mails';

/** The reminder mail the day before a session (SessionReminderScheduler runs it every minute). */
@Injectable()
export class SessionReminderService {
  private readonly logger = new Logger('ExchangeSession');

  constructor(
    private readonly reminders: SessionReminderRepository,
    private readonly clock: Clock,
  ) {}

  /**
   * Queues the reminder of every session starting within `hoursBefore` hours, once per session: the
   * session is claimed (reminder_sent_at) and its reminders queued in one transaction, so concurrent runs
   * and restarts never send twice and a crash never loses them. Called every minute in-process.
   */
  async sendDueReminders(hoursBefore = 24): Promise<number> {
    const now = this.clock.now();
    let queued = 0;
    const counts: Array<{ sessionId: string; count: number }> = [];
    await this.reminders.claimDueReminders(
      now,
      new Date(now.getTime() + hoursBefore * 3600_000),
      async (locked) => {
        const session = locked.session;
        const count = await locked.queueMailsFor(await locked.confirmed(), (r, u) => ({
          ...reminderMail(session, u, r.checkInCode),
          dedupeKey: `reminder:${r.id}`,
        }));
        queued += count;
        counts.push({ sessionId: session.id, count });
      },
    );
    for (const c of counts) this.logger.log({ msg: 'reminders queued', ...c });
    return queued;
  }
}
