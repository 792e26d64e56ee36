import { ArgsType, Field, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import {
  MEMBERSHIP_STATUSES,
  MUNICIPALITY_KINDS,
  type MembershipStatus,
  type MunicipalityKind,
} from '@yokoten/case-studies';
import { MembershipStatusEnum, MunicipalityKindEnum } from '../../../graphql/enums';
import { CursorField, IsPrefectureCode, NestedInput, PageSizeField } from '../../../common/validators';

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
  @NestedInput(() => MunicipalityFilter, { optional: true })
  filter?: MunicipalityFilter;

  @PageSizeField(20, 100)
  first?: number;

  @CursorField(200, 'endCursor of the previous page')
  after?: string;
}
