import DataLoader from 'dataloader';
import type { AdoptionEntity, AdoptionEventEntity } from '../modules/adoption/adoption.entity';
import type { InquiryEntity, InquiryMessageEntity } from '../modules/inquiry/inquiry.entity';
import type { CaseStudyRevisionEntity } from '../modules/case-study/case-study-revision.entity';
import type { CaseStudyEntity } from '../modules/case-study/case-study.entity';
import type { DeclarationEntity } from '../modules/municipality/declaration.entity';
import type { MunicipalityEntity } from '../modules/municipality/municipality.entity';

/** Batch sources the loaders read from; each is one query for many keys (no N+1). */
export interface LoaderSources {
  municipalitiesByIds(ids: readonly string[]): Promise<MunicipalityEntity[]>;
  declarationsByMunicipalityIds(ids: readonly string[]): Promise<DeclarationEntity[]>;
  caseStudiesByIds(ids: readonly string[]): Promise<CaseStudyEntity[]>;
  /** Newest first within each case. */
  caseStudyRevisionsByCaseIds(ids: readonly string[]): Promise<CaseStudyRevisionEntity[]>;
  /** Names of users shown on cases (authors, editors). */
  peopleByIds(ids: readonly string[]): Promise<Array<{ id: string; name: string }>>;
  /** Oldest first within each case. */
  adoptionsByCaseIds(ids: readonly string[]): Promise<AdoptionEntity[]>;
  adoptionsByAdopterCaseIds(ids: readonly string[]): Promise<AdoptionEntity[]>;
  adoptionsByIds(ids: readonly string[]): Promise<AdoptionEntity[]>;
  /** Oldest first within each adoption. */
  adoptionEventsByAdoptionIds(ids: readonly string[]): Promise<AdoptionEventEntity[]>;
  /** Oldest first within each inquiry. */
  inquiryMessagesByInquiryIds(ids: readonly string[]): Promise<InquiryMessageEntity[]>;
  /** Latest activity first within each case. */
  inquiriesByCaseIds(ids: readonly string[]): Promise<InquiryEntity[]>;
}

export interface Loaders {
  municipality: DataLoader<string, MunicipalityEntity | null>;
  declarationByMunicipality: DataLoader<string, DeclarationEntity | null>;
  /** Rows only: callers decide visibility (CaseStudyService.canRead). */
  caseStudy: DataLoader<string, CaseStudyEntity | null>;
  caseStudyRevisions: DataLoader<string, CaseStudyRevisionEntity[]>;
  person: DataLoader<string, { id: string; name: string } | null>;
  /** Who follows each case (横展開), oldest first. */
  adoptionsByCase: DataLoader<string, AdoptionEntity[]>;
  /** The adoptions a case is the follower's own write-up of (upstream links). */
  adoptionsByAdopterCase: DataLoader<string, AdoptionEntity[]>;
  adoption: DataLoader<string, AdoptionEntity | null>;
  adoptionEvents: DataLoader<string, AdoptionEventEntity[]>;
  inquiryMessages: DataLoader<string, InquiryMessageEntity[]>;
  /** Rows only: InquiryService.canRead decides which the caller sees. */
  inquiriesByCase: DataLoader<string, InquiryEntity[]>;
}

function byKey<T, K>(rows: T[], key: (row: T) => K, keys: readonly K[]): Array<T | null> {
  const map = new Map(rows.map((r) => [key(r), r]));
  return keys.map((k) => map.get(k) ?? null);
}

function groupedByKey<T, K>(rows: T[], key: (row: T) => K, keys: readonly K[]): T[][] {
  const map = new Map<K, T[]>(keys.map((k) => [k, []]));
  for (const r of rows) map.get(key(r))?.push(r);
  return keys.map((k) => map.get(k) ?? []);
}

type LoaderFactories = { [K in keyof Loaders]: (sources: LoaderSources) => Loaders[K] };

/** How each loader is made; one object for the process, not one set of closures per request. */
const FACTORIES: LoaderFactories = {
  municipality: (sources) =>
    new DataLoader(async (ids) => byKey(await sources.municipalitiesByIds(ids), (m) => m.id, ids)),
  declarationByMunicipality: (sources) =>
    new DataLoader(async (ids) =>
      byKey(await sources.declarationsByMunicipalityIds(ids), (d) => d.municipalityId, ids),
    ),
  caseStudy: (sources) =>
    new DataLoader(async (ids) => byKey(await sources.caseStudiesByIds(ids), (c) => c.id, ids)),
  caseStudyRevisions: (sources) =>
    new DataLoader(async (ids) =>
      groupedByKey(await sources.caseStudyRevisionsByCaseIds(ids), (r) => r.caseStudyId, ids),
    ),
  person: (sources) => new DataLoader(async (ids) => byKey(await sources.peopleByIds(ids), (p) => p.id, ids)),
  adoptionsByCase: (sources) =>
    new DataLoader(async (ids) =>
      groupedByKey(await sources.adoptionsByCaseIds(ids), (a) => a.caseStudyId, ids),
    ),
  adoptionsByAdopterCase: (sources) =>
    new DataLoader(async (ids) =>
      groupedByKey(await sources.adoptionsByAdopterCaseIds(ids), (a) => a.adopterCaseStudyId as string, ids),
    ),
  adoption: (sources) =>
    new DataLoader(async (ids) => byKey(await sources.adoptionsByIds(ids), (a) => a.id, ids)),
  adoptionEvents: (sources) =>
    new DataLoader(async (ids) =>
      groupedByKey(await sources.adoptionEventsByAdoptionIds(ids), (e) => e.adoptionId, ids),
    ),
  inquiryMessages: (sources) =>
    new DataLoader(async (ids) =>
      groupedByKey(await sources.inquiryMessagesByInquiryIds(ids), (m) => m.inquiryId, ids),
    ),
  inquiriesByCase: (sources) =>
    new DataLoader(async (ids) =>
      groupedByKey(await sources.inquiriesByCaseIds(ids), (i) => i.caseStudyId, ids),
    ),
};

/**
 * The loaders of one request, each made on first use: most requests touch one or two of the eleven (a results
 * page only primes `municipality`), so making all of them for every request was work that did not depend on
 * the request.
 */
class LazyLoaders {
  private readonly made: Partial<Loaders> = {};
  constructor(private readonly sources: LoaderSources) {}

  get<K extends keyof Loaders>(key: K): Loaders[K] {
    return (this.made[key] ??= FACTORIES[key](this.sources));
  }
}

for (const key of Object.keys(FACTORIES) as Array<keyof Loaders>) {
  Object.defineProperty(LazyLoaders.prototype, key, {
    get(this: LazyLoaders) {
      return this.get(key);
    },
    enumerable: true,
  });
}

export function createLoaders(sources: LoaderSources): Loaders {
  return new LazyLoaders(sources) as unknown as Loaders;
}
