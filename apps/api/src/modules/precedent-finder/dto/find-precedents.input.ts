import { ArgsType, Field, InputType, Int } from '@nestjs/graphql';
import { Transform, Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { POPULATION_BANDS, type PopulationBand } from '@yokoten/case-studies';
import { IsMunicipalityCode, IsPrefectureCode } from '../../../common/validators';
import { PopulationBandEnum } from '../../../graphql/enums';
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
      'The municipality looking (population band, kind, prefecture), any in the register; officers: their own when nothing else is given',
  })
  @IsOptional()
  @IsMunicipalityCode()
  municipalityCode?: string;

  @Field(() => PopulationBandEnum, {
    nullable: true,
    description:
      'Without municipalityCode: the size of the municipality looking (for one that does not want to, or cannot, name itself)',
  })
  @IsOptional()
  @IsIn(POPULATION_BANDS)
  populationBand?: PopulationBand;

  @Field({
    nullable: true,
    description: 'Without municipalityCode: the prefecture of the municipality looking (JIS code 01–47)',
  })
  @IsOptional()
  @IsPrefectureCode()
  prefectureCode?: string;

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
