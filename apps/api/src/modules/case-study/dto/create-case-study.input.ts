import { Field, InputType } from '@nestjs/graphql';
import { IsOptional } from 'class-validator';
import { IsMunicipalityCode } from '../../../common/validators';
import { CaseStudyFieldSet } from './case-study-fields';

/** A new DRAFT: only the title is needed now; the rest is checked when it is published. */
@InputType()
export class CreateCaseStudyInput extends CaseStudyFieldSet(false) {
  @Field(() => String, {
    nullable: true,
    description: 'Admins only: whose case it is. Officers create for their own municipality.',
  })
  @IsOptional()
  @IsMunicipalityCode()
  municipalityCode?: string;

  // Required here (the field set validates it so); only the type says it.
  declare title: string;
}
