import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type EntityManager } from 'typeorm';
import { UserEntity } from '../auth/user.entity';
import { ExchangeSessionEntity } from '../exchange-session/exchange-session.entity';
import { enqueueMails, type QueuedMail } from '../mail/mail-outbox';
import {
  QuestionnaireResponseEntity,
  SessionQuestionEntity,
  SessionSurveyEntity,
  type AnswerValue,
} from './questionnaire.entity';
import type { QuestionInputLike, QuestionPhase } from './questionnaire-rules';

/** An attendee a survey goes to: a CONFIRMED registrant (checked in, when the session has check-in data). */
export interface Recipient {
  registrationId: string;
  userId: string;
  municipalityId: string;
}

/** `UPDATE … RETURNING` through TypeORM's query() gives [rows, count]. */
function returning<T>(result: unknown): T[] {
  const r = result as unknown[];
  return (Array.isArray(r[0]) ? r[0] : r) as T[];
}

/** The survey's close in SQL: closes_at, or 00:00 JST fifteen days after the session's last day. */
const CLOSES_AT_SQL = `coalesce(v.closes_at,
  (date_trunc('day', s.ends_at AT TIME ZONE 'Asia/Tokyo') + interval '15 days') AT TIME ZONE 'Asia/Tokyo')`;

/**
 * Attendees: checked-in confirmed registrants; if nobody of the session was checked in (no check-in data),
 * every confirmed registrant.
 */
const RECIPIENTS_SQL = `
  SELECT r.id AS "registrationId", r.user_id AS "userId", r.municipality_id AS "municipalityId"
    FROM session_registrations r
   WHERE r.session_id = $1 AND r.status = 'CONFIRMED'
     AND (r.checked_in_at IS NOT NULL OR NOT EXISTS (
           SELECT 1 FROM session_registrations c
            WHERE c.session_id = $1 AND c.status = 'CONFIRMED' AND c.checked_in_at IS NOT NULL))
   ORDER BY r.arrival_seq`;

