import { Field, ObjectType } from '@nestjs/graphql';
import type { CaseTheme } from '@yokoten/case-studies';
import { CaseThemeEnum } from '../../../graphql/enums';

@ObjectType()
export class PlanLink {
  @Field()
  label: string;

  @Field({ description: 'http(s) URL' })
  url: string;
}

@ObjectType({ description: 'What a member municipality tells the network about itself (public)' })
export class MunicipalityProfile {
  @Field(() => String, { nullable: true, description: 'DX推進担当部署' })
  dxDepartment: string | null;

  @Field(() => String, { nullable: true })
  contactEmail: string | null;

  @Field(() => String, { nullable: true })
  contactPhone: string | null;

  @Field(() => String, { nullable: true, description: 'Up to 2,000 characters' })
  introduction: string | null;

  @Field(() => [PlanLink])
  planLinks: PlanLink[];

  @Field(() => [CaseThemeEnum], { description: 'Themes it is working on' })
  focusThemes: CaseTheme[];

  @Field(() => Date, { nullable: true })
  updatedAt: Date | null;
}
