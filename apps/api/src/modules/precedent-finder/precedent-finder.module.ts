import { Module } from '@nestjs/common';
import { AdoptionModule } from '../adoption/adoption.module';
import { CaseSearchModule } from '../case-search/case-search.module';
import { CaseStudyModule } from '../case-study/case-study.module';
import { PrecedentFinderRepository } from './precedent-finder.repository';
import { PrecedentFinderResolver } from './precedent-finder.resolver';
import { PrecedentFinderService } from './precedent-finder.service';

/** findPrecedents: the search index's candidates re-ranked by the shared library's scorePrecedent. */
@Module({
  imports: [CaseStudyModule, CaseSearchModule, AdoptionModule],
  providers: [PrecedentFinderService, PrecedentFinderRepository, PrecedentFinderResolver],
})
export class PrecedentFinderModule {}
