import { Field, InputType } from '@nestjs/graphql';
import { IsOptional } from 'class-validator';
import { IsMunicipalityCode } from '../../../common/validators';

@InputType()
export class DeclarationTargetInput {
  @Field({ nullable: true, description: 'Defaults to the officer’s own municipality' })
  @IsOptional()
  @IsMunicipalityCode()
  municipalityCode?: string;
}
