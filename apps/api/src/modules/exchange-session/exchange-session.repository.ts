import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type EntityManager } from 'typeorm';
import type { ExchangeSessionStatus, RegistrationStatus } from '@yokoten/case-studies';
import { entityColumns, preparedRows, type EntityColumns } from '../../common/prepared-rows';
import { UserEntity } from '../auth/user.entity';
import { enqueueMails, type QueuedMail } from '../mail/mail-outbox';
import type { MailMessage } from '../mail/mail.service';
import { MunicipalityEntity } from '../municipality/municipality.entity';
import { ExchangeSessionEntity } from './exchange-session.entity';
import { RegistrationEntity } from './registration.entity';
import { SessionTableEntity } from './session-table.entity';

export interface SessionCounts {
  sessionId: string;
  confirmed: number;
  waitlisted: number;
  applied: number;
  checkedIn: number;
}

export interface SessionListQuery {
  statuses?: ExchangeSessionStatus[];
  timeframe?: 'UPCOMING' | 'PAST';
  includeNonPublic: boolean;
  now: Date;
}

export type TableValues = Pick<SessionTableEntity, 'name' | 'theme' | 'seats'> & { id?: string };

// Crockford base32 without I, L, O, U: easy to read out and type at the door.
const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export function newCheckInCode(): string {
  const bytes = randomBytes(10);
  let code = '';
  for (const b of bytes) code += CODE_ALPHABET[b & 31];
  return code;
}

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
function returning<T>(result: unknown): T[] {
  const r = result as unknown[];
  return (Array.isArray(r[0]) ? r[0] : r) as T[];
}

interface RegisterRow {
  outcome: string;
  registration_id: string;
  reg_status: RegistrationStatus;
  waitlist_position: number | null;
  arrival_seq: number;
  confirmed: number;
  capacity: number;
  registered_at: Date;
}

/**
 * The seat decision (`call`: session_register or session_register_autocommit) and, in the same statement, the
 * registrant's mail for the status it decided ($8: the rendered mails, $9: the waitlist position's stand-in).
 */
function registerStatement(call: string): string {
  return `WITH r AS MATERIALIZED (
     SELECT * FROM ${call}
   ), queued AS (
     INSERT INTO mail_outbox (kind, recipients, subject, text)
     SELECT m.kind, m.recipients, m.subject, replace(m.text, $9, coalesce(r.waitlist_position::text, ''))
       FROM r JOIN jsonb_to_recordset($8::jsonb)
            AS m(status text, kind text, recipients jsonb, subject text, text text)
            ON m.status = r.reg_status
      WHERE r.outcome = 'OK'
   )
   SELECT outcome, registration_id, reg_status, waitlist_position, arrival_seq, confirmed, capacity,
          registered_at
     FROM r`;
}

