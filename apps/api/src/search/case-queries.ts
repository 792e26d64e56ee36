import { Inject, Injectable } from '@nestjs/common';
import type { FacetDistribution, MultiSearchQuery, SearchParams } from 'meilisearch';
import {
  CASE_FACET_NAMES,
  CASE_SORT_RULES,
  FACET_VALUES_ATTRIBUTE,
  buildCaseFilter,
  descriptionClauses,
  filterString,
  isMultiWordQuery,
  normalizeQuery,
  prepareQuery,
  splitFacetCounts,
  type CaseFacetName,
  type CaseSearchFilter,
  type CaseSort,
  type CaseTheme,
  type MunicipalityKind,
  type PopulationBand,
  type Visibility,
} from '@yokoten/case-studies';
import { CaseIndex } from './case-index';
import { askEngine } from './engine-errors';

/**
 * The case index's queries, asked in domain terms (words, filters, sort, page, facets, visibilities) by the
 * services: the engine's parameters, its filter and sort syntax and its answers' shape are known here only.
 * Every call goes through `askEngine`: an outage or an index being healed is SEARCH_UNAVAILABLE, anything
 * else an internal error.
 */

export interface SearchRequest {
  query?: string | null;
  filter?: CaseSearchFilter | null;
  sort?: CaseSort | null;
  page?: number | null;
  pageSize?: number | null;
}

/** What the GraphQL query asks for beyond the hits' ids: the engine computes only that. */
export interface SearchNeeds {
  facets: boolean;
  highlights: boolean;
}
const EVERYTHING: SearchNeeds = { facets: true, highlights: true };

/**
 * The engine parameters of a search, exactly as the API sends them (the benchmarks send the same ones
 * straight to Meilisearch to compare).
 */
export function searchParams(
  req: SearchRequest,
  visibilities: readonly Visibility[],
  needs: SearchNeeds = EVERYTHING,
): SearchParams & { q: string } {
  const page = req.page ?? 1;
  const pageSize = req.pageSize ?? 20;
  return {
    q: prepareQuery(normalizeQuery(req.query)),
    filter: buildCaseFilter(req.filter, visibilities),
    sort: [...CASE_SORT_RULES[req.sort ?? 'RELEVANCE']],
    // Facet counts and highlighting (Japanese re-tokenised per hit) are most of the engine's work.
    ...(needs.facets ? { facets: [FACET_VALUES_ATTRIBUTE] } : {}),
    page,
    hitsPerPage: pageSize,
    matchingStrategy: 'all',
    locales: ['jpn'],
    // Highlights are made by the API (highlight.ts), not by the engine, which re-tokenises every highlighted
    // field of every hit with its Japanese dictionary (14.6 against 3.1 ms per page, bench:search-parts).
    // Title and summary come from PostgreSQL with the hit; only the body's plain text (the index's) is needed.
    attributesToRetrieve: needs.highlights ? ['id', 'body'] : ['id'],
  };
}

export interface FacetCounts {
  field: CaseFacetName;
  values: Array<{ value: string; count: number }>;
}

/** One page of a search: the hits' ids (and the body's plain text when highlights are needed). */
export interface CasePage {
  hits: Array<{ id: string; body?: string }>;
  totalHits: number;
  page: number;
  pageSize: number;
  totalPages: number;
  /** Every facet, its values most frequent first (empty when facets were not asked for). */
  facets: FacetCounts[];
  processingTimeMs: number;
  /** Nothing had every word, so words were dropped from the end. */
  relaxed: boolean;
  /** The query as searched (normalised). */
  query: string;
}

export interface CasePageRequest extends SearchRequest {
  visibilities: readonly Visibility[];
  needs?: SearchNeeds;
  /** Only cases first published in this window (the index keeps whole seconds: the seconds around it). */
  publishedWithin?: { after: Date; until: Date };
}

function facetsOf(distribution: FacetDistribution | undefined): FacetCounts[] {
  const split = splitFacetCounts(distribution?.[FACET_VALUES_ATTRIBUTE]);
  return CASE_FACET_NAMES.map((field) => {
    const counts = split[field];
    const values = Object.entries(counts)
      .map(([value, count]) => ({ value, count }))
      .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
    return { field, values };
  });
}

/**
 * Candidates read from the engine by text (per clause of the description when it has several), and by the
 * description's themes when the words miss.
 */
