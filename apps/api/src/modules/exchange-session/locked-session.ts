import { In, type EntityManager } from 'typeorm';
import { UserEntity } from '../auth/user.entity';
import { enqueueMails, type QueuedMail } from '../mail/mail-outbox';
import { ExchangeSessionEntity } from './exchange-session.entity';
import { RegistrationEntity } from './registration.entity';
import { SessionTableEntity } from './session-table.entity';

export type TableValues = Pick<SessionTableEntity, 'name' | 'theme' | 'seats'> & { id?: string };

/**
 * What a service may do while it holds a session's row lock. Every change to registrations goes through
 * here, so seat counts, waitlist positions and the arrival counter stay consistent.
 */
export class LockedSession {
  constructor(
    readonly manager: EntityManager,
    readonly session: ExchangeSessionEntity,
  ) {}

  private get registrations() {
    return this.manager.getRepository(RegistrationEntity);
  }

  async counts(): Promise<{ confirmed: number; waitlisted: number; applied: number }> {
    const [row] = await this.manager.query(
      `SELECT count(*) FILTER (WHERE status = 'CONFIRMED')::int AS confirmed,
              count(*) FILTER (WHERE status = 'WAITLISTED')::int AS waitlisted,
              count(*) FILTER (WHERE status = 'APPLIED')::int AS applied
         FROM session_registrations WHERE session_id = $1`,
      [this.session.id],
    );
    return row;
  }

  findRegistration(id: string): Promise<RegistrationEntity | null> {
    return this.registrations.findOne({ where: { id, sessionId: this.session.id } });
  }

  /** Cancels one registration and closes the gap it leaves in the waitlist. */
  async cancel(reg: RegistrationEntity): Promise<RegistrationEntity> {
    const oldPosition = reg.waitlistPosition;
    await this.registrations.update(
      { id: reg.id },
      { status: 'CANCELLED', waitlistPosition: null, assignedTableId: null, cancelledAt: new Date() },
    );
    if (oldPosition !== null) await this.closeWaitlistGap(oldPosition);
    return this.registrations.findOneOrFail({ where: { id: reg.id } });
  }

  private async closeWaitlistGap(position: number): Promise<void> {
    await this.manager.query(
      `UPDATE session_registrations SET waitlist_position = waitlist_position - 1, updated_at = now()
        WHERE session_id = $1 AND status = 'WAITLISTED' AND waitlist_position > $2`,
      [this.session.id, position],
    );
  }

  /** Moves the first `seats` waitlisted (lowest positions) to CONFIRMED and renumbers the rest. */
  async promote(seats: number): Promise<RegistrationEntity[]> {
    if (seats <= 0) return [];
    const promoted = await this.manager.query(
      `UPDATE session_registrations r
          SET status = 'CONFIRMED', waitlist_position = NULL, promoted_at = now(), confirmed_at = now(),
              updated_at = now()
        WHERE r.id IN (SELECT id FROM session_registrations
                        WHERE session_id = $1 AND status = 'WAITLISTED'
                        ORDER BY waitlist_position LIMIT $2)
        RETURNING r.id`,
      [this.session.id, seats],
    );
    const rows = returning<{ id: string }>(promoted);
    if (rows.length === 0) return [];
    await this.manager.query(
      `UPDATE session_registrations SET waitlist_position = waitlist_position - $2, updated_at = now()
        WHERE session_id = $1 AND status = 'WAITLISTED'`,
      [this.session.id, rows.length],
    );
    return this.registrations.find({
      where: { id: In(rows.map((r) => r.id)) },
      order: { arrivalSeq: 'ASC' },
    });
  }

  /** Applications awaiting the lottery, in arrival order. */
  applied(): Promise<RegistrationEntity[]> {
    return this.registrations.find({
      where: { sessionId: this.session.id, status: 'APPLIED' },
      order: { arrivalSeq: 'ASC' },
    });
  }

  /** Writes the draw: winners CONFIRMED, the others WAITLISTED in drawn order after any existing waitlist. */
  async applyDraw(winnerIds: string[], waitlistIds: string[]): Promise<void> {
    if (winnerIds.length)
      await this.manager.query(
        `UPDATE session_registrations SET status = 'CONFIRMED', confirmed_at = now(), updated_at = now()
          WHERE id = ANY($1::uuid[])`,
        [winnerIds],
      );
    if (waitlistIds.length) {
      const { waitlisted } = await this.counts();
      await this.manager.query(
        `UPDATE session_registrations r SET status = 'WAITLISTED', waitlist_position = $2 + o.ord, updated_at = now()
           FROM unnest($1::uuid[]) WITH ORDINALITY AS o(id, ord) WHERE r.id = o.id`,
        [waitlistIds, waitlisted],
      );
    }
  }

  async save(values: Partial<ExchangeSessionEntity>): Promise<ExchangeSessionEntity> {
    await this.manager.getRepository(ExchangeSessionEntity).update({ id: this.session.id }, values);
    Object.assign(this.session, values);
    return this.manager
      .getRepository(ExchangeSessionEntity)
      .findOneOrFail({ where: { id: this.session.id } });
  }

