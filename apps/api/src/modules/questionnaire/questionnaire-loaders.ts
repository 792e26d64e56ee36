import DataLoader from 'dataloader';
import { Injectable } from '@nestjs/common';
import { manyByKey, oneByKey } from '../../graphql/dataloaders';
import { RequestLoaderSet, type FactoryMap } from '../../graphql/request-loaders';
import type { RequestContext } from '../../graphql/request-context';
import type {
  QuestionnaireResponseEntity,
  SessionQuestionEntity,
  SessionSurveyEntity,
} from './questionnaire.entity';
import { QuestionnaireRepository } from './questionnaire.repository';
import type { SurveyReads } from './questionnaire.service';

/** Per session id; `recipient` and `myResponse` are the request's caller's. */
export interface QuestionnaireLoaders {
  registrationQuestions: DataLoader<string, SessionQuestionEntity[]>;
  surveyQuestions: DataLoader<string, SessionQuestionEntity[]>;
  survey: DataLoader<string, SessionSurveyEntity | null>;
  recipient: DataLoader<string, boolean>;
  myResponse: DataLoader<string, QuestionnaireResponseEntity | null>;
}

declare module '../../graphql/request-loaders' {
  interface Loaders {
    questionnaire: QuestionnaireLoaders;
  }
}

/**
 * The questionnaire's fields on a list of sessions (a member's registrations, the sessions page) in one
 * query per field per request, not one (or four, for `survey`) per session.
 */
@Injectable()
export class QuestionnaireLoaderFactory extends RequestLoaderSet {
  constructor(private readonly repository: QuestionnaireRepository) {
    super();
  }

  loaderFactories(): FactoryMap {
    return { questionnaire: (ctx: RequestContext) => this.create(ctx.actor?.userId ?? null) };
  }

  /** The survey reads of QuestionnaireService.surveyFor, batched for this request. */
  surveyReads(ctx: RequestContext): SurveyReads {
    const l = ctx.loaders.questionnaire;
    return {
      survey: (id) => l.survey.load(id),
      questions: (id) => l.surveyQuestions.load(id),
      isRecipient: (id) => l.recipient.load(id),
      myResponse: (id) => l.myResponse.load(id),
    };
  }

  private create(userId: string | null): QuestionnaireLoaders {
    const r = this.repository;
    return {
      registrationQuestions: manyByKey(
        (ids) => r.questionsOfSessions(ids, 'REGISTRATION'),
        (q) => q.sessionId,
      ),
      surveyQuestions: manyByKey(
        (ids) => r.questionsOfSessions(ids, 'SURVEY'),
        (q) => q.sessionId,
      ),
      survey: oneByKey(
        (ids) => r.surveysOfSessions(ids),
        (s) => s.sessionId,
      ),
      recipient: new DataLoader(async (ids) => {
        const mine = userId ? await r.recipientSessions(userId, ids) : new Set<string>();
        return ids.map((id) => mine.has(id));
      }),
      myResponse: oneByKey(
        async (ids) => (userId ? r.myResponses(userId, ids) : []),
        (x) => x.sessionId,
      ),
    };
  }
}
