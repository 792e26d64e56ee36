import { Args, Context, Mutation, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { RequestContext } from '../../graphql/request-context';
import type { ExchangeSessionEntity } from '../exchange-session/exchange-session.entity';
import { ExchangeSession } from '../exchange-session/models/exchange-session.model';
import {
  AnswerSurveyArgs,
  QuestionnaireResultsArgs,
  SetSessionQuestionsArgs,
  SetSurveyCloseArgs,
} from './dto/questionnaire.input';
import {
  QuestionnaireResults,
  SessionQuestion,
  SessionSurvey,
  SurveyResponse,
} from './models/questionnaire.model';
import { QuestionnaireLoaderFactory } from './questionnaire-loaders';
import { QuestionnaireService } from './questionnaire.service';

@Resolver()
export class QuestionnaireResolver {
  constructor(private readonly service: QuestionnaireService) {}

  @Mutation(() => [SessionQuestion], {
    description:
      'Organiser: replaces the registration questions or the survey of a session (ids kept keep their answers; a sent survey is fixed)',
  })
  setSessionQuestions(
    @Args() { sessionId, phase, questions }: SetSessionQuestionsArgs,
    @Context() ctx: RequestContext,
  ) {
    return this.service.setQuestions(ctx.actor, sessionId, phase, questions);
  }

  @Mutation(() => SessionSurvey, {
    description: 'Organiser: the survey’s close (null: 14 days after the session, JST)',
  })
  setSurveyCloseDate(@Args() { sessionId, closesAt }: SetSurveyCloseArgs, @Context() ctx: RequestContext) {
    return this.service.setSurveyClose(ctx.actor, sessionId, closesAt ?? null);
  }

  @Mutation(() => SurveyResponse, {
    description:
      'An attendee answers the survey, or changes their answers, until it closes (SURVEY_CLOSED after)',
  })
  answerSurvey(@Args() { sessionId, answers }: AnswerSurveyArgs, @Context() ctx: RequestContext) {
    return this.service.answer(ctx.actor, sessionId, answers);
  }

  @Query(() => QuestionnaireResults, {
    description:
      'Organiser: counts per choice, rating averages, response rate, free texts; CSV at GET /sessions/:id/survey.csv',
  })
  questionnaireResults(
    @Args() { sessionId, phase }: QuestionnaireResultsArgs,
    @Context() ctx: RequestContext,
  ) {
    return this.service.results(ctx.actor, sessionId, phase);
  }
}

/**
 * The questionnaire's fields on a session (kept here rather than in the exchange-session resolver), read
 * through the request's loaders: a list of sessions costs one query per field, not one per session.
 */
@Resolver(() => ExchangeSession)
export class SessionQuestionnaireResolver {
  constructor(
    private readonly service: QuestionnaireService,
    private readonly loaders: QuestionnaireLoaderFactory,
  ) {}

  /** Public with the session (a registrant answers them in the dialog). */
  @ResolveField(() => [SessionQuestion], { description: 'Asked in the registration dialog' })
  registrationQuestions(s: ExchangeSessionEntity, _args: unknown, ctx: RequestContext) {
    return ctx.loaders.questionnaire.registrationQuestions.load(s.id);
  }

  @ResolveField(() => SessionSurvey, {
    nullable: true,
    description: 'The post-session survey: for the organiser, and for the attendees it goes to',
  })
  survey(s: ExchangeSessionEntity, _args: unknown, ctx: RequestContext) {
    return this.service.surveyFor(ctx.actor, s, this.loaders.surveyReads(ctx));
  }
}
