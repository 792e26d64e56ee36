import { Module } from '@nestjs/common';
import { CaseSearchModule } from '../case-search/case-search.module';
import { CaseStudyModule } from '../case-study/case-study.module';
import { SavedSearchDigestScheduler, SavedSearchDigests } from './saved-search-digest';
import { CaseStudyWatchResolver, WatchLoaderFactory, WatchResolver } from './watch.resolver';
import { WatchRepository } from './watch.repository';
import { WatchService } from './watch.service';

export const WATCH_RESOLVERS = [WatchResolver, CaseStudyWatchResolver];

/** Watching cases, 「参考になった」, saved searches and their weekly digests (README.md). */
@Module({
  imports: [CaseStudyModule, CaseSearchModule],
  providers: [
    WatchRepository,
    WatchService,
    WatchLoaderFactory,
    SavedSearchDigests,
    SavedSearchDigestScheduler,
    ...WATCH_RESOLVERS,
  ],
  exports: [WatchService, SavedSearchDigests],
})
export class WatchModule {}