export const TEXT_CANDIDATES = 50;
export const CLAUSE_CANDIDATES = 30;
export const THEME_CANDIDATES = 30;

const FINDER_ATTRIBUTES = [
  'id',
  'themes',
  'prefectureCode',
  'municipalityKind',
  'populationBand',
  'publishedAt',
];

/** What the finder reads of each candidate from the index (attributes of CaseSearchDocument). */
interface FinderHit {
  id: string;
  themes?: CaseTheme[];
  prefectureCode: string;
  municipalityKind: MunicipalityKind;
  populationBand: PopulationBand | null;
  publishedAt?: number | null;
  _rankingScore?: number;
}

/** A finder candidate: what the index holds about it, and its relevance to each clause of the description. */
export interface FinderCandidate {
  id: string;
  themes: CaseTheme[];
  prefectureCode: string;
  municipalityKind: MunicipalityKind;
  populationBand: PopulationBand | null;
  /** Seconds since the epoch; 0 when unknown. */
  publishedAt: number;
  /** The engine's ranking score (0–1) for each clause of the description; null where the clause missed it. */
  clauseScores: Array<number | null>;
}

export interface FinderRequest {
  description: string;
  /** The seeker's own municipality code: its cases are left out. */
  seekerCode: string | null;
  visibilities: readonly Visibility[];
  /** The themes the description (and the seeker's profile) mention: their newest cases are candidates too. */
  descriptionThemes: readonly CaseTheme[];
}

/**
 * The engine queries of one findPrecedents call, exactly as the API sends them (the benchmark sends the
 * same ones straight to Meilisearch to compare): a text query per clause with ranking scores, and, when the
 * description mentions themes, the newest cases of those themes so that a fitting case whose words differ
 * is still a candidate. Both: published, readable by the caller, not the seeker's own.
 */
export function finderQueries(
  indexUid: string,
  description: string,
  seekerCode: string | null,
  visibilities: readonly Visibility[],
  descriptionThemes: readonly CaseTheme[],
): MultiSearchQuery[] {
  const notOwn = seekerCode ? [`municipalityCode != ${filterString(seekerCode)}`] : [];
  const base = { indexUid, locales: ['jpn' as const], attributesToRetrieve: FINDER_ATTRIBUTES };
  const queries: MultiSearchQuery[] = [];
  // One text query per clause (descriptionClauses: the engine reads ten words and requires the first);
  // a clause with no word left once normalised (only emoji or punctuation) has no query: an empty one
  // would be a placeholder search returning every case, ranked by closeness alone.
  const clauses = descriptionClauses(description)
    .map((c) => prepareQuery(normalizeQuery(c)))
    .filter(Boolean);
  for (const q of clauses) {
    queries.push(
      // 'last' keeps the cases that share only some of the words (dropping words from the end), and the
      // ranking score says how much they share. Measured on 1.21: 'frequency' returned only the cases
      // containing every word of a long description, which is what a finder must not require.
      {
        ...base,
        q,
        filter: [...buildCaseFilter(null, visibilities), ...notOwn],
        limit: clauses.length > 1 ? CLAUSE_CANDIDATES : TEXT_CANDIDATES,
        matchingStrategy: 'last',
        showRankingScore: true,
      },
    );
  }
  if (descriptionThemes.length) {
    queries.push({
      ...base,
      q: '',
      filter: [...buildCaseFilter({ themes: descriptionThemes }, visibilities), ...notOwn],
      limit: THEME_CANDIDATES,
      sort: ['publishedAt:desc'],
    });
  }
  return queries;
}

@Injectable()
export class CaseQueries {
  constructor(@Inject(CaseIndex) private readonly index: CaseIndex) {}

  /**
   * A page of published cases the caller may read. When nothing has every word of a query of several words,
   * the search is repeated dropping words from the end rather than show nothing (`relaxed` says so).
   */
  async page(req: CasePageRequest): Promise<CasePage> {
    const params = searchParams(req, req.visibilities, req.needs);
    if (req.publishedWithin) {
      const { after, until } = req.publishedWithin;
      params.filter = [
        ...(params.filter as string[]),
        `publishedAt >= ${Math.floor(after.getTime() / 1000)}`,
        `publishedAt <= ${Math.floor(until.getTime() / 1000)}`,
      ];
    }
    const search = (p: SearchParams & { q: string }) => askEngine(this.index, () => this.index.search(p));
    let response = await search(params);
    let processingTimeMs = response.processingTimeMs;
    let relaxed = false;
    if ((response.totalHits ?? 0) === 0 && params.q && isMultiWordQuery(params.q.trim())) {
      const looser = await search({ ...params, matchingStrategy: 'last' });
      processingTimeMs += looser.processingTimeMs;
      if ((looser.totalHits ?? 0) > 0) {
        response = looser;
        relaxed = true;
      }
    }
    return {
      hits: response.hits,
      totalHits: response.totalHits ?? 0,
      page: response.page ?? params.page ?? 1,
      pageSize: response.hitsPerPage ?? params.hitsPerPage ?? 20,
      totalPages: response.totalPages ?? 0,
      facets: facetsOf(response.facetDistribution),
      processingTimeMs,
      relaxed,
      query: params.q,
    };
  }

