import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CaseSearchModule } from '../case-search/case-search.module';
import { CaseStudyModule } from '../case-study/case-study.module';
import { SavedSearchDigestScheduler, SavedSearchDigests } from './saved-search-digest';
import { WatchLoaderFactory } from './watch-loaders';
import { CaseStudyWatchResolver, WatchResolver } from './watch.resolver';
import { CaseHelpfulVoteEntity, CaseWatchEntity, SavedSearchEntity } from './watch.entity';
import { WatchRepository } from './watch.repository';
import { WatchService } from './watch.service';

/** Watching cases, 「参考になった」, saved searches and their weekly digests (README.md). */
@Module({
  imports: [
    TypeOrmModule.forFeature([CaseWatchEntity, CaseHelpfulVoteEntity, SavedSearchEntity]),
    CaseStudyModule,
    CaseSearchModule,
  ],
  providers: [
    WatchRepository,
    WatchService,
    WatchLoaderFactory,
    SavedSearchDigests,
    SavedSearchDigestScheduler,
    WatchResolver,
    CaseStudyWatchResolver,
  ],
  exports: [WatchService, SavedSearchDigests],
})
export class WatchModule {}