  /** Everyone not cancelled, for a cancellation notice. */
  active(): Promise<RegistrationEntity[]> {
    return this.registrations
      .createQueryBuilder('r')
      .where('r.session_id = :sid', { sid: this.session.id })
      .andWhere(`r.status <> 'CANCELLED'`)
      .orderBy('r.arrival_seq')
      .getMany();
  }

  tables(): Promise<SessionTableEntity[]> {
    return this.manager
      .getRepository(SessionTableEntity)
      .find({ where: { sessionId: this.session.id }, order: { position: 'ASC' } });
  }

  /** Replaces the session's tables: kept ids are updated, missing ones deleted (seats there freed), new ones added. */
  async replaceTables(tables: TableValues[]): Promise<void> {
    const repo = this.manager.getRepository(SessionTableEntity);
    const existing = await this.tables();
    const keep = new Set(tables.filter((t) => t.id).map((t) => t.id as string));
    const gone = existing.filter((t) => !keep.has(t.id)).map((t) => t.id);
    if (gone.length) {
      await this.manager.query(
        `UPDATE session_registrations SET assigned_table_id = NULL,
                table_preferences = ARRAY(SELECT p FROM unnest(table_preferences) p WHERE p <> ALL($2::uuid[]))
          WHERE session_id = $1`,
        [this.session.id, gone],
      );
      await repo.delete({ id: In(gone) });
    }
    for (const [position, t] of tables.entries()) {
      if (t.id) await repo.update({ id: t.id }, { name: t.name, theme: t.theme, seats: t.seats, position });
      else
        await repo.save(
          repo.create({ sessionId: this.session.id, name: t.name, theme: t.theme, seats: t.seats, position }),
        );
    }
  }

  async setAssignments(
    assignments: Array<{ registrationId: string; tableId: string | null }>,
  ): Promise<void> {
    if (!assignments.length) return;
    await this.manager.query(
      `UPDATE session_registrations r SET assigned_table_id = a.table_id, updated_at = now()
         FROM unnest($1::uuid[], $2::uuid[]) AS a(id, table_id)
        WHERE r.id = a.id AND r.session_id = $3`,
      [assignments.map((a) => a.registrationId), assignments.map((a) => a.tableId), this.session.id],
    );
  }

  confirmed(): Promise<RegistrationEntity[]> {
    return this.registrations.find({
      where: { sessionId: this.session.id, status: 'CONFIRMED' },
      order: { arrivalSeq: 'ASC' },
    });
  }

  async seatedAt(tableId: string): Promise<number> {
    const [row] = await this.manager.query(
      `SELECT count(*)::int AS n FROM session_registrations
        WHERE assigned_table_id = $1 AND status = 'CONFIRMED'`,
      [tableId],
    );
    return row.n;
  }

  /** Queues mails in this transaction: they are sent if, and only if, the change commits. */
  queueMails(mails: readonly QueuedMail[]): Promise<void> {
    return enqueueMails(this.manager, mails);
  }

  /**
   * The users among `ids` who are told of this session by mail: ACTIVE accounts that have not turned
   * session notices off (docs/accounts.md "Mail preferences").
   */
  noticeRecipientsByIds(ids: readonly string[]): Promise<UserEntity[]> {
    return ids.length
      ? this.manager.getRepository(UserEntity).find({
          where: { id: In([...new Set(ids)]), status: 'ACTIVE', sessionNotices: true },
        })
      : Promise.resolve([]);
  }

  /**
   * Queues `mail` for each registration whose registrant is told of this session by mail
   * (noticeRecipientsByIds), in registration order, in this transaction; returns how many were queued.
   */
  async queueMailsFor(
    registrations: readonly RegistrationEntity[],
    mail: (registration: RegistrationEntity, user: UserEntity) => QueuedMail,
  ): Promise<number> {
    const users = new Map(
      (await this.noticeRecipientsByIds(registrations.map((r) => r.userId))).map((u) => [u.id, u]),
    );
    const mails = registrations.flatMap((r) => {
      const u = users.get(r.userId);
      return u ? [mail(r, u)] : [];
    });
    await this.queueMails(mails);
    return mails.length;
  }

  /** The organisers told of capacity alerts: active, session notices on. */
  async organiserEmails(): Promise<string[]> {
    const rows = await this.manager
      .getRepository(UserEntity)
      .find({ where: { role: 'ORGANISER', status: 'ACTIVE', sessionNotices: true } });
    return rows.map((u) => u.email);
  }

  /** Compare-and-set of the capacity alert level; true when this call raised it (so exactly one alert goes out). */
  async raiseCapacityAlertLevel(level: number): Promise<boolean> {
    const result = await this.manager.query(
      `UPDATE exchange_sessions SET capacity_alert_level = $2 WHERE id = $1 AND capacity_alert_level < $2 RETURNING id`,
      [this.session.id, level],
    );
    return returning(result).length > 0;
  }
}

/** `UPDATE … RETURNING` through TypeORM's query() gives [rows, count]; a SELECT gives rows. */
export function returning<T>(result: unknown): T[] {
  const r = result as unknown[];
  return (Array.isArray(r[0]) ? r[0] : r) as T[];
}
