import { Injectable, type OnModuleInit } from '@nestjs/common';
import {
  cropText,
  highlightTerms,
  highlightText,
  type CaseSearchFilter,
  type Visibility,
} from '@yokoten/case-studies';
import type { Actor } from '../auth/actor';
import { can } from '../auth/authorization.policy';
import type { CaseStudyEntity } from '../case-study/case-study.entity';
import type { MunicipalityEntity } from '../municipality/municipality.entity';
import { CaseQueries, type CasePage, type SearchNeeds, type SearchRequest } from '../../search/case-queries';
import { CaseSearchRepository } from './case-search.repository';
import { caseColumnsFor } from './case-study-selection';

/**
 * Characters of body text in a snippet (Japanese has no spaces, so the crop counts characters): about two
 * lines of a result card.
 */
export const BODY_CROP_CHARS = 120;

export interface SearchHitResult {
  caseStudy: CaseStudyEntity;
  highlights: { title: string; summary: string; body: string } | null;
  /** The query as searched (CaseStudyHit.matchedAttachment looks for its words in the case's files). */
  query?: string;
}

/** A results page: the engine's page (CasePage) with its hits read from PostgreSQL. */
export type SearchResult = Omit<CasePage, 'hits'> & { hits: SearchHitResult[] };

/** Loaders the service may prime so resolvers of the hits do not query again. */
export interface HitLoaders {
  primeMunicipality?(m: MunicipalityEntity): void;
  primeCaseStudy?(c: CaseStudyEntity): void;
  /** CaseStudy fields the query selects (null: unknown, read every column). */
  caseStudyFields?: Set<string> | null;
  /** Whether the query selects facets and highlights (default: both). */
  needs?: SearchNeeds;
}

/** Which visibilities a caller may read: the same rule as CaseStudyService.canRead for published cases. */
export function visibilitiesOf(actor: Actor | null): Visibility[] {
  return can(actor, 'caseStudy.readMembersOnly') ? ['PUBLIC', 'MEMBERS'] : ['PUBLIC'];
}

@Injectable()
export class CaseSearchService implements OnModuleInit {
  constructor(
    private readonly queries: CaseQueries,
    private readonly repository: CaseSearchRepository,
  ) {}

  /** The first word segmentation loads ICU's Japanese dictionary (~20 ms): at start, not in a search. */
  onModuleInit(): void {
    highlightTerms('人材育成 DX');
  }

  async search(actor: Actor | null, req: SearchRequest, loaders: HitLoaders = {}): Promise<SearchResult> {
    const visibilities = visibilitiesOf(actor);
    const page = await this.queries.page({ ...req, visibilities, needs: loaders.needs });
    const hits = await this.hydrate(page.hits, visibilities, loaders, page.query);
    return { ...page, hits, query: page.query.trim() };
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
    const needs = { facets: false, highlights: false };
    // The index keeps whole seconds: the engine's window is the seconds around it, PostgreSQL cuts exactly.
    const response = await this.queries.page({
      ...req,
      sort: 'NEWEST',
      page: 1,
      pageSize: limit,
      visibilities,
      needs,
      publishedWithin: { after, until },
    });
    const hits = await this.hydrate(response.hits, visibilities, { needs }, '');
    // PostgreSQL is the truth: a case whose publishedAt moved (unpublished, published again) is judged by it.
    const cases = hits
      .map((h) => h.caseStudy)
      .filter((c) => c.publishedAt && c.publishedAt > after && c.publishedAt <= until);
    return { cases, total: Math.max(response.totalHits, cases.length) };
  }

  private async hydrate(
    found: CasePage['hits'],
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
      found.map((h) => h.id),
      columns,
    );
    const byId = new Map(cases.map((c) => [c.id, c]));
    const out: SearchHitResult[] = [];
    for (const hit of found) {
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
    // Tags first: they are the case's own keywords.
    const ids = await this.queries.similarIds({
      words: [...source.tags, source.title],
      related,
      visibilities,
      excludeId: source.id,
      limit,
    });
    const columns = caseColumnsFor(loaders.caseStudyFields ?? null, this.repository.caseColumns);
    const cases = await this.repository.findByIdsInOrder(ids, columns);
    return cases.filter((c) => {
      const ok = c.status === 'PUBLISHED' && visibilities.includes(c.visibility);
      if (ok && c.municipality) loaders.primeMunicipality?.(c.municipality);
      return ok;
    });
  }
}
