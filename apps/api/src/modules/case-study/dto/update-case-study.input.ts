import { Field, InputType, Int } from '@nestjs/graphql';
import type { CaseStage, Visibility } from '@yokoten/case-studies';
import { IsInt, IsOptional, Min } from 'class-validator';
import {
  CaseStudyDetailsInput,
  LIMITS,
  StageField,
  StringListField,
  TextField,
  VisibilityField,
} from './case-study-fields';

/** The fields of CreateCaseStudyInput, all optional: only what is sent changes. */
@InputType()
export class UpdateCaseStudyInput extends CaseStudyDetailsInput {
  @Field(() => Int, {
    nullable: true,
    description:
      'The version the edit is based on; a newer saved version makes the update fail with CONFLICT',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  expectedVersion?: number;

  @TextField(LIMITS.title, { optional: true, required: true, oneLine: true })
  title?: string;

  @TextField(LIMITS.summary, { optional: true })
  summary?: string;

  @TextField(LIMITS.body, { optional: true, description: 'Markdown' })
  body?: string;

  @StringListField(LIMITS.tags, LIMITS.tag, { optional: true })
  tags?: string[];

  @VisibilityField(true)
  visibility?: Visibility;

  @StageField(true)
  stage?: CaseStage;

  @TextField(LIMITS.department, { optional: true })
  contactDepartment?: string;
}
