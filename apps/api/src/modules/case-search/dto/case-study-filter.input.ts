import { Field, Float, InputType, Int } from '@nestjs/graphql';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  Max,
  Min,
  registerDecorator,
  type ValidationArguments,
} from 'class-validator';
import {
  CASE_STAGES,
  CASE_TARGETS,
  CASE_THEMES,
  MUNICIPALITY_KINDS,
  POPULATION_BANDS,
  type CaseSearchFilter,
  type CaseStage,
  type CaseTarget,
  type CaseTheme,
  type MunicipalityKind,
  type PopulationBand,
} from '@yokoten/case-studies';
import { IsMunicipalityCode, IsPrefectureCode } from '../../../common/validators';
import {
  CaseStageEnum,
  CaseTargetEnum,
  CaseThemeEnum,
  MunicipalityKindEnum,
  PopulationBandEnum,
} from '../../../graphql/enums';

/** The end of a range must not come before its start (`other` is the start's property). */
function IsNotBefore(other: string): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isNotBefore',
      target: target.constructor,
      propertyName: String(propertyName),
      constraints: [other],
      options: { message: ({ property }) => `${property} must not be before ${other}` },
      validator: {
        validate(value: unknown, args: ValidationArguments) {
          const start = (args.object as Record<string, unknown>)[other];
          return typeof value !== 'number' || typeof start !== 'number' || value >= start;
        },
      },
    });
}

/** Narrowing of a search. Several values of one field are alternatives; fields combine with AND. */
@InputType()
export class CaseStudyFilter implements CaseSearchFilter {
  @Field(() => [CaseThemeEnum], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(CASE_THEMES.length)
  @IsIn(CASE_THEMES, { each: true })
  themes?: CaseTheme[];

  @Field(() => [CaseTargetEnum], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(CASE_TARGETS.length)
  @IsIn(CASE_TARGETS, { each: true })
  targets?: CaseTarget[];

  @Field(() => [String], { nullable: true, description: 'JIS prefecture codes, e.g. ["40", "13"]' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(47)
  @IsPrefectureCode({ each: true })
  prefectureCodes?: string[];

  @Field(() => [PopulationBandEnum], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(POPULATION_BANDS.length)
  @IsIn(POPULATION_BANDS, { each: true })
  populationBands?: PopulationBand[];

  @Field(() => [MunicipalityKindEnum], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MUNICIPALITY_KINDS.length)
  @IsIn(MUNICIPALITY_KINDS, { each: true })
  municipalityKinds?: MunicipalityKind[];

  @Field(() => [CaseStageEnum], { nullable: true, description: 'How far the cases have come (構想, 実施中 …)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(CASE_STAGES.length)
  @IsIn(CASE_STAGES, { each: true })
  stages?: CaseStage[];

  @Field(() => Int, { nullable: true, description: '年度, inclusive (e.g. 2023 = 令和5年度)' })
  @IsOptional()
  @IsInt()
  @Min(1989)
  @Max(2100)
  fiscalYearFrom?: number;

  @Field(() => Int, { nullable: true, description: '年度, inclusive; not before fiscalYearFrom' })
  @IsOptional()
  @IsInt()
  @Min(1989)
  @Max(2100)
  @IsNotBefore('fiscalYearFrom')
  fiscalYearTo?: number;

  @Field(() => Float, { nullable: true, description: 'Budget at most this many yen' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  budgetYenMax?: number;

  @Field(() => String, {
    nullable: true,
    description: 'Only this municipality’s cases (全国地方公共団体コード)',
  })
  @IsOptional()
  @IsMunicipalityCode()
  municipalityCode?: string;

  @Field(() => Int, {
    nullable: true,
    description: '横展開: at least this many municipalities pilot or run the case',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(10_000)
  adoptionCountMin?: number;
}
