import { Field, InputType, Int } from '@nestjs/graphql';
import { IsInt, IsOptional, Min } from 'class-validator';
import { CaseStudyFieldSet } from './case-study-fields';

/** The fields of CreateCaseStudyInput, all optional: only what is sent changes. */
@InputType()
export class UpdateCaseStudyInput extends CaseStudyFieldSet(true) {
  @Field(() => Int, {
    nullable: true,
    description:
      'The version the edit is based on; a newer saved version makes the update fail with CONFLICT',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  expectedVersion?: number;
}
