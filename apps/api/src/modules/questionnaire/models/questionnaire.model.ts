import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { QuestionKindEnum, QuestionPhaseEnum } from '../dto/questionnaire.input';
import type { QuestionKind, QuestionPhase } from '../questionnaire-rules';

@ObjectType({ description: 'A question asked when registering or in the post-session survey (アンケート)' })
export class SessionQuestion {
  @Field(() => ID)
  id: string;

  @Field(() => QuestionPhaseEnum)
  phase: QuestionPhase;

  @Field(() => QuestionKindEnum)
  kind: QuestionKind;

  @Field()
  label: string;

  @Field(() => [String], { description: 'CHOICE and MULTIPLE_CHOICE, in order' })
  options: string[];

  @Field()
  required: boolean;

  @Field(() => Int)
  position: number;
}

@ObjectType({ description: 'One answer: chosen options, a text or a 1–5 rating' })
export class QuestionAnswer {
  @Field(() => ID)
  questionId: string;

  @Field(() => [String])
  choices: string[];

  @Field(() => String, { nullable: true })
  text: string | null;

  @Field(() => Int, { nullable: true })
  rating: number | null;
}

@ObjectType({ description: 'The caller’s answers to a survey (editable until it closes)' })
export class SurveyResponse {
  @Field(() => [QuestionAnswer])
  answers: QuestionAnswer[];

  @Field(() => Date)
  submittedAt: Date;

  @Field(() => Date)
  updatedAt: Date;
}

@ObjectType({
  description: 'A session’s post-session survey, for the organiser and the attendees it is sent to',
})
export class SessionSurvey {
  @Field(() => ID)
  sessionId: string;

  @Field(() => [SessionQuestion])
  questions: SessionQuestion[];

  @Field(() => Date, { description: 'Answers are taken (and can be changed) until then' })
  closesAt: Date;

  @Field({ description: 'Whether closesAt is the default (14 days after the session, JST)' })
  closesAtIsDefault: boolean;

  @Field(() => Date, { nullable: true, description: 'When the invitations were mailed' })
  invitedAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the one reminder was mailed' })
  reminderSentAt: Date | null;

  @Field({ description: 'The session is over and the survey has not closed' })
  isOpen: boolean;

  @Field({ description: 'The caller is an attendee it is sent to and it is open' })
  canAnswer: boolean;

  @Field(() => SurveyResponse, { nullable: true, description: 'The caller’s answers, if given' })
  myResponse: SurveyResponse | null;
}

@ObjectType()
export class OptionCount {
  @Field({ description: 'The option text, or 1…5 for a rating' })
  option: string;

  @Field(() => Int)
  count: number;
}

@ObjectType()
export class QuestionResult {
  @Field(() => SessionQuestion)
  question: SessionQuestion;

  @Field(() => Int, { description: 'People who answered this question' })
  answered: number;

  @Field(() => [OptionCount], { description: 'Per option (choices) or per value 1–5 (ratings)' })
  counts: OptionCount[];

  @Field(() => Float, { nullable: true, description: 'Ratings: the average, to two decimals' })
  average: number | null;

  @Field(() => [String], { description: 'Texts, in answer order' })
  texts: string[];
}

@ObjectType({ description: 'Tallied answers of one phase of a session’s questionnaire' })
export class QuestionnaireResults {
  @Field(() => ID)
  sessionId: string;

  @Field(() => QuestionPhaseEnum)
  phase: QuestionPhase;

  @Field(() => Int, {
    description:
      'SURVEY: the attendees it goes to (checked in; all confirmed if nobody was); REGISTRATION: live registrations',
  })
  recipientCount: number;

  @Field(() => Int)
  responseCount: number;

  @Field(() => Float, { description: 'responseCount / recipientCount, 0–1' })
  responseRate: number;

  @Field(() => [QuestionResult])
  questions: QuestionResult[];

  @Field({
    description: 'The figures for the report, e.g. アンケート結果：満足度 4.5 / 5・回答率 80%（8 / 10名）',
  })
  summary: string;
}
