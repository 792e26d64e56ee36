import { ArgsType, Field, InputType, Int } from '@nestjs/graphql';
import { Transform, Type } from 'class-transformer';
import {
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsMunicipalityCode } from '../../../common/validators';
import { trim } from '../../../common/transforms';

export const MAX_DESCRIPTION_LENGTH = 2000;
export const MAX_PRECEDENTS = 50;

@InputType({
  description: '先行事例を探す: the situation in the official’s own words, and whose situation it is',
})
export class FindPrecedentsInput {
  @Field({ description: `Free text in Japanese (1–${MAX_DESCRIPTION_LENGTH} characters)` })
  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'description を入力してください (describe the situation)' })
  @MaxLength(MAX_DESCRIPTION_LENGTH)
  description: string;

  @Field({
    nullable: true,
    description:
      'The municipality looking (population band, kind, prefecture); officers: their own when omitted',
  })
  @IsOptional()
  @IsMunicipalityCode()
  municipalityCode?: string;

  @Field(() => Int, { nullable: true, defaultValue: 10, description: `1–${MAX_PRECEDENTS}` })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_PRECEDENTS)
  limit?: number;
}

@ArgsType()
export class FindPrecedentsArgs {
  @Field(() => FindPrecedentsInput)
  @ValidateNested()
  @Type(() => FindPrecedentsInput)
  input: FindPrecedentsInput;
}
