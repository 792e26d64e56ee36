import type {
  CaseStage,
  CaseStudyFilter,
  CaseStudySort,
  CaseTarget,
  CaseTheme,
  MunicipalityKind,
  PopulationBand,
} from '../../graphql/generated/graphql';
import { isValidMunicipalityCode } from '@yokoten/case-studies';
import {
  isCaseStage,
  isCaseTarget,
  isCaseTheme,
  isMunicipalityKind,
  isPopulationBand,
  isPrefectureCode,
} from './labels';

// The whole search lives in the URL (q, filters, sort, page), so a search can be bookmarked, shared with
// a colleague and walked back with the browser's back button. Unknown or malformed values are dropped.

export const CASE_SORTS = [
  'RELEVANCE',
  'NEWEST',
  'BUDGET_ASC',
  'POPULATION_ASC',
  'MOST_ADOPTED',
  'MOST_HELPFUL',
] as const satisfies readonly CaseStudySort[];
export const isCaseSort = (value: unknown): value is CaseStudySort =>
  typeof value === 'string' && (CASE_SORTS as readonly string[]).includes(value);

export const PAGE_SIZE = 20;
/** The API's deepest page. */
export const MAX_PAGE = 1000;
/** Presets for 「予算の上限」, in yen. */
export const BUDGET_PRESETS = [1_000_000, 5_000_000, 10_000_000, 30_000_000, 100_000_000] as const;

export interface SearchState {
  q: string;
  themes: CaseTheme[];
  targets: CaseTarget[];
  prefectures: string[];
  bands: PopulationBand[];
  kinds: MunicipalityKind[];
  stages: CaseStage[];
  fyFrom: number | null;
  fyTo: number | null;
  budgetMax: number | null;
  municipality: string | null;
  /** null: the default for the query (関連度 with words, 新しい順 without). */
  sort: CaseStudySort | null;
  page: number;
}

const PARAMS = {
  q: 'q',
  themes: 'themes',
  targets: 'targets',
  prefectures: 'pref',
  bands: 'band',
  kinds: 'kind',
  stages: 'stages',
  fyFrom: 'fyFrom',
  fyTo: 'fyTo',
  budgetMax: 'budget',
  municipality: 'muni',
  sort: 'sort',
  page: 'page',
} as const satisfies Record<keyof SearchState, string>;

function list<T extends string>(
  params: URLSearchParams,
  name: string,
  guard: (value: unknown) => value is T,
): T[] {
  const values = params
    .getAll(name)
    .flatMap((value) => value.split(','))
    .filter(guard);
  return [...new Set(values)];
}

function int(params: URLSearchParams, name: string, min: number, max: number): number | null {
  const raw = params.get(name);
  if (raw === null || !/^\d+$/.test(raw)) return null;
  const value = Number(raw);
  return value >= min && value <= max ? value : null;
}

export function parseSearch(params: URLSearchParams): SearchState {
  const sort = params.get(PARAMS.sort);
  const muni = params.get(PARAMS.municipality);
  let fyFrom = int(params, PARAMS.fyFrom, 1989, 2100);
  let fyTo = int(params, PARAMS.fyTo, 1989, 2100);
  if (fyFrom !== null && fyTo !== null && fyTo < fyFrom) [fyFrom, fyTo] = [fyTo, fyFrom];
  return {
    q: (params.get(PARAMS.q) ?? '').trim().slice(0, 200),
    themes: list(params, PARAMS.themes, isCaseTheme),
    targets: list(params, PARAMS.targets, isCaseTarget),
    prefectures: list(params, PARAMS.prefectures, isPrefectureCode).sort(),
    bands: list(params, PARAMS.bands, isPopulationBand),
    kinds: list(params, PARAMS.kinds, isMunicipalityKind),
    stages: list(params, PARAMS.stages, isCaseStage),
    fyFrom,
    fyTo,
    budgetMax: int(params, PARAMS.budgetMax, 0, Number.MAX_SAFE_INTEGER),
    // A mistyped code (wrong check digit) is dropped like any malformed value, instead of an error page.
    municipality: isValidMunicipalityCode(muni) ? muni : null,
    sort: isCaseSort(sort) ? sort : null,
    page: int(params, PARAMS.page, 1, MAX_PAGE) ?? 1,
  };
}

export function serializeSearch(state: SearchState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.q) params.set(PARAMS.q, state.q);
  if (state.themes.length) params.set(PARAMS.themes, state.themes.join(','));
  if (state.targets.length) params.set(PARAMS.targets, state.targets.join(','));
  if (state.prefectures.length) params.set(PARAMS.prefectures, state.prefectures.join(','));
  if (state.bands.length) params.set(PARAMS.bands, state.bands.join(','));
  if (state.kinds.length) params.set(PARAMS.kinds, state.kinds.join(','));
  if (state.stages.length) params.set(PARAMS.stages, state.stages.join(','));
  if (state.fyFrom !== null) params.set(PARAMS.fyFrom, String(state.fyFrom));
  if (state.fyTo !== null) params.set(PARAMS.fyTo, String(state.fyTo));
  if (state.budgetMax !== null) params.set(PARAMS.budgetMax, String(state.budgetMax));
  if (state.municipality) params.set(PARAMS.municipality, state.municipality);
  if (state.sort) params.set(PARAMS.sort, state.sort);
  if (state.page > 1) params.set(PARAMS.page, String(state.page));
  return params;
}

export const effectiveSort = (state: SearchState): CaseStudySort =>
  state.sort ?? (state.q ? 'RELEVANCE' : 'NEWEST');

export function filterOf(state: SearchState): CaseStudyFilter {
  const filter: CaseStudyFilter = {};
  if (state.themes.length) filter.themes = state.themes;
  if (state.targets.length) filter.targets = state.targets;
  if (state.prefectures.length) filter.prefectureCodes = state.prefectures;
  if (state.bands.length) filter.populationBands = state.bands;
  if (state.kinds.length) filter.municipalityKinds = state.kinds;
  if (state.stages.length) filter.stages = state.stages;
  if (state.fyFrom !== null) filter.fiscalYearFrom = state.fyFrom;
  if (state.fyTo !== null) filter.fiscalYearTo = state.fyTo;
  if (state.budgetMax !== null) filter.budgetYenMax = state.budgetMax;
  if (state.municipality) filter.municipalityCode = state.municipality;
  return filter;
}

export function hasConditions(state: SearchState): boolean {
  return Boolean(
    state.q ||
    state.themes.length ||
    state.targets.length ||
    state.prefectures.length ||
    state.bands.length ||
    state.kinds.length ||
    state.stages.length ||
    state.fyFrom !== null ||
    state.fyTo !== null ||
    state.budgetMax !== null ||
    state.municipality,
  );
}

/** Page numbers to offer: the first, the last, and two either side of the current one, with gaps. */
export function pageWindow(current: number, total: number): (number | 'gap')[] {
  const pages = new Set([1, total, current - 2, current - 1, current, current + 1, current + 2]);
  const sorted = [...pages].filter((page) => page >= 1 && page <= total).sort((a, b) => a - b);
  const result: (number | 'gap')[] = [];
  sorted.forEach((page, index) => {
    if (index > 0 && page - (sorted[index - 1] ?? page) > 1) result.push('gap');
    result.push(page);
  });
  return result;
}
