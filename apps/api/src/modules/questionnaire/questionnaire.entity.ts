import { Check, Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { UserEntity } from '../auth/user.entity';
import { ExchangeSessionEntity } from '../exchange-session/exchange-session.entity';
import { RegistrationEntity } from '../exchange-session/registration.entity';
import type { QuestionKind, QuestionPhase } from './questionnaire-rules';
import { TimestampColumns } from '../../database/timestamp-columns';
import { BelongsTo } from '../../database/belongs-to';

/**
 * One question of a session's questionnaire: asked when registering (REGISTRATION: choice, multiple
 * choice, short text) or in the post-session survey (SURVEY: 1–5 rating, choice, multiple choice, free text).
 */
@Entity({ name: 'session_questions' })
@Index('IDX_session_questions_session_phase', ['sessionId', 'phase', 'position'])
@Check('CHK_session_questions_phase', `"phase" IN ('REGISTRATION', 'SURVEY')`)
@Check(
  'CHK_session_questions_kind',
  `"kind" IN ('CHOICE', 'MULTIPLE_CHOICE', 'SHORT_TEXT', 'RATING', 'FREE_TEXT')`,
)
export class SessionQuestionEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_session_questions' })
  id: string;

  @Column({ name: 'session_id', type: 'uuid' })
  sessionId: string;

  @BelongsTo(() => ExchangeSessionEntity, 'session_id', 'FK_session_questions_session', 'CASCADE')
  session?: ExchangeSessionEntity;

  @Column({ type: 'varchar', length: 12 })
  phase: QuestionPhase;

  @Column({ type: 'varchar', length: 20 })
  kind: QuestionKind;

  @Column({ type: 'varchar', length: 300 })
  label: string;

  /** The choices of CHOICE and MULTIPLE_CHOICE, in order; empty for the others. */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  options: string[];

  @Column({ type: 'boolean', default: false })
  required: boolean;

  @Column({ type: 'integer' })
  position: number;
}

/** The post-session survey of a session: its close date and the marks that its mails went out (claimed once). */
@Entity({ name: 'session_surveys' })
export class SessionSurveyEntity extends TimestampColumns {
  @PrimaryColumn({ name: 'session_id', type: 'uuid', primaryKeyConstraintName: 'PK_session_surveys' })
  sessionId: string;

  @BelongsTo(() => ExchangeSessionEntity, 'session_id', 'FK_session_surveys_session', 'CASCADE')
  session?: ExchangeSessionEntity;

  /** null: the default, the end of the 14th day (JST) after the session's last day. */
  @Column({ name: 'closes_at', type: 'timestamptz', nullable: true })
  closesAt: Date | null;

  /** Set in the transaction that queued the invitations, so they go out once whatever the instances. */
  @Column({ name: 'invited_at', type: 'timestamptz', nullable: true })
  invitedAt: Date | null;

  @Column({ name: 'reminder_sent_at', type: 'timestamptz', nullable: true })
  reminderSentAt: Date | null;
}

/** An answer value: the chosen options (CHOICE has one), a text, or a 1–5 rating. */
export interface AnswerValue {
  choices?: string[];
  text?: string;
  rating?: number;
}

/**
 * One person's answers to one phase of a session's questionnaire: at most one per registration
 * (REGISTRATION) and one per person and session (SURVEY, edited in place until the survey closes).
 */
@Entity({ name: 'questionnaire_responses' })
@Index('UQ_questionnaire_responses_survey_user', ['sessionId', 'userId'], {
  unique: true,
  where: `"phase" = 'SURVEY'`,
})
@Index('UQ_questionnaire_responses_registration', ['registrationId'], {
  unique: true,
  where: `"registration_id" IS NOT NULL`,
})
@Check('CHK_questionnaire_responses_phase', `"phase" IN ('REGISTRATION', 'SURVEY')`)
export class QuestionnaireResponseEntity extends TimestampColumns {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_questionnaire_responses' })
  id: string;

  @Column({ name: 'session_id', type: 'uuid' })
  sessionId: string;

  @BelongsTo(() => ExchangeSessionEntity, 'session_id', 'FK_questionnaire_responses_session', 'CASCADE')
  session?: ExchangeSessionEntity;

  @Column({ type: 'varchar', length: 12 })
  phase: QuestionPhase;

  @Index('IDX_questionnaire_responses_user_id')
  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @BelongsTo(() => UserEntity, 'user_id', 'FK_questionnaire_responses_user', 'CASCADE')
  user?: UserEntity;

  @Column({ name: 'registration_id', type: 'uuid', nullable: true })
  registrationId: string | null;

  @BelongsTo(
    () => RegistrationEntity,
    'registration_id',
    'FK_questionnaire_responses_registration',
    'CASCADE',
  )
  registration?: RegistrationEntity;

  /** questionId → value. */
  @Column({ type: 'jsonb' })
  answers: Record<string, AnswerValue>;
}
