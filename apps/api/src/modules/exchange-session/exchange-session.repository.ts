import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import type { ExchangeSessionStatus } from '@yokoten/case-studies';
import { entityColumns, preparedRows, type EntityColumns } from '../../common/prepared-rows';
import { UserEntity } from '../auth/user.entity';
import { ExchangeSessionEntity } from './exchange-session.entity';
import { LockedSession, type TableValues } from './locked-session';
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

/**
 * Sessions and their tables, the session row lock every change of registrations goes through
 * (`withSessionLock`), and the reads of registrations the loaders and the console share. Seats are taken in
 * registration.repository.ts; the console's reports are in session-export.repository.ts.
 */
@Injectable()
export class ExchangeSessionRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private sessionColumns?: EntityColumns<ExchangeSessionEntity>;

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

  confirmedOf(sessionId: string): Promise<RegistrationEntity[]> {
    return this.registrations.find({
      where: { sessionId, status: 'CONFIRMED' },
      order: { arrivalSeq: 'ASC' },
    });
  }

  usersByIds(ids: readonly string[]): Promise<UserEntity[]> {
    return ids.length
      ? this.dataSource.getRepository(UserEntity).find({ where: { id: In([...ids]) } })
      : Promise.resolve([]);
  }
}
