import { ArgsType, Field, ID, InputType, Int, registerEnumType } from '@nestjs/graphql';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsDate,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import {
  LIMITS,
  QUESTION_KINDS,
  QUESTION_PHASES,
  type QuestionKind,
  type QuestionPhase,
} from '../questionnaire-rules';
import { NestedInputList } from '../../../common/validators';

export const QuestionPhaseEnum = Object.fromEntries(QUESTION_PHASES.map((p) => [p, p])) as Record<
  QuestionPhase,
  QuestionPhase
>;
registerEnumType(QuestionPhaseEnum, {
  name: 'QuestionPhase',
  description: 'REGISTRATION: asked when registering; SURVEY: the post-session survey (アンケート)',
});
export const QuestionKindEnum = Object.fromEntries(QUESTION_KINDS.map((k) => [k, k])) as Record<
  QuestionKind,
  QuestionKind
>;
registerEnumType(QuestionKindEnum, {
  name: 'QuestionKind',
  description: 'CHOICE (one), MULTIPLE_CHOICE, SHORT_TEXT (registration), RATING 1–5 and FREE_TEXT (survey)',
});

@InputType()
export class QuestionAnswerInput {
  @Field(() => ID)
  @IsUUID()
  questionId: string;

  @Field(() => [String], { nullable: true, description: 'CHOICE (one) and MULTIPLE_CHOICE: option texts' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(LIMITS.options)
  @IsString({ each: true })
  @MaxLength(200, { each: true })
  choices?: string[];

  @Field({ nullable: true, description: 'SHORT_TEXT and FREE_TEXT' })
  @IsOptional()
  @IsString()
  @MaxLength(LIMITS.freeText)
  text?: string;

  @Field(() => Int, { nullable: true, description: 'RATING: 1–5' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(5)
  rating?: number;
}

@InputType()
export class SessionQuestionInput {
  @Field(() => ID, {
    nullable: true,
    description: 'An existing question (kept, answers stay with it); none: a new one',
  })
  @IsOptional()
  @IsUUID()
  id?: string;

  @Field(() => QuestionKindEnum)
  @IsIn(QUESTION_KINDS)
  kind: QuestionKind;

  @Field()
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  label: string;

  @Field(() => [String], { nullable: true, defaultValue: [] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(LIMITS.options)
  @IsString({ each: true })
  @MaxLength(200, { each: true })
  options?: string[];

  @Field({ nullable: true, defaultValue: false })
  @IsOptional()
  @IsBoolean()
  required?: boolean;
}

@ArgsType()
export class SetSessionQuestionsArgs {
  @Field(() => ID)
  @IsUUID()
  sessionId: string;

  @Field(() => QuestionPhaseEnum)
  @IsIn(QUESTION_PHASES)
  phase: QuestionPhase;

  @NestedInputList(() => SessionQuestionInput, LIMITS.questions)
  questions: SessionQuestionInput[];
}

@ArgsType()
export class SetSurveyCloseArgs {
  @Field(() => ID)
  @IsUUID()
  sessionId: string;

  @Field(() => Date, { nullable: true, description: 'null: the default, 14 days after the session (JST)' })
  @IsOptional()
  @IsDate()
  closesAt?: Date | null;
}

@ArgsType()
export class AnswerSurveyArgs {
  @Field(() => ID)
  @IsUUID()
  sessionId: string;

  @NestedInputList(() => QuestionAnswerInput, LIMITS.questions)
  answers: QuestionAnswerInput[];
}

@ArgsType()
export class QuestionnaireResultsArgs {
  @Field(() => ID)
  @IsUUID()
  sessionId: string;

  @Field(() => QuestionPhaseEnum, { defaultValue: 'SURVEY' })
  @IsIn(QUESTION_PHASES)
  phase: QuestionPhase = 'SURVEY';
}