/** The only code that touches exchange_sessions, exchange_session_tables and session_registrations. */
@Injectable()
export class ExchangeSessionRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private sessionColumns?: EntityColumns<ExchangeSessionEntity>;
  private userColumns?: EntityColumns<UserEntity>;
  private municipalityColumns?: EntityColumns<MunicipalityEntity>;

  private get sessions() {
    return this.dataSource.getRepository(ExchangeSessionEntity);
  }

  private get registrations() {
    return this.dataSource.getRepository(RegistrationEntity);
  }

  private get tables() {
    return this.dataSource.getRepository(SessionTableEntity);
  }

  /**
   * Runs `work` in a transaction that holds the session's row lock (SELECT … FOR UPDATE). Registrations,
   * cancellations and promotions of one session are serialised by it: the order in which transactions get
   * the lock is the order of arrival. Returns null when the session does not exist.
   */
  async withSessionLock<T>(
    sessionId: string,
    work: (locked: LockedSession) => Promise<T>,
  ): Promise<T | null> {
    return this.dataSource.transaction(async (manager) => {
      const session = await manager
        .getRepository(ExchangeSessionEntity)
        .createQueryBuilder('s')
        .setLock('pessimistic_write')
        .where('s.id = :id', { id: sessionId })
        .getOne();
      if (!session) return null;
      return work(new LockedSession(manager, session));
    });
  }

  /**
   * The seat decision in one statement (the session_register function): lock, checks, counts, insert; the
   * same statement queues the registrant's mail for the status the function decided (`mails`, rendered
   * beforehand from the session as read before the lock; `position` stands for the waitlist position in
   * the WAITLISTED text). So the lock is held for one statement and a commit, and a registration is never
   * committed without its mail. On OK, `registered` runs in the same transaction, still holding the lock, when
   * `needsTransactionAt` says it has work for this seat; otherwise the statement commits on its own.
   * `outcome` is OK or the reason for refusing.
   */
  async register(
    p: {
      sessionId: string;
      userId: string;
      municipalityId: string;
      registeredByUserId: string;
      preferences: string[];
      now: Date;
    },
    mails: (
      session: ExchangeSessionEntity,
      checkInCode: string,
      position: string,
    ) => Record<'CONFIRMED' | 'WAITLISTED' | 'APPLIED', MailMessage> | null,
    registered: (locked: LockedSession, registration: RegistrationEntity, confirmed: number) => Promise<void>,
    /**
     * When `registered` has work: 'always', or, for a session of this capacity, the confirmed counts (after
     * this registration) at which it has. Other registrations commit without calling it. Default: always.
     */
    needsTransactionAt: (capacity: number) => readonly number[] | 'always' = () => 'always',
  ): Promise<{ outcome: string; registration: RegistrationEntity | null }> {
    const session = await this.findById(p.sessionId);
    if (!session) return { outcome: 'NOT_FOUND', registration: null };
    const checkInCode = newCheckInCode();
    const position = `[[waitlist-position-${randomBytes(6).toString('hex')}]]`;
    // null: the registrant gets no mail (session notices turned off).
    const rendered = Object.entries(mails(session, checkInCode, position) ?? {}).map(([status, m]) => ({
      status,
      kind: m.kind,
      recipients: m.to,
      subject: m.subject,
      text: m.text,
    }));
    const values = [
      p.sessionId,
      p.userId,
      p.municipalityId,
      p.registeredByUserId,
      p.preferences,
      checkInCode,
      p.now,
      JSON.stringify(rendered),
      position,
    ];
    const asWritten = (row: RegisterRow) =>
      // The row as the function wrote it, without reading it back.
      this.registrations.create({
        id: row.registration_id,
        sessionId: p.sessionId,
        userId: p.userId,
        municipalityId: p.municipalityId,
        registeredByUserId: p.registeredByUserId,
        status: row.reg_status,
        arrivalSeq: row.arrival_seq,
        waitlistPosition: row.waitlist_position,
        tablePreferences: p.preferences,
        assignedTableId: null,
        checkInCode,
        checkedInAt: null,
        registeredAt: row.registered_at,
        confirmedAt: row.reg_status === 'CONFIRMED' ? row.registered_at : null,
        promotedAt: null,
        cancelledAt: null,
        updatedAt: row.registered_at,
      });
    // Most registrations have nothing to do under the lock after the seat is taken: one statement that commits
    // on its own, so the lock is released inside PostgreSQL, not when this process next gets to send COMMIT
    // (RegistrationAutocommit migration). The seats at which `registered` has work, and any capacity change
    // since the mails were rendered, take the transaction below instead; nothing was written then.
    const inTransactionAt = needsTransactionAt(session.capacity);
    if (inTransactionAt !== 'always') {
      const [row] = await preparedRows<RegisterRow>(
        this.dataSource,
        'session_register_autocommit',
        registerStatement('session_register_autocommit($1, $2, $3, $4, $5::uuid[], $6, $7, $10, $11::int[])'),
        [...values, session.capacity, inTransactionAt],
      );
      if (row.outcome !== 'NEEDS_TRANSACTION')
        return row.outcome === 'OK'
          ? { outcome: row.outcome, registration: asWritten(row) }
          : { outcome: row.outcome, registration: null };
    }
    return this.dataSource.transaction(async (manager) => {
      const [row] = (await manager.query(
        registerStatement('session_register($1, $2, $3, $4, $5::uuid[], $6, $7)'),
        values,
      )) as RegisterRow[];
      if (row.outcome !== 'OK') return { outcome: row.outcome, registration: null };
      const registration = asWritten(row);
      // The capacity as it was under the lock.
      const locked = new LockedSession(manager, Object.assign(session, { capacity: row.capacity }));
      await registered(locked, registration, row.confirmed);
      return { outcome: row.outcome, registration };
    });
  }

  /** An officer with their municipality, in one query (prepared: read by every registration). */
  async findUserWithMunicipality(id: string): Promise<UserEntity | null> {
    const user = (this.userColumns ??= entityColumns(this.dataSource, UserEntity, 'u', 'u_'));
    const municipality = (this.municipalityColumns ??= entityColumns(
      this.dataSource,
      MunicipalityEntity,
      'm',
      'm_',
    ));
    const [row] = await preparedRows(
      this.dataSource,
      'exchange_session_user_with_municipality',
      `SELECT ${user.select}, ${municipality.select}
         FROM users u LEFT JOIN municipalities m ON m.id = u.municipality_id WHERE u.id = $1`,
      [id],
    );
    if (!row) return null;
    const found = user.toEntity(row);
    if (row.m_id !== null) found.municipality = municipality.toEntity(row);
    return found;
  }

  async create(
    values: Partial<ExchangeSessionEntity>,
    tables: TableValues[],
  ): Promise<ExchangeSessionEntity> {
    return this.dataSource.transaction(async (manager) => {
      const saved = await manager
        .getRepository(ExchangeSessionEntity)
        .save(manager.create(ExchangeSessionEntity, values));
      const repo = manager.getRepository(SessionTableEntity);
      await repo.save(
        tables.map((t, position) => repo.create({ ...t, id: undefined, sessionId: saved.id, position })),
      );
      return saved;
    });
  }

  /** One session (prepared: read by every registration and most session mutations). */
  async findById(id: string): Promise<ExchangeSessionEntity | null> {
    const session = (this.sessionColumns ??= entityColumns(
      this.dataSource,
      ExchangeSessionEntity,
      's',
      's_',
    ));
    const [row] = await preparedRows(
      this.dataSource,
      'exchange_session_by_id',
      `SELECT ${session.select} FROM exchange_sessions s WHERE s.id = $1`,
      [id],
    );
    return row ? session.toEntity(row) : null;
  }

  findByIds(ids: readonly string[]): Promise<ExchangeSessionEntity[]> {
    return ids.length ? this.sessions.find({ where: { id: In([...ids]) } }) : Promise.resolve([]);
  }

  list(q: SessionListQuery): Promise<ExchangeSessionEntity[]> {
    const qb = this.sessions.createQueryBuilder('s');
    if (q.statuses?.length) qb.andWhere('s.status IN (:...statuses)', { statuses: q.statuses });
    if (!q.includeNonPublic) qb.andWhere(`s.status <> 'DRAFT' AND s.is_public`);
    if (q.timeframe === 'UPCOMING') qb.andWhere('s.ends_at >= :now', { now: q.now });
    if (q.timeframe === 'PAST') qb.andWhere('s.ends_at < :now', { now: q.now });
    qb.orderBy('s.starts_at', q.timeframe === 'UPCOMING' ? 'ASC' : 'DESC').addOrderBy('s.id');
    return qb.limit(500).getMany();
  }

  tablesBySessionIds(ids: readonly string[]): Promise<SessionTableEntity[]> {
    return ids.length
      ? this.tables.find({ where: { sessionId: In([...ids]) }, order: { position: 'ASC' } })
      : Promise.resolve([]);
  }

  tablesByIds(ids: readonly string[]): Promise<SessionTableEntity[]> {
    return ids.length ? this.tables.find({ where: { id: In([...ids]) } }) : Promise.resolve([]);
  }

  async countsBySessionIds(ids: readonly string[]): Promise<SessionCounts[]> {
    if (!ids.length) return [];
    return this.dataSource.query(
      `SELECT session_id AS "sessionId",
              count(*) FILTER (WHERE status = 'CONFIRMED')::int AS confirmed,
              count(*) FILTER (WHERE status = 'WAITLISTED')::int AS waitlisted,
              count(*) FILTER (WHERE status = 'APPLIED')::int AS applied,
              count(*) FILTER (WHERE checked_in_at IS NOT NULL AND status = 'CONFIRMED')::int AS "checkedIn"
         FROM session_registrations WHERE session_id = ANY($1::uuid[]) GROUP BY session_id`,
      [[...ids]],
    );
  }

  /** A session's registrations for the console: confirmed first, then the waitlist in order, then the rest. */
  registrationsOfSessions(ids: readonly string[]): Promise<RegistrationEntity[]> {
    if (!ids.length) return Promise.resolve([]);
    return this.registrations
      .createQueryBuilder('r')
      .where('r.session_id IN (:...ids)', { ids })
      .orderBy(
        `CASE r.status WHEN 'CONFIRMED' THEN 0 WHEN 'APPLIED' THEN 1 WHEN 'WAITLISTED' THEN 2 ELSE 3 END`,
      )
      .addOrderBy('r.waitlist_position', 'ASC', 'NULLS LAST')
      .addOrderBy('r.arrival_seq', 'ASC')
      .getMany();
  }

  /** The caller's live registration for each session (or the latest cancelled one when none is live). */
  async registrationsOfUser(userId: string, sessionIds: readonly string[]): Promise<RegistrationEntity[]> {
    if (!sessionIds.length) return [];
    return this.registrations
      .createQueryBuilder('r')
      .distinctOn(['r.session_id'])
      .where('r.user_id = :userId AND r.session_id IN (:...sessionIds)', { userId, sessionIds })
      .orderBy('r.session_id')
      .addOrderBy(`CASE WHEN r.status = 'CANCELLED' THEN 1 ELSE 0 END`)
      .addOrderBy('r.arrival_seq', 'DESC')
      .getMany();
  }

  allRegistrationsOfUser(userId: string): Promise<RegistrationEntity[]> {
    return this.registrations.find({ where: { userId }, order: { registeredAt: 'DESC' } });
  }

  findRegistration(id: string): Promise<RegistrationEntity | null> {
    return this.registrations.findOne({ where: { id } });
  }

  findRegistrationByCode(code: string): Promise<RegistrationEntity | null> {
    return this.registrations.findOne({ where: { checkInCode: code } });
  }

  /** Marks attendance once; returns the row either way (checking in twice keeps the first time). */
  async checkIn(id: string): Promise<RegistrationEntity> {
    await this.registrations
      .createQueryBuilder()
      .update()
      .set({ checkedInAt: () => 'now()' })
      .where('id = :id AND checked_in_at IS NULL', { id })
      .execute();
    return this.registrations.findOneOrFail({ where: { id } });
  }

  usersByIds(ids: readonly string[]): Promise<UserEntity[]> {
    return ids.length
      ? this.dataSource.getRepository(UserEntity).find({ where: { id: In([...ids]) } })
      : Promise.resolve([]);
  }

  findMunicipality(id: string): Promise<MunicipalityEntity | null> {
    return this.dataSource.getRepository(MunicipalityEntity).findOne({ where: { id } });
  }

  /** Registration counts by prefecture (live registrations), for the console. */
  countsByPrefecture(sessionId: string): Promise<
    Array<{
      prefectureCode: string;
      confirmed: number;
      waitlisted: number;
      applied: number;
      municipalities: number;
    }>
  > {
    return this.dataSource.query(
      `SELECT m.prefecture_code AS "prefectureCode",
              count(*) FILTER (WHERE r.status = 'CONFIRMED')::int AS confirmed,
              count(*) FILTER (WHERE r.status = 'WAITLISTED')::int AS waitlisted,
              count(*) FILTER (WHERE r.status = 'APPLIED')::int AS applied,
              count(DISTINCT r.municipality_id)::int AS municipalities
         FROM session_registrations r JOIN municipalities m ON m.id = r.municipality_id
        WHERE r.session_id = $1 AND r.status <> 'CANCELLED'
        GROUP BY m.prefecture_code ORDER BY m.prefecture_code`,
      [sessionId],
    );
  }

  /** Rows for the CSV export, joined in one query. */
  exportRows(sessionId: string): Promise<
    Array<{
      status: RegistrationStatus;
      waitlistPosition: number | null;
      arrivalSeq: number;
      name: string;
      email: string;
      municipalityCode: string;
      municipalityName: string;
      prefectureCode: string;
      tableName: string | null;
      preferences: string[];
      checkedInAt: Date | null;
      registeredAt: Date;
      cancelledAt: Date | null;
    }>
  > {
    return this.dataSource.query(
      `SELECT r.status, r.waitlist_position AS "waitlistPosition", r.arrival_seq AS "arrivalSeq",
              u.name, u.email, m.code AS "municipalityCode", m.name AS "municipalityName",
              m.prefecture_code AS "prefectureCode", t.name AS "tableName",
              ARRAY(SELECT pt.name FROM unnest(r.table_preferences) WITH ORDINALITY p(id, ord)
                      JOIN exchange_session_tables pt ON pt.id = p.id ORDER BY p.ord) AS preferences,
              r.checked_in_at AS "checkedInAt", r.registered_at AS "registeredAt", r.cancelled_at AS "cancelledAt"
         FROM session_registrations r
         JOIN users u ON u.id = r.user_id
         JOIN municipalities m ON m.id = r.municipality_id
         LEFT JOIN exchange_session_tables t ON t.id = r.assigned_table_id
        WHERE r.session_id = $1
        ORDER BY CASE r.status WHEN 'CONFIRMED' THEN 0 WHEN 'APPLIED' THEN 1 WHEN 'WAITLISTED' THEN 2 ELSE 3 END,
                 r.waitlist_position NULLS LAST, r.arrival_seq`,
      [sessionId],
    );
  }

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

  confirmedOf(sessionId: string): Promise<RegistrationEntity[]> {
    return this.registrations.find({
      where: { sessionId, status: 'CONFIRMED' },
      order: { arrivalSeq: 'ASC' },
    });
  }
}
