import { applyDecorators } from '@nestjs/common';
import { Field, Float, InputType, Int } from '@nestjs/graphql';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsEmail,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import {
  CASE_STAGES,
  CASE_STUDY_LIMITS,
  CASE_TARGETS,
  CASE_THEMES,
  VISIBILITIES,
  type CaseStage,
  type CaseTarget,
  type CaseTheme,
  type Visibility,
} from '@yokoten/case-studies';
import { DateScalar } from '../../../graphql/date.scalar';
import { CaseStageEnum, CaseTargetEnum, CaseThemeEnum, VisibilityEnum } from '../../../graphql/enums';
import { oneLine, trim } from '../../../common/transforms';

/**
 * The field rules of CreateCaseStudyInput and UpdateCaseStudyInput, written once. `optional` fields may be
 * left out, but an explicit null is refused for anything that has no "empty" meaning (null cannot clear a
 * title); budgetYen, contactEmail and contactPhone accept null to clear them.
 */
// The numbers are the library's (the web's editor checks the same ones); the inputs import them as LIMITS.
export const LIMITS = CASE_STUDY_LIMITS;

const trimEach = ({ value }: { value: unknown }) =>
  Array.isArray(value) ? value.map((v) => (typeof v === 'string' ? v.trim() : v)) : value;
const blankToNull = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? (value.trim() === '' ? null : value.trim()) : value;

/** Optional, but not null: validators run for every value except a missing one. */
const NotNullIfPresent = () => ValidateIf((_object, value) => value !== undefined);
const presence = (optional: boolean) => (optional ? [NotNullIfPresent()] : []);

export function TextField(
  max: number,
  options: { optional: boolean; required?: boolean; oneLine?: boolean; description?: string },
) {
  return applyDecorators(
    Field(() => String, { nullable: options.optional, description: options.description }),
    Transform(options.oneLine ? oneLine : trim),
    ...presence(options.optional),
    IsString(),
    ...(options.required
      ? [IsNotEmpty({ message: ({ property }) => `${property} を入力してください (required)` })]
      : []),
    MaxLength(max),
  );
}

export function StringListField(
  maxItems: number,
  maxLength: number,
  options: { optional: boolean; description?: string },
) {
  return applyDecorators(
    Field(() => [String], { nullable: options.optional, description: options.description }),
    Transform(trimEach),
    ...presence(options.optional),
    IsArray(),
    ArrayMaxSize(maxItems),
    ArrayUnique(),
    IsString({ each: true }),
    IsNotEmpty({ each: true }),
    MaxLength(maxLength, { each: true }),
  );
}

/** A list of distinct values of one taxonomy (themes, targets). */
function TaxonomyListField(enumType: object, values: readonly string[], optional: boolean) {
  return applyDecorators(
    Field(() => [enumType], { nullable: optional }),
    ...presence(optional),
    IsArray(),
    ArrayMaxSize(values.length),
    ArrayUnique(),
    IsIn(values, { each: true }),
  );
}

export const ThemesField = (optional: boolean) => TaxonomyListField(CaseThemeEnum, CASE_THEMES, optional);

export const TargetsField = (optional: boolean) => TaxonomyListField(CaseTargetEnum, CASE_TARGETS, optional);

export function FiscalYearsField(optional: boolean) {
  return applyDecorators(
    Field(() => [Int], { nullable: optional, description: '年度 (April–March), 2000–2100' }),
    ...presence(optional),
    IsArray(),
    ArrayMaxSize(LIMITS.listItems),
    ArrayUnique(),
    IsInt({ each: true }),
    Min(LIMITS.fiscalYearMin, { each: true }),
    Max(LIMITS.fiscalYearMax, { each: true }),
  );
}

export function BudgetField() {
  return applyDecorators(
    Field(() => Float, { nullable: true, description: 'Whole yen, 0 – 1,000,000,000,000; null: unknown' }),
    IsOptional(),
    IsInt({ message: 'budgetYen must be a whole number of yen' }),
    Min(0),
    Max(LIMITS.budgetMax),
  );
}

export function VisibilityField(optional: boolean) {
  return applyDecorators(
    Field(() => VisibilityEnum, { nullable: true, ...(optional ? {} : { defaultValue: 'PUBLIC' }) }),
    NotNullIfPresent(),
    IsIn(VISIBILITIES),
  );
}

