import DataLoader from 'dataloader';
import type { DeclarationEntity } from '../modules/municipality/declaration.entity';
import type { MunicipalityEntity } from '../modules/municipality/municipality.entity';

/** Batch sources the loaders read from; each is one query for many keys (no N+1). */
export interface LoaderSources {
  municipalitiesByIds(ids: readonly string[]): Promise<MunicipalityEntity[]>;
  declarationsByMunicipalityIds(ids: readonly string[]): Promise<DeclarationEntity[]>;
}

export interface Loaders {
  municipality: DataLoader<string, MunicipalityEntity | null>;
  declarationByMunicipality: DataLoader<string, DeclarationEntity | null>;
}

function byKey<T, K>(rows: T[], key: (row: T) => K, keys: readonly K[]): Array<T | null> {
  const map = new Map(rows.map((r) => [key(r), r]));
  return keys.map((k) => map.get(k) ?? null);
}

export function createLoaders(sources: LoaderSources): Loaders {
  return {
    municipality: new DataLoader(async (ids) =>
      byKey(await sources.municipalitiesByIds(ids), (m) => m.id, ids),
    ),
    declarationByMunicipality: new DataLoader(async (ids) =>
      byKey(await sources.declarationsByMunicipalityIds(ids), (d) => d.municipalityId, ids),
    ),
  };
}