/** The only code that touches session_questions, session_surveys and questionnaire_responses. */
@Injectable()
export class QuestionnaireRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  findSession(id: string): Promise<ExchangeSessionEntity | null> {
    return this.dataSource.getRepository(ExchangeSessionEntity).findOne({ where: { id } });
  }

  questions(sessionId: string, phase: QuestionPhase): Promise<SessionQuestionEntity[]> {
    return this.dataSource
      .getRepository(SessionQuestionEntity)
      .find({ where: { sessionId, phase }, order: { position: 'ASC' } });
  }

  survey(sessionId: string): Promise<SessionSurveyEntity | null> {
    return this.dataSource.getRepository(SessionSurveyEntity).findOne({ where: { sessionId } });
  }

  /**
   * Replaces one phase's questions: given ids are updated in place (their answers stay with them), missing
   * ones deleted, new ones added; a survey gets its settings row. One transaction.
   */
  async replaceQuestions(
    sessionId: string,
    phase: QuestionPhase,
    questions: readonly QuestionInputLike[],
  ): Promise<SessionQuestionEntity[]> {
    return this.dataSource.transaction(async (manager) => {
      const repo = manager.getRepository(SessionQuestionEntity);
      const existing = await repo.find({ where: { sessionId, phase } });
      const keep = new Set(questions.filter((q) => q.id).map((q) => q.id as string));
      const gone = existing.filter((q) => !keep.has(q.id)).map((q) => q.id);
      if (gone.length) await repo.delete({ id: In(gone) });
      for (const [position, q] of questions.entries()) {
        const values = {
          kind: q.kind,
          label: q.label.trim(),
          options:
            q.kind === 'CHOICE' || q.kind === 'MULTIPLE_CHOICE' ? (q.options ?? []).map((o) => o.trim()) : [],
          required: q.required ?? false,
          position,
        };
        if (q.id) await repo.update({ id: q.id }, values);
        else await repo.insert({ ...values, sessionId, phase });
      }
      if (phase === 'SURVEY')
        await manager.query(
          `INSERT INTO session_surveys (session_id) VALUES ($1) ON CONFLICT (session_id) DO NOTHING`,
          [sessionId],
        );
      return repo.find({ where: { sessionId, phase }, order: { position: 'ASC' } });
    });
  }

  async setSurveyClose(sessionId: string, closesAt: Date | null): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO session_surveys (session_id, closes_at) VALUES ($1, $2)
       ON CONFLICT (session_id) DO UPDATE SET closes_at = EXCLUDED.closes_at, updated_at = now()`,
      [sessionId, closesAt],
    );
  }

  recipients(sessionId: string, manager: EntityManager = this.dataSource.manager): Promise<Recipient[]> {
    return manager.query(RECIPIENTS_SQL, [sessionId]);
  }

  /** Live registrations (for the registration questions' response rate). */
  async liveRegistrationCount(sessionId: string): Promise<number> {
    const [row] = await this.dataSource.query(
      `SELECT count(*)::int AS n FROM session_registrations WHERE session_id = $1 AND status <> 'CANCELLED'`,
      [sessionId],
    );
    return row.n;
  }

  myResponse(sessionId: string, userId: string): Promise<QuestionnaireResponseEntity | null> {
    return this.dataSource
      .getRepository(QuestionnaireResponseEntity)
      .findOne({ where: { sessionId, userId, phase: 'SURVEY' } });
  }

  // Batch reads for the per-request loaders (questionnaire-loaders.ts): one query for a page of sessions.

  questionsOfSessions(sessionIds: readonly string[], phase: QuestionPhase): Promise<SessionQuestionEntity[]> {
    return this.dataSource
      .getRepository(SessionQuestionEntity)
      .find({ where: { sessionId: In([...sessionIds]), phase }, order: { position: 'ASC' } });
  }

  surveysOfSessions(sessionIds: readonly string[]): Promise<SessionSurveyEntity[]> {
    return this.dataSource
      .getRepository(SessionSurveyEntity)
      .find({ where: { sessionId: In([...sessionIds]) } });
  }

  /** The sessions among `sessionIds` whose survey goes to this user (the recipients rule of RECIPIENTS_SQL). */
  async recipientSessions(userId: string, sessionIds: readonly string[]): Promise<Set<string>> {
    const rows: Array<{ sessionId: string }> = await this.dataSource.query(
      `SELECT DISTINCT r.session_id AS "sessionId"
         FROM session_registrations r
        WHERE r.session_id = ANY($1::uuid[]) AND r.user_id = $2 AND r.status = 'CONFIRMED'
          AND (r.checked_in_at IS NOT NULL OR NOT EXISTS (
                SELECT 1 FROM session_registrations c
                 WHERE c.session_id = r.session_id AND c.status = 'CONFIRMED' AND c.checked_in_at IS NOT NULL))`,
      [[...sessionIds], userId],
    );
    return new Set(rows.map((r) => r.sessionId));
  }

  myResponses(userId: string, sessionIds: readonly string[]): Promise<QuestionnaireResponseEntity[]> {
    return this.dataSource
      .getRepository(QuestionnaireResponseEntity)
      .find({ where: { sessionId: In([...sessionIds]), userId, phase: 'SURVEY' } });
  }

  /** One survey response per person: the first answer inserts it, later ones replace its answers. */
  async upsertSurveyResponse(
    sessionId: string,
    userId: string,
    answers: Record<string, AnswerValue>,
  ): Promise<QuestionnaireResponseEntity> {
    await this.dataSource.query(
      `INSERT INTO questionnaire_responses (session_id, user_id, phase, answers) VALUES ($1, $2, 'SURVEY', $3)
       ON CONFLICT (session_id, user_id) WHERE phase = 'SURVEY'
       DO UPDATE SET answers = EXCLUDED.answers, updated_at = now()`,
      [sessionId, userId, JSON.stringify(answers)],
    );
    return (await this.myResponse(sessionId, userId)) as QuestionnaireResponseEntity;
  }

  /**
   * The responses of a phase with who gave them, oldest first. Registration answers count while their
   * registration is live.
   */
  responses(
    sessionId: string,
    phase: QuestionPhase,
  ): Promise<
    Array<{
      answers: Record<string, AnswerValue>;
      name: string;
      municipalityName: string;
      prefectureCode: string;
      createdAt: Date;
      updatedAt: Date;
    }>
  > {
    return this.dataSource.query(
      `SELECT q.answers, u.name, m.name AS "municipalityName", m.prefecture_code AS "prefectureCode",
              q.created_at AS "createdAt", q.updated_at AS "updatedAt"
         FROM questionnaire_responses q
         JOIN users u ON u.id = q.user_id
         LEFT JOIN municipalities m ON m.id = u.municipality_id
         LEFT JOIN session_registrations r ON r.id = q.registration_id
        WHERE q.session_id = $1 AND q.phase = $2 AND (q.registration_id IS NULL OR r.status <> 'CANCELLED')
        ORDER BY q.created_at, q.id`,
      [sessionId, phase],
    );
  }

  usersByIds(manager: EntityManager, ids: readonly string[]): Promise<UserEntity[]> {
    // Only those who get session mail: active, session notices on (docs/accounts.md "Mail preferences").
    return ids.length
      ? manager.getRepository(UserEntity).find({
          where: { id: In([...new Set(ids)]), status: 'ACTIVE', sessionNotices: true },
        })
      : Promise.resolve([]);
  }

  /**
   * Claims the survey invitations that are due (the session is FINISHED, or ended `graceHours` ago; not
   * cancelled; the survey has questions and has not closed) with UPDATE … RETURNING, and runs `work` for
   * each in the same transaction, so the mails commit with the mark and two instances never both send.
   */
  async claimDueInvitations(
    now: Date,
    graceHours: number,
    work: (manager: EntityManager, session: ExchangeSessionEntity, closesAt: Date) => Promise<void>,
  ): Promise<number> {
    return this.claimEach(
      `UPDATE session_surveys v SET invited_at = $1, updated_at = now()
             FROM exchange_sessions s
            WHERE v.session_id = s.id AND v.invited_at IS NULL
              AND s.status IN ('OPEN', 'CLOSED', 'FINISHED')
              AND (s.status = 'FINISHED' OR s.ends_at <= $1::timestamptz - make_interval(hours => $2::int))
              AND ${CLOSES_AT_SQL} > $1
              AND EXISTS (SELECT 1 FROM session_questions q WHERE q.session_id = s.id AND q.phase = 'SURVEY')
            RETURNING s.id, ${CLOSES_AT_SQL} AS "closesAt"`,
      [now, graceHours],
      work,
    );
  }

  /** Claims the one reminder of surveys closing within `hoursBefore` hours, invited at least a day ago. */
  async claimDueReminders(
    now: Date,
    hoursBefore: number,
    work: (manager: EntityManager, session: ExchangeSessionEntity, closesAt: Date) => Promise<void>,
  ): Promise<number> {
    return this.claimEach(
      `UPDATE session_surveys v SET reminder_sent_at = $1, updated_at = now()
             FROM exchange_sessions s
            WHERE v.session_id = s.id AND v.invited_at IS NOT NULL AND v.reminder_sent_at IS NULL
              AND s.status <> 'CANCELLED'
              AND v.invited_at <= $1::timestamptz - interval '1 day'
              AND ${CLOSES_AT_SQL} > $1
              AND ${CLOSES_AT_SQL} <= $1::timestamptz + make_interval(hours => $2::int)
            RETURNING s.id, ${CLOSES_AT_SQL} AS "closesAt"`,
      [now, hoursBefore],
      work,
    );
  }

  /**
   * Runs a claiming `UPDATE session_surveys … RETURNING s.id, … AS "closesAt"` and `work` for each claimed
   * session, all in one transaction (the mails commit with the mark); the sessions are read in one query.
   */
  private claimEach(
    claimSql: string,
    params: unknown[],
    work: (manager: EntityManager, session: ExchangeSessionEntity, closesAt: Date) => Promise<void>,
  ): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const claimed = returning<{ id: string; closesAt: Date }>(await manager.query(claimSql, params));
      if (claimed.length === 0) return 0;
      const sessions = new Map(
        (await manager.getRepository(ExchangeSessionEntity).findBy({ id: In(claimed.map((c) => c.id)) })).map(
          (session) => [session.id, session],
        ),
      );
      for (const c of claimed) {
        const session = sessions.get(c.id);
        if (session) await work(manager, session, new Date(c.closesAt));
      }
      return claimed.length;
    });
  }

  /** User ids with a survey response for the session (those not reminded). */
  async respondents(manager: EntityManager, sessionId: string): Promise<Set<string>> {
    const rows: Array<{ user_id: string }> = await manager.query(
      `SELECT user_id FROM questionnaire_responses WHERE session_id = $1 AND phase = 'SURVEY'`,
      [sessionId],
    );
    return new Set(rows.map((r) => r.user_id));
  }

  queueMails(manager: EntityManager, mails: readonly QueuedMail[]): Promise<void> {
    return enqueueMails(manager, mails);
  }
}
