import { Field, InputType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsEmail, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { ROLES, type Role } from '@yokoten/case-studies';
import { oneLine } from '../../../common/transforms';
import { IsMunicipalityCode } from '../../../common/validators';
import { RoleEnum } from '../../../graphql/enums';

export const lowerEmail = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.normalize('NFKC').trim().toLowerCase() : value;
const EMAIL_MESSAGE = 'email はメールアドレスの形式で入力してください (email must be an email address)';

@InputType()
export class InviteUserInput {
  @Field()
  @Transform(lowerEmail)
  @IsEmail({}, { message: EMAIL_MESSAGE })
  @MaxLength(254)
  email: string;

  @Field(() => RoleEnum)
  @IsIn(ROLES)
  role: Role;

  @Field({
    nullable: true,
    description: 'An OFFICER’s municipality (an officer inviting: their own by default)',
  })
  @IsOptional()
  @IsMunicipalityCode()
  municipalityCode?: string;

  @Field({ nullable: true, description: 'The invitee’s name as the inviter knows it (they may change it)' })
  @IsOptional()
  @Transform(oneLine)
  @IsString()
  @MaxLength(100)
  name?: string;
}
