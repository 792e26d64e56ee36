import { Field, InputType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { oneLine } from '../../../common/transforms';
import { USER_LOCALES, type UserLocale } from '../../auth/user.entity';
import { LocaleEnum } from '../models/account-enums';
import { NestedInput } from '../../../common/validators';

@InputType()
export class MailPreferencesInput {
  @Field({ nullable: true, description: 'Registrations, waitlist, reminders, changes of a session' })
  @IsOptional()
  @IsBoolean()
  sessionNotices?: boolean;

  @Field({ nullable: true, description: 'Someone follows one of our cases (横展開)' })
  @IsOptional()
  @IsBoolean()
  adoptionNotices?: boolean;

  @Field({ nullable: true, description: 'Questions and answers' })
  @IsOptional()
  @IsBoolean()
  inquiryNotices?: boolean;

  @Field({ nullable: true, description: 'Watched cases and the weekly digests of saved searches' })
  @IsOptional()
  @IsBoolean()
  watchNotices?: boolean;
}

/** Only what is given changes; an empty string clears title, department and phone. */
@InputType()
export class UpdateMyProfileInput {
  @Field({ nullable: true })
  @IsOptional()
  @Transform(oneLine)
  @IsString()
  @IsNotEmpty({ message: 'name を入力してください (name must not be empty)' })
  @MaxLength(100)
  name?: string;

  @Field({ nullable: true })
  @IsOptional()
  @Transform(oneLine)
  @IsString()
  @MaxLength(100)
  title?: string;

  @Field({ nullable: true })
  @IsOptional()
  @Transform(oneLine)
  @IsString()
  @MaxLength(100)
  department?: string;

  @Field({ nullable: true, description: 'Digits, spaces, +, -, (, ), 内線 / ext.' })
  @IsOptional()
  @Transform(oneLine)
  @IsString()
  @MaxLength(40)
  @Matches(/^$|^[0-9０-９+＋\-－ー()（）\s内線ext.]+$/i, {
    message: 'phone は電話番号の形式で入力してください (phone must be a phone number)',
  })
  phone?: string;

  @Field(() => LocaleEnum, { nullable: true })
  @IsOptional()
  @IsIn(USER_LOCALES)
  locale?: UserLocale;

  @NestedInput(() => MailPreferencesInput, { optional: true })
  mailPreferences?: MailPreferencesInput;
}
