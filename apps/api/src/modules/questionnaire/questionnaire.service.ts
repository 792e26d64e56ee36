import { Injectable, Logger } from '@nestjs/common';
import { prefectureByCode } from '@yokoten/case-studies';
import { BadUserInputError, NotFoundError } from '../../common/app-error';
import { Clock } from '../../common/clock';
import type { Actor } from '../auth/actor';
import { authorize, can } from '../auth/authorization.policy';
import { csvDateTimeJst, toCsv } from '../exchange-session/csv';
import type { ExchangeSessionEntity } from '../exchange-session/exchange-session.entity';
import type { AnswerInputLike, QuestionInputLike, QuestionPhase } from './questionnaire-rules';
import {
  defaultSurveyClose,
  reportSummary,
  tally,
  validateAnswers,
  validateQuestions,
} from './questionnaire-rules';
import type {
  AnswerValue,
  QuestionnaireResponseEntity,
  SessionQuestionEntity,
  SessionSurveyEntity,
} from './questionnaire.entity';
import { QuestionnaireRepository } from './questionnaire.repository';
import { surveyMail } from './survey-mails';

/** The survey goes out this long after a session's end if the organiser has not marked it FINISHED before. */
export const SURVEY_GRACE_HOURS = 2;
/** The one reminder goes out this long before the survey closes (to those who have not answered). */
export const SURVEY_REMINDER_HOURS_BEFORE = 72;

export interface SurveyView {
  sessionId: string;
  questions: SessionQuestionEntity[];
  closesAt: Date;
  closesAtIsDefault: boolean;
  invitedAt: Date | null;
  reminderSentAt: Date | null;
  isOpen: boolean;
  canAnswer: boolean;
  myResponse: ResponseView | null;
}

export interface ResponseView {
  answers: Array<{ questionId: string; choices: string[]; text: string | null; rating: number | null }>;
  submittedAt: Date;
  updatedAt: Date;
}

/**
 * What surveyFor reads of one session, for the caller: straight from the repository, or through a request's
 * DataLoaders (questionnaire-loaders.ts) when a list of sessions each asks for its survey.
 */
export interface SurveyReads {
  survey(sessionId: string): Promise<SessionSurveyEntity | null>;
  questions(sessionId: string): Promise<SessionQuestionEntity[]>;
  isRecipient(sessionId: string): Promise<boolean>;
  myResponse(sessionId: string): Promise<QuestionnaireResponseEntity | null>;
}

