import { Field, InputType } from '@nestjs/graphql';
import type { CaseStage, Visibility } from '@yokoten/case-studies';
import { IsOptional } from 'class-validator';
import { IsMunicipalityCode } from '../../../common/validators';
import {
  CaseStudyDetailsInput,
  LIMITS,
  StageField,
  StringListField,
  TextField,
  VisibilityField,
} from './case-study-fields';

/** A new DRAFT: only the title is needed now; the rest is checked when it is published. */
@InputType()
export class CreateCaseStudyInput extends CaseStudyDetailsInput {
  @Field(() => String, {
    nullable: true,
    description: 'Admins only: whose case it is. Officers create for their own municipality.',
  })
  @IsOptional()
  @IsMunicipalityCode()
  municipalityCode?: string;

  @TextField(LIMITS.title, { optional: false, required: true, oneLine: true })
  title: string;

  @TextField(LIMITS.summary, { optional: true, description: 'At least 20 characters to publish' })
  summary?: string;

  @TextField(LIMITS.body, { optional: true, description: 'Markdown; at least 100 characters to publish' })
  body?: string;

  @StringListField(LIMITS.tags, LIMITS.tag, {
    optional: true,
    description: 'At most 20, each ≤ 40 characters',
  })
  tags?: string[];

  @VisibilityField(false)
  visibility?: Visibility;

  @StageField(false)
  stage?: CaseStage;

  @TextField(LIMITS.department, { optional: true, description: '担当部署, e.g. 産業経済局 DX推進課' })
  contactDepartment?: string;
}
