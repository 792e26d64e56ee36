import { manyByKey, oneByKey } from '../../graphql/dataloaders';
import { requestLoaders, type LoadersOf } from '../../graphql/request-loaders';
import { AdoptionRepository } from './adoption.repository';

/**
 * Who follows each case (横展開), oldest first; the adoptions a case is the follower's own write-up of
 * (upstream links); adoptions by id; each adoption's timeline, oldest first.
 */
const make = (r: AdoptionRepository) => ({
  adoptionsByCase: () =>
    manyByKey(
      (ids) => r.findByCaseIds(ids),
      (a) => a.caseStudyId,
    ),
  adoptionsByAdopterCase: () =>
    manyByKey(
      (ids) => r.findByAdopterCaseIds(ids),
      (a) => a.adopterCaseStudyId,
    ),
  adoption: () =>
    oneByKey(
      (ids) => r.findByIds(ids),
      (a) => a.id,
    ),
  adoptionEvents: () =>
    manyByKey(
      (ids) => r.findEventsByAdoptionIds(ids),
      (e) => e.adoptionId,
    ),
});

declare module '../../graphql/request-loaders' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- the members come from the factories
  interface Loaders extends LoadersOf<typeof make> {}
}

export const AdoptionLoaders = requestLoaders(AdoptionRepository, make);
