import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { QuestionnaireResponseEntity, SessionQuestionEntity, type AnswerValue } from './questionnaire.entity';
import { validateAnswers, type AnswerInputLike } from './questionnaire-rules';

/**
 * The questionnaire's part of registering (used by RegistrationService.register, provided by the
 * exchange-session module so that module does not depend on this one): answers are checked against the
 * session's registration questions before the seat is taken, and stored in the registration's transaction.
 */
@Injectable()
export class RegistrationAnswers {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Validated answers (keyed by question id), or null when the session asks nothing and none were sent. */
  async check(
    sessionId: string,
    answers: readonly AnswerInputLike[] | undefined,
  ): Promise<Record<string, AnswerValue> | null> {
    const questions = await this.dataSource
      .getRepository(SessionQuestionEntity)
      .find({ where: { sessionId, phase: 'REGISTRATION' }, order: { position: 'ASC' } });
    if (!questions.length && !answers?.length) return null;
    const checked = validateAnswers(questions, answers ?? []);
    return Object.keys(checked).length ? checked : null;
  }

  /** In the registration's transaction: the answers commit with the seat, or not at all. */
  async save(
    manager: EntityManager,
    r: { sessionId: string; userId: string; registrationId: string },
    answers: Record<string, AnswerValue>,
  ): Promise<void> {
    await manager.getRepository(QuestionnaireResponseEntity).insert({
      sessionId: r.sessionId,
      userId: r.userId,
      registrationId: r.registrationId,
      phase: 'REGISTRATION',
      answers,
    });
  }
}