export function StageField(optional: boolean) {
  return applyDecorators(
    Field(() => CaseStageEnum, { nullable: true, ...(optional ? {} : { defaultValue: 'IN_PROGRESS' }) }),
    NotNullIfPresent(),
    IsIn(CASE_STAGES),
  );
}

@InputType({ description: '成果指標: a measured result' })
export class OutcomeInput {
  @Field({ description: 'e.g. 受講者数' })
  @Transform(oneLine)
  @IsString()
  @IsNotEmpty()
  @MaxLength(LIMITS.outcomeLabel)
  label: string;

  @Field(() => Float, { nullable: true, description: 'Value before; null when there was nothing before' })
  @IsOptional()
  @IsNumber()
  @Min(-LIMITS.outcomeAbsMax)
  @Max(LIMITS.outcomeAbsMax)
  before?: number | null;

  @Field(() => Float)
  @IsNumber()
  @Min(-LIMITS.outcomeAbsMax)
  @Max(LIMITS.outcomeAbsMax)
  after: number;

  @Field({ description: 'e.g. 人, 件, %' })
  @Transform(oneLine)
  @IsString()
  @MaxLength(LIMITS.outcomeUnit)
  unit: string;

  @Field(() => DateScalar, { nullable: true, description: 'When `after` was measured (YYYY-MM-DD)' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  asOf?: string | null;
}

export function OutcomesField(optional: boolean) {
  return applyDecorators(
    Field(() => [OutcomeInput], { nullable: optional, description: 'At most 10' }),
    ...presence(optional),
    IsArray(),
    ArrayMaxSize(LIMITS.outcomes),
    ValidateNested({ each: true }),
    Type(() => OutcomeInput),
  );
}

export function ContactEmailField() {
  return applyDecorators(
    Field(() => String, {
      nullable: true,
      description: 'Shown to officers of member municipalities and staff only; null clears it',
    }),
    Transform(blankToNull),
    IsOptional(),
    IsEmail({}, { message: 'contactEmail must be an email address' }),
    MaxLength(LIMITS.email),
  );
}

export function ContactPhoneField() {
  return applyDecorators(
    Field(() => String, {
      nullable: true,
      description: 'Shown to officers of member municipalities and staff only; null clears it',
    }),
    Transform(blankToNull),
    IsOptional(),
    Matches(/^\+?[0-9][0-9\- ()]{5,38}$/, {
      message: 'contactPhone must be a phone number, e.g. 093-582-2102',
    }),
    MaxLength(LIMITS.phone),
  );
}

/**
 * The fields of CreateCaseStudyInput (`update` false) and UpdateCaseStudyInput (`update` true), in one
 * list: on update the title, visibility and stage may be left out too, and a few descriptions speak of
 * publishing only on create. Each input extends it with its own key (municipalityCode, expectedVersion),
 * which class-validator checks first, then these in this order, as when each input listed them.
 */
export function CaseStudyFieldSet(update: boolean) {
  const onCreate = (description: string) => (update ? undefined : description);

  @InputType({ isAbstract: true })
  abstract class CaseStudyFields {
    @TextField(LIMITS.title, { optional: update, required: true, oneLine: true })
    title?: string;

    @TextField(LIMITS.summary, { optional: true, description: onCreate('At least 20 characters to publish') })
    summary?: string;

    @TextField(LIMITS.body, {
      optional: true,
      description: update ? 'Markdown' : 'Markdown; at least 100 characters to publish',
    })
    body?: string;

    @ThemesField(true)
    themes?: CaseTheme[];

    @TargetsField(true)
    targets?: CaseTarget[];

    @StringListField(LIMITS.tags, LIMITS.tag, {
      optional: true,
      description: onCreate('At most 20, each ≤ 40 characters'),
    })
    tags?: string[];

    @FiscalYearsField(true)
    fiscalYears?: number[];

    @BudgetField()
    budgetYen?: number | null;

    @VisibilityField(update)
    visibility?: Visibility;

    @StageField(update)
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

    @TextField(LIMITS.department, {
      optional: true,
      description: onCreate('担当部署, e.g. 産業経済局 DX推進課'),
    })
    contactDepartment?: string;

    @ContactEmailField()
    contactEmail?: string | null;

    @ContactPhoneField()
    contactPhone?: string | null;
  }
  return CaseStudyFields;
}
