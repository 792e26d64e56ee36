import type DataLoader from 'dataloader';
import { Injectable } from '@nestjs/common';
import { manyByKey, oneByKey } from '../../graphql/dataloaders';
import {
  RequestLoaderProvider,
  type LoaderFactories,
  type ProvidesLoaders,
} from '../../graphql/request-loaders';
import type { CaseStudyRevisionEntity } from './case-study-revision.entity';
import type { CaseStudyEntity } from './case-study.entity';
import { CaseStudyRepository } from './case-study.repository';

declare module '../../graphql/request-loaders' {
  interface Loaders {
    /** Rows only: callers decide visibility (CaseStudyService.canRead). */
    caseStudy: DataLoader<string, CaseStudyEntity | null>;
    /** Newest first within each case. */
    caseStudyRevisions: DataLoader<string, CaseStudyRevisionEntity[]>;
    /** Names of users shown on cases (authors, editors). */
    person: DataLoader<string, { id: string; name: string } | null>;
  }
}

@RequestLoaderProvider()
@Injectable()
export class CaseStudyLoaders implements ProvidesLoaders {
  constructor(private readonly repository: CaseStudyRepository) {}

  loaderFactories(): LoaderFactories {
    const r = this.repository;
    return {
      caseStudy: () =>
        oneByKey(
          (ids) => r.findByIds(ids),
          (c) => c.id,
        ),
      caseStudyRevisions: () =>
        manyByKey(
          (ids) => r.findRevisionsByCaseIds(ids),
          (x) => x.caseStudyId,
        ),
      person: () =>
        oneByKey(
          (ids) => r.findPeopleByIds(ids),
          (p) => p.id,
        ),
    };
  }
}
