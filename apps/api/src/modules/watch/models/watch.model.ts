import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import type {
  CaseStage,
  CaseTarget,
  CaseTheme,
  MunicipalityKind,
  PopulationBand,
} from '@yokoten/case-studies';
import { CaseStudy } from '../../case-study/models/case-study.model';
import {
  CaseStageEnum,
  CaseTargetEnum,
  CaseThemeEnum,
  MunicipalityKindEnum,
  PopulationBandEnum,
} from '../../../graphql/enums';

@ObjectType({
  description: 'A case the user watches (mail when it is updated, followed or gets a public FAQ)',
})
export class CaseWatch {
  @Field(() => CaseStudy)
  caseStudy: CaseStudy;

  @Field({ description: 'When the user started watching' })
  createdAt: Date;
}

@ObjectType({ description: 'The filters of a saved search, as CaseStudyFilter takes them' })
export class SavedSearchFilter {
  @Field(() => [CaseThemeEnum], { nullable: true })
  themes?: CaseTheme[];

  @Field(() => [CaseTargetEnum], { nullable: true })
  targets?: CaseTarget[];

  @Field(() => [String], { nullable: true })
  prefectureCodes?: string[];

  @Field(() => [PopulationBandEnum], { nullable: true })
  populationBands?: PopulationBand[];

  @Field(() => [MunicipalityKindEnum], { nullable: true })
  municipalityKinds?: MunicipalityKind[];

  @Field(() => [CaseStageEnum], { nullable: true })
  stages?: CaseStage[];

  @Field(() => Int, { nullable: true })
  fiscalYearFrom?: number;

  @Field(() => Int, { nullable: true })
  fiscalYearTo?: number;

  @Field(() => Float, { nullable: true })
  budgetYenMax?: number;

  @Field(() => String, { nullable: true })
  municipalityCode?: string;

  @Field(() => Int, { nullable: true })
  adoptionCountMin?: number;
}

@ObjectType({ description: 'A saved search with its weekly digest of newly published matches' })
export class SavedSearch {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field({ description: 'The words ("" for filters only)' })
  query: string;

  @Field(() => SavedSearchFilter)
  filter: SavedSearchFilter;

  @Field({ description: 'Weekly digest mail on (Monday 08:00 JST)' })
  digestEnabled: boolean;

  @Field({ description: 'The next digest: cases first published after lastDigestAt and up to it' })
  nextDigestAt: Date;

  @Field({
    description: 'The end of the window the last digest covered (the creation time before the first)',
  })
  lastDigestAt: Date;

  @Field()
  createdAt: Date;
}
