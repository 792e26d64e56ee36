import { ArgsType, Field, InputType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsEmail,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  MaxLength,
  ValidateIf,
} from 'class-validator';
import { CASE_THEMES, type CaseTheme } from '@yokoten/case-studies';
import { CaseThemeEnum } from '../../../graphql/enums';
import { oneLine, trim } from '../../../common/transforms';
import { IsMunicipalityCode, NestedInput, NestedInputList } from '../../../common/validators';

export const PROFILE_INTRODUCTION_MAX = 2000;
export const PROFILE_PLAN_LINKS_MAX = 10;

/** null or '' clears a field; an omitted field stays as it is. */
const present = (_: object, v: unknown) => v !== null && v !== undefined && v !== '';

@InputType()
export class PlanLinkInput {
  @Field()
  @Transform(oneLine)
  @IsString()
  @IsNotEmpty({ message: 'label should not be empty' })
  @MaxLength(100)
  label: string;

  @Field({ description: 'http:// or https:// only' })
  @Transform(trim)
  @IsString()
  @MaxLength(2000)
  @IsUrl(
    { protocols: ['http', 'https'], require_protocol: true, require_valid_protocol: true },
    { message: 'url must be an http:// or https:// address' },
  )
  url: string;
}

@InputType({ description: 'Omitted fields stay as they are; null (or an empty text) clears one' })
export class MunicipalityProfileInput {
  @Field(() => String, { nullable: true })
  @Transform(oneLine)
  @ValidateIf(present)
  @IsString()
  @MaxLength(100)
  dxDepartment?: string | null;

  @Field(() => String, { nullable: true })
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? value.trim().toLowerCase() : value,
  )
  @ValidateIf(present)
  @IsEmail({}, { message: 'contactEmail must be an e-mail address' })
  @MaxLength(254)
  contactEmail?: string | null;

  @Field(() => String, { nullable: true })
  @Transform(oneLine)
  @ValidateIf(present)
  @IsString()
  @MaxLength(40)
  @Matches(/^[0-9０-９+＋\-－‐()（） ]+$/, {
    message: 'contactPhone must be a telephone number (digits, +, -, parentheses)',
  })
  contactPhone?: string | null;

  @Field(() => String, { nullable: true, description: `Up to ${PROFILE_INTRODUCTION_MAX} characters` })
  @Transform(trim)
  @ValidateIf(present)
  @IsString()
  @MaxLength(PROFILE_INTRODUCTION_MAX)
  introduction?: string | null;

  @NestedInputList(() => PlanLinkInput, PROFILE_PLAN_LINKS_MAX, {
    optional: true,
    description: `Up to ${PROFILE_PLAN_LINKS_MAX}`,
  })
  planLinks?: PlanLinkInput[] | null;

  @Field(() => [CaseThemeEnum], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(CASE_THEMES.length)
  @ArrayUnique()
  @IsIn(CASE_THEMES, { each: true })
  focusThemes?: CaseTheme[] | null;
}

@ArgsType()
export class UpdateMunicipalityProfileArgs {
  @Field()
  @IsMunicipalityCode()
  code: string;

  @NestedInput(() => MunicipalityProfileInput)
  input: MunicipalityProfileInput;
}
