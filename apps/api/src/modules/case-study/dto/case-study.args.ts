import { ArgsType, Field, ID } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { CASE_STATUSES, type CaseStatus } from '@yokoten/case-studies';
import { CaseStatusEnum } from '../../../graphql/enums';
import { UpdateCaseStudyInput } from './update-case-study.input';
import { trim } from '../../../common/transforms';
import { NestedInput } from '../../../common/validators';

@ArgsType()
export class CaseStudyIdArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'id must be the id of a case study' })
  id: string;
}

/** id and input in one ArgsType: the global pipe validates an ArgsType as a whole, so they cannot be split. */
@ArgsType()
export class UpdateCaseStudyArgs extends CaseStudyIdArgs {
  @NestedInput(() => UpdateCaseStudyInput)
  input: UpdateCaseStudyInput;
}

@ArgsType()
export class UnpublishCaseStudyArgs extends CaseStudyIdArgs {
  @Field({ description: 'Why it was taken down; shown to the owning municipality' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'reason を入力してください (reason is required)' })
  @MaxLength(2000)
  reason: string;
}

@ArgsType()
export class MyMunicipalityCaseStudiesArgs {
  @Field(() => CaseStatusEnum, { nullable: true, description: 'Only cases in this status; all when omitted' })
  @IsOptional()
  @IsIn(CASE_STATUSES)
  status?: CaseStatus;
}
