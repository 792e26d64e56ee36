import { Field, InputType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsEmail, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { oneLine, trim } from '../../../common/transforms';
import { IsMunicipalityCode } from '../../../common/validators';

const lowerTrim = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.trim().toLowerCase() : value;
/** Full-width digits (１３１０１６) as typed on a Japanese keyboard are the same code. */
const codeDigits = ({ value }: { value: unknown }) =>
  typeof value === 'string'
    ? value.trim().replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    : value;

@InputType()
export class ApplyToJoinInput {
  @Field({ description: '全国地方公共団体コード, 6 digits with its check digit' })
  @Transform(codeDigits)
  @IsMunicipalityCode()
  municipalityCode: string;

  @Field({ description: 'Who applies (the future first officer)' })
  @Transform(oneLine)
  @IsString()
  @IsNotEmpty({ message: 'applicantName should not be empty' })
  @MaxLength(100)
  applicantName: string;

  @Field({ description: 'Their department (担当部署)' })
  @Transform(oneLine)
  @IsString()
  @IsNotEmpty({ message: 'department should not be empty' })
  @MaxLength(100)
  department: string;

  @Field({ description: 'Their work address; the invitation goes there when admitted' })
  @Transform(lowerTrim)
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @MaxLength(254)
  email: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(2000)
  message?: string;
}
