import { ArgsType, Field, InputType, Int } from '@nestjs/graphql';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { CASE_THEMES, type CaseTheme } from '@yokoten/case-studies';
import { CaseThemeEnum } from '../../../graphql/enums';
import { trim } from '../../../common/transforms';

@InputType({ description: 'What an officer has written so far of a new case' })
export class CasesLikeDraftInput {
  @Field({ nullable: true })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(200)
  title?: string;

  @Field({ nullable: true })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(2000)
  summary?: string;

  @Field(() => [CaseThemeEnum], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(12)
  @IsIn(CASE_THEMES, { each: true })
  themes?: CaseTheme[];

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(50, { each: true })
  tags?: string[];

  @Field(() => Int, { nullable: true, defaultValue: 5, description: '1–20' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(20)
  limit?: number;
}

@ArgsType()
export class CasesLikeDraftArgs {
  @Field(() => CasesLikeDraftInput)
  @ValidateNested()
  @Type(() => CasesLikeDraftInput)
  input: CasesLikeDraftInput;
}