  /**
   * Ids of published cases like one case: those sharing `related` (its themes or targets) ranked by how many
   * of `words` (its tags, then its title) they contain, topped up with the newest cases of `related` when few
   * match. `excludeId` (the case itself) is never among them. At most `limit`, in that order.
   */
  async similarIds(req: {
    words: readonly string[];
    related: CaseSearchFilter;
    visibilities: readonly Visibility[];
    excludeId: string;
    limit: number;
  }): Promise<string[]> {
    const filter = buildCaseFilter(req.related, req.visibilities, { excludeIds: [req.excludeId] });
    // The engine reads the first ten words of a query: tags first, they are the case's own keywords.
    const q = normalizeQuery(req.words.join(' '));
    const base: MultiSearchQuery = {
      indexUid: this.index.liveName,
      filter,
      locales: ['jpn'],
      attributesToRetrieve: ['id'],
    };
    const { results } = await askEngine(this.index, () =>
      this.index.multiSearch({
        queries: [
          // 'last' drops title words from the end first and keeps the tags; 'frequency' would drop the
          // words the case shares with the most others, which are exactly the ones that make them similar.
          { ...base, q, limit: req.limit, matchingStrategy: 'last' },
          { ...base, q: '', limit: req.limit, sort: [...CASE_SORT_RULES.NEWEST] },
        ],
      }),
    );
    return [...new Set(results.flatMap((r) => r.hits.map((h) => h.id)))].slice(0, req.limit);
  }

  /**
   * Ids of the published cases the caller may read that share the most of `words` (dropping words from the
   * end until some match), narrowed by `filter`; most relevant first, at most `limit`.
   */
  async idsMatchingSome(req: {
    words: string;
    filter: CaseSearchFilter | null;
    visibilities: readonly Visibility[];
    limit: number;
  }): Promise<string[]> {
    const query: MultiSearchQuery = {
      indexUid: this.index.liveName,
      q: prepareQuery(req.words),
      filter: buildCaseFilter(req.filter, req.visibilities),
      limit: req.limit,
      matchingStrategy: 'last',
      locales: ['jpn'],
      attributesToRetrieve: ['id'],
    };
    const { results } = await askEngine(this.index, () => this.index.multiSearch({ queries: [query] }));
    return results[0]?.hits.map((h) => h.id) ?? [];
  }

  /**
   * The precedent finder's candidates (see finderQueries), each once, with its relevance to each clause of
   * the description. Empty when the description has no word to search and no theme.
   */
  async finderCandidates(req: FinderRequest): Promise<FinderCandidate[]> {
    const queries = finderQueries(
      this.index.liveName,
      req.description,
      req.seekerCode,
      req.visibilities,
      req.descriptionThemes,
    );
    if (queries.length === 0) return [];
    const { results } = await askEngine(this.index, () => this.index.multiSearch({ queries }));
    // Text queries come first, one per clause.
    const textQueries = queries.filter((q) => q.q).length;
    const candidates = new Map<string, FinderCandidate>();
    results.forEach((r, i) => {
      for (const hit of r.hits as unknown as FinderHit[]) {
        let c = candidates.get(hit.id);
        if (!c) {
          c = {
            id: hit.id,
            themes: hit.themes ?? [],
            prefectureCode: hit.prefectureCode,
            municipalityKind: hit.municipalityKind,
            populationBand: hit.populationBand,
            publishedAt: hit.publishedAt ?? 0,
            clauseScores: Array.from({ length: textQueries }, () => null),
          };
          candidates.set(hit.id, c);
        }
        if (i < textQueries) c.clauseScores[i] = hit._rankingScore ?? null;
      }
    });
    return [...candidates.values()];
  }
}
