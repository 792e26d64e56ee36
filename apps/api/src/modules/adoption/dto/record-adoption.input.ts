import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength, ValidateIf } from 'class-validator';
import { ADOPTION_STATUSES, type AdoptionStatus } from '@yokoten/case-studies';
import { AdoptionStatusEnum } from '../models/adoption.model';
import { trim } from '../../../common/transforms';
import { NestedInput } from '../../../common/validators';

@InputType({ description: '横展開の記録: fields left out keep their recorded value' })
export class RecordAdoptionInput {
  @Field(() => AdoptionStatusEnum)
  @IsIn(ADOPTION_STATUSES)
  status: AdoptionStatus;

  @Field({ nullable: true, description: 'Why and how the case is being followed' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(2000)
  note?: string;

  @Field({ nullable: true, description: 'What was changed to fit the follower’s situation' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(4000)
  adaptation?: string;

  @Field({ nullable: true, description: 'The follower’s own result (usually added later)' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(4000)
  outcome?: string;

  @Field(() => ID, {
    nullable: true,
    description: 'The follower’s own case study about it (of the follower’s municipality); null unlinks',
  })
  @ValidateIf((_o, v) => v !== null && v !== undefined)
  @IsUUID('all', { message: 'adopterCaseStudyId must be the id of a case study' })
  adopterCaseStudyId?: string | null;
}

@ArgsType()
export class RecordAdoptionArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'caseStudyId must be the id of a case study' })
  caseStudyId: string;

  @NestedInput(() => RecordAdoptionInput)
  input: RecordAdoptionInput;
}

@ArgsType()
export class CaseStudyAdoptionArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'caseStudyId must be the id of a case study' })
  caseStudyId: string;
}
