import type { SavedSearchFieldsFragment } from '../../graphql/generated/graphql';
import { serializeSearch, type SearchState } from '../case-studies/search-state';

/** The search page's address for a saved search: the same URL format as the page itself writes. */
export function savedSearchPath(saved: Pick<SavedSearchFieldsFragment, 'query' | 'filter'>): string {
  const f = saved.filter;
  const state: SearchState = {
    q: saved.query,
    themes: f.themes ?? [],
    targets: f.targets ?? [],
    prefectures: f.prefectureCodes ?? [],
    bands: f.populationBands ?? [],
    kinds: f.municipalityKinds ?? [],
    stages: f.stages ?? [],
    fyFrom: f.fiscalYearFrom ?? null,
    fyTo: f.fiscalYearTo ?? null,
    budgetMax: f.budgetYenMax ?? null,
    municipality: f.municipalityCode ?? null,
    sort: null,
    page: 1,
  };
  const qs = serializeSearch(state).toString();
  return `/cases${qs ? `?${qs}` : ''}`;
}
