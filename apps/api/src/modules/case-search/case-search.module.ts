import { Module } from '@nestjs/common';
import { CaseSearchRepository } from './case-search.repository';
import { CaseSearchResolver } from './case-search.resolver';
import { CaseSearchService } from './case-search.service';

/** searchCaseStudies and similarCaseStudies: reads the index (SearchModule) and hydrates from PostgreSQL. */
@Module({
  providers: [CaseSearchService, CaseSearchRepository, CaseSearchResolver],
  // The repository's prepared hydration also serves the precedent finder's shown cases.
  exports: [CaseSearchService, CaseSearchRepository],
})
export class CaseSearchModule {}
