import { manyByKey, oneByKey } from '../../graphql/dataloaders';
import { requestLoaders, type LoadersOf } from '../../graphql/request-loaders';
import { CaseStudyRepository } from './case-study.repository';

/**
 * `caseStudy`: rows only, callers decide visibility (CaseStudyService.canRead); `caseStudyRevisions`: newest
 * first within each case; `person`: the names of users shown on cases (authors, editors).
 */
const make = (r: CaseStudyRepository) => ({
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
});

declare module '../../graphql/request-loaders' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- the members come from the factories
  interface Loaders extends LoadersOf<typeof make> {}
}

export const CaseStudyLoaders = requestLoaders(CaseStudyRepository, make);
