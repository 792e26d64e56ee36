import { Field, InputType } from '@nestjs/graphql';
import type { CaseStage, CaseTarget, CaseTheme, Visibility } from '@yokoten/case-studies';
import { IsOptional } from 'class-validator';
import { IsMunicipalityCode } from '../../../common/validators';
import {
  BudgetField,
  ContactEmailField,
  ContactPhoneField,
  FiscalYearsField,
  LIMITS,
  OutcomesField,
  StageField,
  StringListField,
  TargetsField,
  TextField,
  ThemesField,
  VisibilityField,
  type OutcomeInput,
} from './case-study-fields';

/** A new DRAFT: only the title is needed now; the rest is checked when it is published. */
@InputType()
export class CreateCaseStudyInput {
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

  @ThemesField(true)
  themes?: CaseTheme[];

  @TargetsField(true)
  targets?: CaseTarget[];

  @StringListField(LIMITS.tags, LIMITS.tag, {
    optional: true,
    description: 'At most 20, each ≤ 40 characters',
  })
  tags?: string[];

  @FiscalYearsField(true)
  fiscalYears?: number[];

  @BudgetField()
  budgetYen?: number | null;

  @VisibilityField(false)
  visibility?: Visibility;

  @StageField(false)
  stage?: CaseStage;

  @OutcomesField(true)
  outcomes?: OutcomeInput[];

  @TextField(LIMITS.longText, { optional: true })
  lessonsLearned?: string;

  @TextField(LIMITS.longText, { optional: true })
  challenges?: string;

  @TextField(LIMITS.longText, { optional: true })
  successConditions?: string;

  @StringListField(LIMITS.listItems, LIMITS.listItem, { optional: true })
  fundingSources?: string[];

  @StringListField(LIMITS.listItems, LIMITS.listItem, { optional: true })
  partners?: string[];

  @TextField(LIMITS.department, { optional: true, description: '担当部署, e.g. 産業経済局 DX推進課' })
  contactDepartment?: string;

  @ContactEmailField()
  contactEmail?: string | null;

  @ContactPhoneField()
  contactPhone?: string | null;
}
