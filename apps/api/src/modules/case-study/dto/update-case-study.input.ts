import { Field, InputType, Int } from '@nestjs/graphql';
import type { CaseStage, CaseTarget, CaseTheme, Visibility } from '@yokoten/case-studies';
import { IsInt, IsOptional, Min } from 'class-validator';
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

/** The fields of CreateCaseStudyInput, all optional: only what is sent changes. */
@InputType()
export class UpdateCaseStudyInput {
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

  @ThemesField(true)
  themes?: CaseTheme[];

  @TargetsField(true)
  targets?: CaseTarget[];

  @StringListField(LIMITS.tags, LIMITS.tag, { optional: true })
  tags?: string[];

  @FiscalYearsField(true)
  fiscalYears?: number[];

  @BudgetField()
  budgetYen?: number | null;

  @VisibilityField(true)
  visibility?: Visibility;

  @StageField(true)
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

  @TextField(LIMITS.department, { optional: true })
  contactDepartment?: string;

  @ContactEmailField()
  contactEmail?: string | null;

  @ContactPhoneField()
  contactPhone?: string | null;
}
