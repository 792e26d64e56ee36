import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { FacetDistribution, MultiSearchQuery, SearchParams, SearchResponse } from 'meilisearch';
import {
  CASE_FACET_NAMES,
  CASE_SORT_RULES,
  FACET_VALUES_ATTRIBUTE,
  buildCaseFilter,
  cropText,
  highlightTerms,
  highlightText,
  isMultiWordQuery,
  normalizeQuery,
  prepareQuery,
  splitFacetCounts,
  type CaseSearchFilter,
  type CaseSort,
  type Visibility,
} from '@yokoten/case-studies';
import type { Actor } from '../auth/actor';
import { can } from '../auth/authorization.policy';
import type { CaseStudyEntity } from '../case-study/case-study.entity';
import type { MunicipalityEntity } from '../municipality/municipality.entity';
import { CaseIndex, isIndexMisconfigured, isIndexNotFound } from '../../search/case-index';
import { isUnreachable } from '../../search/search-outbox.processor';
import { SearchUnavailableError } from './case-search.errors';
import { CaseSearchRepository } from './case-search.repository';
import { caseColumnsFor } from './case-study-selection';

/**
 * Characters of body text in a snippet (Japanese has no spaces, so the crop counts characters): about two
 * lines of a result card.
 */
export const BODY_CROP_CHARS = 120;

export interface SearchRequest {
  query?: string | null;
  filter?: CaseSearchFilter | null;
  sort?: CaseSort | null;
  page?: number | null;
  pageSize?: number | null;
}

export interface SearchHitResult {
  caseStudy: CaseStudyEntity;
  highlights: { title: string; summary: string; body: string } | null;
  /** The query as searched (CaseStudyHit.matchedAttachment looks for its words in the case's files). */
  query?: string;
}

export interface SearchResult {
  hits: SearchHitResult[];
  totalHits: number;
  page: number;
  pageSize: number;
  totalPages: number;
  facets: Array<{ field: string; values: Array<{ value: string; count: number }> }>;
  processingTimeMs: number;
  relaxed: boolean;
  query: string;
}

/** Loaders the service may prime so resolvers of the hits do not query again. */
export interface HitLoaders {
  primeMunicipality?(m: MunicipalityEntity): void;
  primeCaseStudy?(c: CaseStudyEntity): void;
  /** CaseStudy fields the query selects (null: unknown, read every column). */
  caseStudyFields?: Set<string> | null;
  /** Whether the query selects facets and highlights (default: both). */
  needs?: SearchNeeds;
}

type IndexedText = { id: string; body?: string };

/** Which visibilities a caller may read: the same rule as CaseStudyService.canRead for published cases. */
export function visibilitiesOf(actor: Actor | null): Visibility[] {
  return can(actor, 'caseStudy.readMembersOnly') ? ['PUBLIC', 'MEMBERS'] : ['PUBLIC'];
}

/**
 * The engine parameters of a search, exactly as the API sends them (the benchmark sends the same ones
 * straight to Meilisearch to compare).
 */
/** What the GraphQL query asks for beyond the hits' ids: the engine computes only that. */
export interface SearchNeeds {
  facets: boolean;
  highlights: boolean;
}
const EVERYTHING: SearchNeeds = { facets: true, highlights: true };

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
    // Highlights are made here (highlight.ts), not by the engine, which re-tokenises every highlighted field
    // of every hit with its Japanese dictionary (14.6 against 3.1 ms per page, bench:search-parts). Title and
    // summary come from PostgreSQL with the hit; only the body's plain text (the index's) is needed here.
    attributesToRetrieve: needs.highlights ? ['id', 'body'] : ['id'],
  };
}