function responseView(r: QuestionnaireResponseEntity): ResponseView {
  return {
    answers: Object.entries(r.answers).map(([questionId, v]) => ({
      questionId,
      choices: v.choices ?? [],
      text: v.text ?? null,
      rating: v.rating ?? null,
    })),
    submittedAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}

/**
 * Questionnaires (アンケート) of exchange sessions: registration questions, the post-session survey sent to
 * attendees with one reminder, answers editable until the close, results and CSV. See README.md.
 */
@Injectable()
export class QuestionnaireService {
  private readonly logger = new Logger('Questionnaire');
  constructor(
    private readonly repository: QuestionnaireRepository,
    private readonly clock: Clock,
  ) {}

  private async session(id: string): Promise<ExchangeSessionEntity> {
    const s = await this.repository.findSession(id);
    if (!s) throw new NotFoundError('ExchangeSession', id);
    return s;
  }

  // ---------------------------------------------------------------- organiser

  async setQuestions(
    actor: Actor | null,
    sessionId: string,
    phase: QuestionPhase,
    questions: QuestionInputLike[],
  ): Promise<SessionQuestionEntity[]> {
    authorize(actor, 'questionnaire.manage');
    const s = await this.session(sessionId);
    if (s.status === 'CANCELLED')
      throw new BadUserInputError(
        'sessionId',
        '中止した会の質問は変更できません (the session was cancelled)',
      );
    validateQuestions(phase, questions);
    const existing = new Set((await this.repository.questions(sessionId, phase)).map((q) => q.id));
    const unknown = questions.find((q) => q.id && !existing.has(q.id));
    if (unknown)
      throw new BadUserInputError(
        'questions',
        `questions: この会の質問ではありません: ${unknown.id} (unknown question)`,
      );
    if (phase === 'SURVEY') {
      const survey = await this.repository.survey(sessionId);
      if (survey?.invitedAt)
        throw new BadUserInputError(
          'questions',
          'questions: アンケートは送信済みのため質問を変更できません。締切日は変更できます。 (the survey was sent: its questions are fixed)',
          { reason: 'SURVEY_ALREADY_SENT' },
        );
    }
    return this.repository.replaceQuestions(sessionId, phase, questions);
  }

  async setSurveyClose(actor: Actor | null, sessionId: string, closesAt: Date | null): Promise<SurveyView> {
    authorize(actor, 'questionnaire.manage');
    const s = await this.session(sessionId);
    if (closesAt && closesAt <= s.endsAt)
      throw new BadUserInputError(
        'closesAt',
        'closesAt: 締切は会の終了より後にしてください (must be after the session ends)',
      );
    await this.repository.setSurveyClose(sessionId, closesAt);
    return (await this.surveyFor(actor, s)) as SurveyView;
  }

  async results(actor: Actor | null, sessionId: string, phase: QuestionPhase) {
    authorize(actor, 'questionnaire.manage');
    await this.session(sessionId);
    const [questions, responses, recipients] = await Promise.all([
      this.repository.questions(sessionId, phase),
      this.repository.responses(sessionId, phase),
      phase === 'SURVEY'
        ? this.repository.recipients(sessionId).then((r) => r.length)
        : this.repository.liveRegistrationCount(sessionId),
    ]);
    const tallies = tally(
      questions,
      responses.map((r) => r.answers),
    );
    const byId = new Map(questions.map((q) => [q.id, q]));
    return {
      sessionId,
      phase,
      recipientCount: recipients,
      responseCount: responses.length,
      responseRate: recipients ? Math.round((responses.length / recipients) * 1000) / 1000 : 0,
      questions: tallies.map((t) => ({ ...t, question: byId.get(t.questionId) as SessionQuestionEntity })),
      summary: reportSummary(tallies, responses.length, recipients),
    };
  }

  /**
   * Excel-friendly CSV of one phase's answers (the exchange-session CSV helper: BOM, CRLF, formula starters
   * neutralised): one row per response, one column per question. Survey rows carry the municipality, not
   * the name (a survey is answered more frankly that way); registration rows the name, since the organiser
   * acts on them (a wheelchair place, a question for the speaker).
   */
  async csv(
    actor: Actor | null,
    sessionId: string,
    phase: QuestionPhase,
  ): Promise<{ filename: string; csv: string }> {
    authorize(actor, 'questionnaire.manage');
    const s = await this.session(sessionId);
    const [questions, responses] = await Promise.all([
      this.repository.questions(sessionId, phase),
      this.repository.responses(sessionId, phase),
    ]);
    const cell = (v: AnswerValue | undefined): string | number =>
      !v ? '' : v.rating !== undefined ? v.rating : v.choices ? v.choices.join(' / ') : (v.text ?? '');
    const csv = toCsv(
      [
        '回答日時',
        '更新日時',
        ...(phase === 'REGISTRATION' ? ['氏名'] : []),
        '自治体',
        '都道府県',
        ...questions.map((q) => q.label),
      ],
      responses.map((r) => [
        csvDateTimeJst(r.createdAt),
        csvDateTimeJst(r.updatedAt),
        ...(phase === 'REGISTRATION' ? [r.name] : []),
        r.municipalityName ?? '',
        prefectureByCode(r.prefectureCode)?.name ?? r.prefectureCode ?? '',
        ...questions.map((q) => cell(r.answers[q.id])),
      ]),
    );
    const kind = phase === 'SURVEY' ? 'survey' : 'registration-answers';
    return { filename: `${kind}-${s.term}-${s.id.slice(0, 8)}.csv`, csv };
  }

  // ---------------------------------------------------------------- everyone

  /** The survey as the caller may see it: the organiser always, an attendee it goes to; otherwise null. */
  async surveyFor(
    actor: Actor | null,
    session: ExchangeSessionEntity,
    reads: SurveyReads = this.surveyReads(actor),
  ): Promise<SurveyView | null> {
    if (!actor) return null;
    const manager = can(actor, 'questionnaire.manage');
    const survey = await reads.survey(session.id);
    if (!survey && !manager) return null;
    const recipient = await reads.isRecipient(session.id);
    if (!manager && !recipient) return null;
    const questions = await reads.questions(session.id);
    if (!questions.length && !manager) return null;
    const closesAt = survey?.closesAt ?? defaultSurveyClose(session.endsAt);
    const isOpen = this.isOpen(session, closesAt) && questions.length > 0;
    const mine = recipient ? await reads.myResponse(session.id) : null;
    return {
      sessionId: session.id,
      questions,
      closesAt,
      closesAtIsDefault: !survey?.closesAt,
      invitedAt: survey?.invitedAt ?? null,
      reminderSentAt: survey?.reminderSentAt ?? null,
      isOpen,
      canAnswer: isOpen && recipient,
      myResponse: mine ? responseView(mine) : null,
    };
  }

  /** One session's survey reads, unbatched (a mutation's answer). */
  private surveyReads(actor: Actor | null): SurveyReads {
    return {
      survey: (id) => this.repository.survey(id),
      questions: (id) => this.repository.questions(id, 'SURVEY'),
      isRecipient: (id) => (actor ? this.isRecipient(actor, id) : Promise.resolve(false)),
      myResponse: (id) => (actor ? this.repository.myResponse(id, actor.userId) : Promise.resolve(null)),
    };
  }

  private isOpen(session: ExchangeSessionEntity, closesAt: Date): boolean {
    const now = this.clock.now();
    const over = session.status === 'FINISHED' || (session.status !== 'CANCELLED' && session.endsAt <= now);
    return over && session.status !== 'DRAFT' && now < closesAt;
  }

  private async isRecipient(actor: Actor, sessionId: string): Promise<boolean> {
    const recipients = await this.repository.recipients(sessionId);
    return recipients.some((r) => r.userId === actor.userId);
  }

  /** An attendee answers, or changes their answers, until the survey closes. */
  async answer(actor: Actor | null, sessionId: string, answers: AnswerInputLike[]): Promise<ResponseView> {
    if (!actor) authorize(actor, 'survey.answer');
    const me = actor as Actor;
    const session = await this.session(sessionId);
    const recipient = await this.isRecipient(me, sessionId);
    authorize(me, 'survey.answer', { municipalityId: me.municipalityId ?? '', surveyRecipient: recipient });
    if (!recipient)
      throw new BadUserInputError(
        'sessionId',
        'このアンケートの回答対象ではありません (not an attendee of this session)',
        {
          reason: 'NOT_A_SURVEY_RECIPIENT',
        },
      );
    const [questions, survey] = await Promise.all([
      this.repository.questions(sessionId, 'SURVEY'),
      this.repository.survey(sessionId),
    ]);
    if (!questions.length) throw new NotFoundError('Survey', sessionId);
    const closesAt = survey?.closesAt ?? defaultSurveyClose(session.endsAt);
    if (this.clock.now() >= closesAt)
      throw new BadUserInputError(
        'sessionId',
        'このアンケートの回答は締め切りました (the survey has closed)',
        {
          reason: 'SURVEY_CLOSED',
          closesAt: closesAt.toISOString(),
        },
      );
    if (!this.isOpen(session, closesAt))
      throw new BadUserInputError(
        'sessionId',
        'アンケートは会の終了後に回答できます (the survey opens after the session)',
        {
          reason: 'SURVEY_NOT_OPEN',
        },
      );
    const checked = validateAnswers(questions, answers);
    // An empty form is not a response (it would count towards the response rate).
    if (Object.keys(checked).length === 0)
      throw new BadUserInputError(
        'input.answers',
        'input.answers: 1問以上回答してください (answer at least one question)',
        {
          reason: 'NO_ANSWER',
        },
      );
    return responseView(await this.repository.upsertSurveyResponse(sessionId, me.userId, checked));
  }

  // ---------------------------------------------------------------- mails (scheduled)

  /**
   * Queues the invitations of every survey that is due, once per survey: claimed (invited_at) in the
   * transaction that queues them. Called every minute in-process; tests call it directly.
   */
  async sendDueSurveys(): Promise<number> {
    let queued = 0;
    await this.repository.claimDueInvitations(
      this.clock.now(),
      SURVEY_GRACE_HOURS,
      async (manager, session, closesAt) => {
        const recipients = await this.repository.recipients(session.id, manager);
        const users = await this.repository.usersByIds(
          manager,
          recipients.map((r) => r.userId),
        );
        const mails = users.map((u) => ({
          ...surveyMail(session, u, closesAt, false),
          dedupeKey: `survey:${session.id}:${u.id}`,
        }));
        await this.repository.queueMails(manager, mails);
        queued += mails.length;
        this.logger.log({ msg: 'survey invitations queued', sessionId: session.id, count: mails.length });
      },
    );
    return queued;
  }

  /** The one reminder, to attendees who have not answered, SURVEY_REMINDER_HOURS_BEFORE the close. */
  async sendDueSurveyReminders(): Promise<number> {
    let queued = 0;
    await this.repository.claimDueReminders(
      this.clock.now(),
      SURVEY_REMINDER_HOURS_BEFORE,
      async (manager, session, closesAt) => {
        const [recipients, answered] = await Promise.all([
          this.repository.recipients(session.id, manager),
          this.repository.respondents(manager, session.id),
        ]);
        const users = await this.repository.usersByIds(
          manager,
          recipients.map((r) => r.userId).filter((id) => !answered.has(id)),
        );
        const mails = users.map((u) => ({
          ...surveyMail(session, u, closesAt, true),
          dedupeKey: `survey-reminder:${session.id}:${u.id}`,
        }));
        await this.repository.queueMails(manager, mails);
        queued += mails.length;
      },
    );
    return queued;
  }
}
