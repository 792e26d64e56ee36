import { Field, InputType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { oneLine } from '../../../common/transforms';
import { LinkTokenField, NewPasswordField } from './password.input';

@InputType()
export class AcceptInvitationInput {
  @LinkTokenField()
  token: string;

  @NewPasswordField()
  password: string;

  @Field()
  @Transform(oneLine)
  @IsString()
  @IsNotEmpty({ message: 'name を入力してください (name is required)' })
  @MaxLength(100)
  name: string;

  @Field({ nullable: true, description: '役職' })
  @IsOptional()
  @Transform(oneLine)
  @IsString()
  @MaxLength(100)
  title?: string;

  @Field({ nullable: true, description: '所属' })
  @IsOptional()
  @Transform(oneLine)
  @IsString()
  @MaxLength(100)
  department?: string;
}
