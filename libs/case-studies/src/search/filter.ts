import type {
  CaseStage,
  CaseTarget,
  CaseTheme,
  MunicipalityKind,
  PopulationBand,
  Visibility,
} from '../taxonomy';

/** What a searcher may narrow by (the GraphQL CaseStudyFilter, validated before it gets here). */
export interface CaseSearchFilter {
  themes?: readonly CaseTheme[] | null;
  targets?: readonly CaseTarget[] | null;
  prefectureCodes?: readonly string[] | null;
  populationBands?: readonly PopulationBand[] | null;
  municipalityKinds?: readonly MunicipalityKind[] | null;
  fiscalYearFrom?: number | null;
  fiscalYearTo?: number | null;
  budgetYenMax?: number | null;
  municipalityCode?: string | null;
  /** 横展開: at least this many municipalities pilot or run the case. */
  adoptionCountMin?: number | null;
  /** How far the cases have come (構想, 実施中 …); several are alternatives. */
  stages?: readonly CaseStage[] | null;
}

/** Facet names of the API and the index attributes they count. */
export const CASE_FACETS = {
  themes: 'themes',
  targets: 'targets',
  prefecture: 'prefectureCode',
  populationBand: 'populationBand',
  municipalityKind: 'municipalityKind',
  fiscalYear: 'fiscalYears',
  stage: 'stage',
} as const;
export type CaseFacetName = keyof typeof CASE_FACETS;
export const CASE_FACET_NAMES = Object.keys(CASE_FACETS) as CaseFacetName[];

/**
 * The one index attribute facets are counted on: `<facet name>:<value>` for each facet value of a case
 * (themes:DX_TALENT, prefecture:13, fiscalYear:2024 …). The engine's facet pass costs about the same per
 * attribute whatever its values, so one attribute instead of six cut its facet time from 2.8 ms to
 * 1.6 ms per search on 20,000 cases (`npm run bench:search-parts`, docs/benchmarks.md). Filters still use the separate attributes.
 */
export const FACET_VALUES_ATTRIBUTE = 'facetValues';

/** Values of a case's facets, as its search document holds them in FACET_VALUES_ATTRIBUTE. */
export function facetValuesOf(values: {
  [K in CaseFacetName]: ReadonlyArray<string | number> | string | number | null;
}): string[] {
  const out: string[] = [];
  for (const name of CASE_FACET_NAMES) {
    const v = values[name];
    if (v === null) continue;
    for (const one of Array.isArray(v) ? v : [v]) out.push(`${name}:${one}`);
  }
  return out;
}

/** The engine's counts of FACET_VALUES_ATTRIBUTE split back into one count map per facet. */
export function splitFacetCounts(
  counts: Readonly<Record<string, number>> | undefined,
): Record<CaseFacetName, Record<string, number>> {
  const out = Object.fromEntries(CASE_FACET_NAMES.map((n) => [n, {}])) as Record<
    CaseFacetName,
    Record<string, number>
  >;
  for (const [key, count] of Object.entries(counts ?? {})) {
    const at = key.indexOf(':');
    const name = key.slice(0, at) as CaseFacetName;
    if (at > 0 && name in out) out[name][key.slice(at + 1)] = count;
  }
  return out;
}

export const CASE_SORTS = [
  'RELEVANCE',
  'NEWEST',
  'BUDGET_ASC',
  'POPULATION_ASC',
  'MOST_ADOPTED',
  'MOST_HELPFUL',
] as const;
export type CaseSort = (typeof CASE_SORTS)[number];
export const CASE_SORT_RULES: Readonly<Record<CaseSort, readonly string[]>> = {
  RELEVANCE: [],
  NEWEST: ['publishedAt:desc'],
  BUDGET_ASC: ['budgetYen:asc'],
  POPULATION_ASC: ['population:asc'],
  /** 横展開: most-followed first (the index's `adoptionCount` is sortable), newest among equals. */
  MOST_ADOPTED: ['adoptionCount:desc', 'publishedAt:desc'],
  /** 「参考になった」: most marked helpful first (the index's `helpfulCount`), newest among equals. */
  MOST_HELPFUL: ['helpfulCount:desc', 'publishedAt:desc'],
};

/** A string literal of the filter language: quotes and backslashes escaped, so no value can end it early. */
export function filterString(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

function filterNumber(value: number, field: string): string {
  if (!Number.isFinite(value)) throw new RangeError(`${field} must be a finite number`);
  return String(value);
}

function inList(attribute: string, values: readonly string[] | null | undefined): string | null {
  if (!values?.length) return null;
  return `${attribute} IN [${[...new Set(values)].map(filterString).join(', ')}]`;
}

/**
 * The filter expression (a list of clauses the engine ANDs) for a search: always only published cases the
 * caller may see, then the searcher's own narrowing. Values are always quoted and escaped, never pasted.
 * Within one field the values are alternatives (themes IN [...] matches a case with any of them).
 */
export function buildCaseFilter(
  filter: CaseSearchFilter | null | undefined,
  visibilities: readonly Visibility[],
  options: { excludeIds?: readonly string[] } = {},
): string[] {
  if (visibilities.length === 0) throw new RangeError('at least one visibility is required');
  const f = filter ?? {};
  const clauses: Array<string | null> = [
    'status = "PUBLISHED"',
    inList('visibility', visibilities),
    inList('themes', f.themes),
    inList('targets', f.targets),
    inList('prefectureCode', f.prefectureCodes),
    inList('populationBand', f.populationBands),
    inList('municipalityKind', f.municipalityKinds),
    inList('stage', f.stages),
    f.municipalityCode ? `municipalityCode = ${filterString(f.municipalityCode)}` : null,
    f.budgetYenMax !== null && f.budgetYenMax !== undefined
      ? `budgetYen <= ${filterNumber(f.budgetYenMax, 'budgetYenMax')}`
      : null,
    f.adoptionCountMin !== null && f.adoptionCountMin !== undefined
      ? `adoptionCount >= ${filterNumber(f.adoptionCountMin, 'adoptionCountMin')}`
      : null,
  ];
  const from = f.fiscalYearFrom ?? null;
  const to = f.fiscalYearTo ?? null;
  // On an array attribute `a TO b` needs one element in the range; `>= a AND <= b` could be two elements.
  if (from !== null && to !== null)
    clauses.push(
      `fiscalYears ${filterNumber(from, 'fiscalYearFrom')} TO ${filterNumber(to, 'fiscalYearTo')}`,
    );
  else if (from !== null) clauses.push(`fiscalYears >= ${filterNumber(from, 'fiscalYearFrom')}`);
  else if (to !== null) clauses.push(`fiscalYears <= ${filterNumber(to, 'fiscalYearTo')}`);
  for (const id of options.excludeIds ?? []) clauses.push(`id != ${filterString(id)}`);
  return clauses.filter((c): c is string => c !== null);
}

/** Which visibilities a caller may read: anyone PUBLIC, a signed-in user of the network also MEMBERS. */
export function visibilitiesFor(signedIn: boolean): Visibility[] {
  return signedIn ? ['PUBLIC', 'MEMBERS'] : ['PUBLIC'];
}
