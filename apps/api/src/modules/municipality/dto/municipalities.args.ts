import { ArgsType, Field, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  MEMBERSHIP_STATUSES,
  MUNICIPALITY_KINDS,
  type MembershipStatus,
  type MunicipalityKind,
} from '@yokoten/case-studies';
import { MembershipStatusEnum, MunicipalityKindEnum } from '../../../graphql/enums';
import { IsPrefectureCode } from '../../../common/validators';

@InputType()
export class MunicipalityFilter {
  @Field(() => [String], { nullable: true, description: 'JIS prefecture codes, e.g. ["40", "13"]' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(47)
  @IsPrefectureCode({ each: true })
  prefectureCodes?: string[];

  @Field(() => [MunicipalityKindEnum], { nullable: true })
  @IsOptional()
  @IsArray()
  @IsIn(MUNICIPALITY_KINDS, { each: true })
  kinds?: MunicipalityKind[];

  @Field(() => [MembershipStatusEnum], { nullable: true })
  @IsOptional()
  @IsArray()
  @IsIn(MEMBERSHIP_STATUSES, { each: true })
  membershipStatuses?: MembershipStatus[];

  @Field(() => String, {
    nullable: true,
    description: 'Name, kana, English name, or a 団体コード or its first digits; kana and width insensitive',
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  search?: string;
}

@ArgsType()
export class MunicipalitiesArgs {
  @Field(() => MunicipalityFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => MunicipalityFilter)
  filter?: MunicipalityFilter;

  @Field(() => Int, { nullable: true, defaultValue: 20, description: 'Page size, 1–100' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100)
  first?: number;

  @Field(() => String, { nullable: true, description: 'endCursor of the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  after?: string;
}
