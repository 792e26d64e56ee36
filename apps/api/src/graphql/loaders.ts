import DataLoader from 'dataloader';
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
}

export interface Loaders {
  municipality: DataLoader<string, MunicipalityEntity | null>;
  declarationByMunicipality: DataLoader<string, DeclarationEntity | null>;
  /** Rows only: callers decide visibility (CaseStudyService.canRead). */
  caseStudy: DataLoader<string, CaseStudyEntity | null>;
  caseStudyRevisions: DataLoader<string, CaseStudyRevisionEntity[]>;
  person: DataLoader<string, { id: string; name: string } | null>;
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

export function createLoaders(sources: LoaderSources): Loaders {
  return {
    municipality: new DataLoader(async (ids) =>
      byKey(await sources.municipalitiesByIds(ids), (m) => m.id, ids),
    ),
    declarationByMunicipality: new DataLoader(async (ids) =>
      byKey(await sources.declarationsByMunicipalityIds(ids), (d) => d.municipalityId, ids),
    ),
    caseStudy: new DataLoader(async (ids) => byKey(await sources.caseStudiesByIds(ids), (c) => c.id, ids)),
    caseStudyRevisions: new DataLoader(async (ids) =>
      groupedByKey(await sources.caseStudyRevisionsByCaseIds(ids), (r) => r.caseStudyId, ids),
    ),
    person: new DataLoader(async (ids) => byKey(await sources.peopleByIds(ids), (p) => p.id, ids)),
  };
}
