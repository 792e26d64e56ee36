import { ArgsType, Field, InputType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsEmail, IsString, MaxLength, MinLength } from 'class-validator';
import { Stacked } from '../../../common/stacked';
import { trim } from '../../../common/transforms';
import { lowerEmail } from './invite-user.input';

/** The token of a link sent by mail (password reset, invitation): its last path segment or the whole link. */
export const LinkTokenField = () =>
  Stacked(
    Field({ description: 'The last path segment of the link in the mail (or the whole link)' }),
    Transform(trim),
    IsString(),
    MaxLength(1000),
  );

/** A new password; its rules (length, common passwords, the e-mail) are checked by the service. */
export const NewPasswordField = () =>
  Stacked(
    Field({ description: '12–128 characters, not a common password, not containing the e-mail' }),
    IsString(),
    MaxLength(1000),
  );

@ArgsType()
export class RequestPasswordResetArgs {
  @Field()
  @Transform(lowerEmail)
  @IsEmail({}, { message: 'email はメールアドレスの形式で入力してください (email must be an email address)' })
  @MaxLength(254)
  email: string;
}

@InputType()
export class ResetPasswordInput {
  @LinkTokenField()
  token: string;

  @NewPasswordField()
  password: string;
}

@InputType()
export class ChangePasswordInput {
  @Field()
  @IsString()
  @MinLength(1, { message: 'currentPassword を入力してください (currentPassword is required)' })
  @MaxLength(1000)
  currentPassword: string;

  @NewPasswordField()
  newPassword: string;
}
