import { Field, InputType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { oneLine, trim } from '../../../common/transforms';

@InputType()
export class SignDeclarationInput {
  @Field({ description: 'Who signs, e.g. the mayor (市長)' })
  @Transform(oneLine)
  @IsString()
  @IsNotEmpty({ message: 'signerName を入力してください (signerName must not be empty)' })
  @MaxLength(100)
  signerName: string;

  @Field({ description: 'e.g. 北九州市長' })
  @Transform(oneLine)
  @IsString()
  @IsNotEmpty({ message: 'signerTitle を入力してください (signerTitle must not be empty)' })
  @MaxLength(100)
  signerTitle: string;

  @Field({ description: 'The municipality’s own commitment, in its words' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'statement を入力してください (statement must not be empty)' })
  @MaxLength(4000)
  statement: string;
}
