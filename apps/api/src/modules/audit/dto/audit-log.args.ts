import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsDate,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
} from 'class-validator';
import { trim } from '../../../common/transforms';
import { CursorField, NestedInput, PageSizeField } from '../../../common/validators';

@InputType()
export class AuditLogFilter {
  @Field(() => [String], { nullable: true, description: 'Any of these actions, e.g. ["municipality.admit"]' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(60, { each: true })
  @Matches(/^[A-Za-z]+\.[A-Za-z]+$/, { each: true, message: 'actions must be names like user.invite' })
  actions?: string[];

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  actorUserId?: string;

  @Field(() => String, {
    nullable: true,
    description: 'e.g. user, invitation, municipality, joinApplication',
  })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(40)
  subjectType?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(100)
  subjectId?: string;

  @Field(() => Date, { nullable: true, description: 'Entries at or after this time' })
  @IsOptional()
  @IsDate()
  from?: Date;

  @Field(() => Date, { nullable: true, description: 'Entries before this time' })
  @IsOptional()
  @IsDate()
  to?: Date;
}

@ArgsType()
export class AuditLogArgs {
  @NestedInput(() => AuditLogFilter, { optional: true })
  filter?: AuditLogFilter;

  @PageSizeField(50, 100)
  first?: number;

  @CursorField(100, 'pageInfo.endCursor of the previous page')
  after?: string;
}
