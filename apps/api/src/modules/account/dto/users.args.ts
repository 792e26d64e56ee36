import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsDate,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
} from 'class-validator';
import { ROLES, type Role } from '@yokoten/case-studies';
import { oneLine } from '../../../common/transforms';
import { CursorField, IsMunicipalityCode, NestedInput, PageSizeField } from '../../../common/validators';
import { RoleEnum } from '../../../graphql/enums';
import { USER_STATUSES, type UserStatus } from '../../auth/user.entity';
import { UserStatusEnum } from '../models/account-enums';

@InputType()
export class UserFilter {
  @Field({ nullable: true })
  @IsOptional()
  @IsMunicipalityCode()
  municipalityCode?: string;

  @Field(() => [RoleEnum], { nullable: true })
  @IsOptional()
  @IsArray()
  @IsIn(ROLES, { each: true })
  roles?: Role[];

  @Field(() => [UserStatusEnum], { nullable: true })
  @IsOptional()
  @IsArray()
  @IsIn(USER_STATUSES, { each: true })
  statuses?: UserStatus[];

  @Field({ nullable: true, description: 'Part of the name, e-mail or department' })
  @IsOptional()
  @Transform(oneLine)
  @IsString()
  @MaxLength(100)
  query?: string;

  @Field({
    nullable: true,
    description: 'Last logged in before this time (never logged in: see neverLoggedIn)',
  })
  @IsOptional()
  @IsDate()
  lastLoginBefore?: Date;

  @Field({ nullable: true })
  @IsOptional()
  @IsBoolean()
  neverLoggedIn?: boolean;
}

@ArgsType()
export class UsersArgs {
  @NestedInput(() => UserFilter, { optional: true })
  filter?: UserFilter;

  @PageSizeField(50, 200)
  first?: number;

  @CursorField(400)
  after?: string;
}

@ArgsType()
export class ChangeUserRoleArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'id must be the id of a user' })
  id: string;

  @Field(() => RoleEnum)
  @IsIn(ROLES)
  role: Role;

  @Field({ nullable: true, description: 'Required for OFFICER' })
  @IsOptional()
  @IsMunicipalityCode()
  municipalityCode?: string;
}

@ArgsType()
export class UserIdArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'id must be the id of a user' })
  id: string;
}

@ArgsType()
export class InvitationIdArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'id must be the id of an invitation' })
  id: string;
}

@InputType()
export class InvitationSettingsInput {
  @Field()
  @IsBoolean()
  restrictOfficerDomains: boolean;

  @Field(() => [String], {
    description: 'e.g. ["lg.jp"]; an address is allowed when its domain is one of these or under one',
  })
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @MaxLength(253, { each: true })
  allowedDomains: string[];
}
