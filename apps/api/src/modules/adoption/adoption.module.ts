import { Module } from '@nestjs/common';
import { CaseStudyModule } from '../case-study/case-study.module';
import { MunicipalityModule } from '../municipality/municipality.module';
import { AdoptionEventResolver, AdoptionResolver, CaseStudyAdoptionResolver } from './adoption.resolver';
import { AdoptionRepository } from './adoption.repository';
import { AdoptionService } from './adoption.service';

export const ADOPTION_RESOLVERS = [AdoptionResolver, AdoptionEventResolver, CaseStudyAdoptionResolver];

/** 横展開: adoption records, their timelines, the chain of spread and CaseStudy.adoptionCount/adoptions. */
@Module({
  imports: [CaseStudyModule, MunicipalityModule],
  providers: [AdoptionRepository, AdoptionService, ...ADOPTION_RESOLVERS],
  exports: [AdoptionRepository, AdoptionService],
})
export class AdoptionModule {}
