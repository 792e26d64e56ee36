import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { RegistrationStatus } from '@yokoten/case-studies';
import { entityColumns, preparedRows, type EntityColumns } from '../../common/prepared-rows';
import { UserEntity } from '../auth/user.entity';
import type { MailMessage } from '../mail/mail.service';
import { MunicipalityEntity } from '../municipality/municipality.entity';
import { ExchangeSessionEntity } from './exchange-session.entity';
import { LockedSession } from './locked-session';
import { refusedOutcome, type RegistrationOutcome } from './registration-outcome';
import { RegistrationEntity } from './registration.entity';

// Crockford base32 without I, L, O, U: easy to read out and type at the door.
const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export function newCheckInCode(): string {
  const bytes = randomBytes(10);
  let code = '';
  for (const b of bytes) code += CODE_ALPHABET[b & 31];
  return code;
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

/** What a registration is decided from, read before the lock (RegistrationRepository.registrationBasis). */
export interface RegistrationBasis {
  /** The registrant with their municipality (null: no such user). */
  target: UserEntity | null;
  /** null: no such session. */
  session: ExchangeSessionEntity | null;
  /** Whether the session asks registration questions (the questionnaire module's). */
  asksQuestions: boolean;
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

/** Taking a seat (the session_register functions), the registrant as registration reads them, and 当日受付's writes. */
@Injectable()
export class RegistrationRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private userColumns?: EntityColumns<UserEntity>;
  private municipalityColumns?: EntityColumns<MunicipalityEntity>;
  private sessionColumns?: EntityColumns<ExchangeSessionEntity>;

  private get registrations() {
    return this.dataSource.getRepository(RegistrationEntity);
  }

  /**
   * The seat decision in one statement (the session_register function): lock, checks, counts, insert; the
   * same statement queues the registrant's mail for the status the function decided (`mails`, rendered
   * beforehand from the session as read before the lock; `position` stands for the waitlist position in
   * the WAITLISTED text). So the lock is held for one statement and a commit, and a registration is never
   * committed without its mail. On OK, `registered` runs in the same transaction, still holding the lock, when
   * `needsTransactionAt` says it has work for this seat; otherwise the statement commits on its own.
   */
  async register(
    p: {
      /** The session as read before the lock (registrationBasis): the mails are rendered from it. */
      session: ExchangeSessionEntity | null;
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
  ): Promise<RegistrationOutcome> {
    const session = p.session;
    if (!session) return { kind: 'NO_SESSION' };
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
          ? { kind: 'REGISTERED', registration: asWritten(row) }
          : refusedOutcome(row.outcome);
    }
    return this.dataSource.transaction(async (manager) => {
      const [row] = (await manager.query(
        registerStatement('session_register($1, $2, $3, $4, $5::uuid[], $6, $7)'),
        values,
      )) as RegisterRow[];
      if (row.outcome !== 'OK') return refusedOutcome(row.outcome);
      const registration = asWritten(row);
      // The capacity as it was under the lock.
      const locked = new LockedSession(manager, Object.assign(session, { capacity: row.capacity }));
      await registered(locked, registration, row.confirmed);
      return { kind: 'REGISTERED', registration };
    });
  }

  /**
   * What a registration is decided from, read before the lock in one query (prepared: read by every
   * registration): the registrant with their municipality, the session, and whether it asks registration
   * questions. One round trip instead of three (the officer, the session, the questions; docs/benchmarks.md,
   * "Issue #12: registrations, round trips").
   */
  async registrationBasis(userId: string, sessionId: string): Promise<RegistrationBasis> {
    const user = (this.userColumns ??= entityColumns(this.dataSource, UserEntity, 'u', 'u_'));
    const municipality = (this.municipalityColumns ??= entityColumns(
      this.dataSource,
      MunicipalityEntity,
      'm',
      'm_',
    ));
    const session = (this.sessionColumns ??= entityColumns(
      this.dataSource,
      ExchangeSessionEntity,
      's',
      's_',
    ));
    const [row] = await preparedRows<{ u_id: string | null; m_id: string | null; s_id: string | null }>(
      this.dataSource,
      'exchange_session_registration_basis',
      `SELECT ${user.select}, ${municipality.select}, ${session.select},
              EXISTS (SELECT 1 FROM session_questions q
                       WHERE q.session_id = s.id AND q.phase = 'REGISTRATION') AS "asksQuestions"
         FROM (SELECT 1) one
         LEFT JOIN users u ON u.id = $1
         LEFT JOIN municipalities m ON m.id = u.municipality_id
         LEFT JOIN exchange_sessions s ON s.id = $2`,
      [userId, sessionId],
    );
    let target: UserEntity | null = null;
    if (row.u_id !== null) {
      target = user.toEntity(row);
      if (row.m_id !== null) target.municipality = municipality.toEntity(row);
    }
    return {
      target,
      session: row.s_id !== null ? session.toEntity(row) : null,
      asksQuestions: (row as { asksQuestions?: boolean }).asksQuestions === true,
    };
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
}
