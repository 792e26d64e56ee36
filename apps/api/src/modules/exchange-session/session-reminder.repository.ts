import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { ExchangeSessionEntity } from './exchange-session.entity';
import { LockedSession, returning } from './locked-session';

/** The claim on each session's reminder (reminder_sent_at), taken once whatever the number of instances. */
@Injectable()
export class SessionReminderRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Claims the reminder of every session starting before `until` that has not had one (UPDATE … RETURNING,
   * so two instances never both send it) and runs `work` for each in the same transaction, which holds the
   * claimed rows: the reminders it queues commit together with the mark that they were sent.
   */
  async claimDueReminders(
    now: Date,
    until: Date,
    work: (locked: LockedSession) => Promise<void>,
  ): Promise<ExchangeSessionEntity[]> {
    return this.dataSource.transaction(async (manager) => {
      const claimed = await manager.query(
        `UPDATE exchange_sessions SET reminder_sent_at = now()
          WHERE reminder_sent_at IS NULL AND status IN ('OPEN', 'CLOSED')
            AND starts_at > $1 AND starts_at <= $2
          RETURNING id`,
        [now, until],
      );
      const ids = returning<{ id: string }>(claimed).map((r) => r.id);
      const sessions = ids.length
        ? await manager
            .getRepository(ExchangeSessionEntity)
            .find({ where: { id: In(ids) }, order: { startsAt: 'ASC' } })
        : [];
      for (const session of sessions) await work(new LockedSession(manager, session));
      return sessions;
    });
  }
}
