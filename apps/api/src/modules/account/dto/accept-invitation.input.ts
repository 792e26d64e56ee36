import { Field, InputType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { oneLine, trim } from '../../../common/transforms';

@InputType()
export class AcceptInvitationInput {
  @Field({ description: 'The last path segment of the link in the mail (or the whole link)' })
  @Transform(trim)
  @IsString()
  @MaxLength(1000)
  token: string;

  @Field({ description: '12–128 characters, not a common password, not containing the e-mail' })
  @IsString()
  @MaxLength(1000)
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