function facetsOf(distribution: FacetDistribution | undefined): SearchResult['facets'] {
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
 * Engine outages become SEARCH_UNAVAILABLE (expected, not logged as a crash); so does an index that is
 * missing or not configured as ours (it is being healed: the index is asked to check now); anything else
 * propagates.
 */
async function engine<T>(index: CaseIndex, work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (err) {
    if (isUnreachable(err)) throw new SearchUnavailableError();
    if (isIndexNotFound(err) || isIndexMisconfigured(err)) {
      index.noticeTrouble();
      throw new SearchUnavailableError();
    }
    throw err;
  }
}

@Injectable()
export class CaseSearchService implements OnModuleInit {
  constructor(
    private readonly index: CaseIndex,
    private readonly repository: CaseSearchRepository,
  ) {}

  /** The first word segmentation loads ICU's Japanese dictionary (~20 ms): at start, not in a search. */
  onModuleInit(): void {
    highlightTerms('人材育成 DX');
  }

  async search(actor: Actor | null, req: SearchRequest, loaders: HitLoaders = {}): Promise<SearchResult> {
    const visibilities = visibilitiesOf(actor);
    const params = searchParams(req, visibilities, loaders.needs);
    let response = await engine(this.index, this.index.search(params));
    let processingTimeMs = response.processingTimeMs;
    let relaxed = false;
    // Nothing has every word: drop words from the end rather than show nothing, and say so.
    if ((response.totalHits ?? 0) === 0 && params.q && isMultiWordQuery(params.q.trim())) {
      const looser = await engine(this.index, this.index.search({ ...params, matchingStrategy: 'last' }));
      processingTimeMs += looser.processingTimeMs;
      if ((looser.totalHits ?? 0) > 0) {
        response = looser;
        relaxed = true;
      }
    }
    const hits = await this.hydrate(response, visibilities, loaders, params.q);
    const totalHits = response.totalHits ?? 0;
    return {
      hits,
      totalHits,
      page: response.page ?? params.page ?? 1,
      pageSize: response.hitsPerPage ?? params.hitsPerPage ?? 20,
      totalPages: response.totalPages ?? 0,
      facets: facetsOf(response.facetDistribution),
      processingTimeMs,
      relaxed,
      query: params.q.trim(),
    };
  }

  /**
   * Saved-search digests (modules/watch): the cases matching a search that were first published in
   * (after, until], newest first, as `actor` may read them; the same words, filters and visibility rules as
   * the search page, with a publishedAt window the search layer adds. At most `limit` cases; `total` counts
   * all of them.
   */
  async publishedBetween(
    actor: Actor | null,
    req: Pick<SearchRequest, 'query' | 'filter'>,
    after: Date,
    until: Date,
    limit: number,
  ): Promise<{ cases: CaseStudyEntity[]; total: number }> {
    const visibilities = visibilitiesOf(actor);
    const params = searchParams(
      { ...req, sort: 'NEWEST', page: 1, pageSize: limit },
      visibilities,
      { facets: false, highlights: false },
    );
    // The index keeps whole seconds: the engine's window is the seconds around it, PostgreSQL cuts exactly.
    const window = [
      `publishedAt >= ${Math.floor(after.getTime() / 1000)}`,
      `publishedAt <= ${Math.floor(until.getTime() / 1000)}`,
    ];
    params.filter = [...(params.filter as string[]), ...window];
    const response = await engine(this.index, this.index.search(params));
    const hits = await this.hydrate(response, visibilities, { needs: { facets: false, highlights: false } }, '');
    // PostgreSQL is the truth: a case whose publishedAt moved (unpublished, published again) is judged by it.
    const cases = hits
      .map((h) => h.caseStudy)
      .filter((c) => c.publishedAt && c.publishedAt > after && c.publishedAt <= until);
    return { cases, total: Math.max(response.totalHits ?? 0, cases.length) };
  }

  private async hydrate(
    response: SearchResponse<IndexedText>,
    visibilities: readonly Visibility[],
    loaders: HitLoaders,
    query: string,
  ): Promise<SearchHitResult[]> {
    const terms = loaders.needs?.highlights === false ? null : highlightTerms(query);
    const fields = loaders.caseStudyFields ?? null;
    // Highlights mark the title and summary as PostgreSQL has them (the truth, as the page shows them).
    const columns = caseColumnsFor(
      terms && fields ? new Set([...fields, 'title', 'summary']) : fields,
      this.repository.caseColumns,
    );
    const cases = await this.repository.findByIdsInOrder(
      response.hits.map((h) => h.id),
      columns,
    );
    const byId = new Map(cases.map((c) => [c.id, c]));
    const out: SearchHitResult[] = [];
    for (const hit of response.hits) {
      const c = byId.get(hit.id);
      // The index can lag the truth by a moment: never show what PostgreSQL says is not readable.
      if (!c || c.status !== 'PUBLISHED' || !visibilities.includes(c.visibility)) continue;
      if (c.municipality) loaders.primeMunicipality?.(c.municipality);
      loaders.primeCaseStudy?.(c);
      out.push({
        caseStudy: c,
        query,
        highlights: terms
          ? {
              title: highlightText(c.title, terms),
              summary: highlightText(c.summary, terms),
              body: cropText(hit.body ?? '', terms, BODY_CROP_CHARS),
            }
          : null,
      });
    }
    return out;
  }

  /**
   * Cases like this one: sharing its themes (or targets), ranked by how many of its tags and title words
   * they contain; topped up with the newest cases of the same themes when few match. Never the case itself,
   * and only what the caller may read.
   */
  async similar(
    actor: Actor | null,
    id: string,
    limit: number,
    loaders: HitLoaders = {},
  ): Promise<CaseStudyEntity[]> {
    const visibilities = visibilitiesOf(actor);
    const source = await this.repository.findById(id);
    if (!source) return [];
    const readable =
      source.status === 'PUBLISHED'
        ? visibilities.includes(source.visibility)
        : can(actor, 'caseStudy.readDraft', { municipalityId: source.municipalityId });
    if (!readable) return [];
    const related: CaseSearchFilter = source.themes.length
      ? { themes: source.themes }
      : source.targets.length
        ? { targets: source.targets }
        : {};
    const filter = buildCaseFilter(related, visibilities, { excludeIds: [source.id] });
    // The engine reads the first ten words of a query: tags first, they are the case's own keywords.
    const q = normalizeQuery([...source.tags, source.title].join(' '));
    const base: MultiSearchQuery = {
      indexUid: this.index.liveName,
      filter,
      locales: ['jpn'],
      attributesToRetrieve: ['id'],
    };
    const { results } = await engine(
      this.index,
      this.index.multiSearch({
        queries: [
          // 'last' drops title words from the end first and keeps the tags; 'frequency' would drop the
          // words the case shares with the most others, which are exactly the ones that make them similar.
          { ...base, q, limit, matchingStrategy: 'last' },
          { ...base, q: '', limit, sort: [...CASE_SORT_RULES.NEWEST] },
        ],
      }),
    );
    const ids = [...new Set(results.flatMap((r) => r.hits.map((h) => h.id)))].slice(0, limit);
    const columns = caseColumnsFor(loaders.caseStudyFields ?? null, this.repository.caseColumns);
    const cases = await this.repository.findByIdsInOrder(ids, columns);
    return cases.filter((c) => {
      const ok = c.status === 'PUBLISHED' && visibilities.includes(c.visibility);
      if (ok && c.municipality) loaders.primeMunicipality?.(c.municipality);
      return ok;
    });
  }
}
