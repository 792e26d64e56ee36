import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsBoolean, IsNotEmpty, IsString, IsUUID, MaxLength } from 'class-validator';
import { oneLine, trim } from '../../../common/transforms';
import { NestedInput } from '../../../common/validators';

@InputType()
export class AnswerInquiryInput {
  @Field({ description: '本文 (1–4000 characters)' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'body を入力してください (body is required)' })
  @MaxLength(4000)
  body: string;
}

/** A question: a subject, and a body as an answer has. */
@InputType()
export class AskInquiryInput extends AnswerInquiryInput {
  @Field({ description: '件名 (1–200 characters)' })
  @Transform(oneLine)
  @IsString()
  @IsNotEmpty({ message: 'subject を入力してください (subject is required)' })
  @MaxLength(200)
  subject: string;
}

@ArgsType()
export class AskInquiryArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'caseStudyId must be the id of a case study' })
  caseStudyId: string;

  @NestedInput(() => AskInquiryInput)
  input: AskInquiryInput;
}

@ArgsType()
export class AnswerInquiryArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'inquiryId must be the id of an inquiry' })
  inquiryId: string;

  @NestedInput(() => AnswerInquiryInput)
  input: AnswerInquiryInput;
}

@ArgsType()
export class InquiryIdArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'id must be the id of an inquiry' })
  id: string;
}

@ArgsType()
export class SetInquiryPublicArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'inquiryId must be the id of an inquiry' })
  inquiryId: string;

  @Field({ description: 'true: a FAQ of the case for every member; false: the two municipalities only' })
  @IsBoolean()
  isPublic: boolean;
}
