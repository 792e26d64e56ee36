import { Inject, Injectable } from '@nestjs/common';
import type { MultiSearchQuery } from 'meilisearch';
import {
  buildCaseFilter,
  bestClauseScore,
  combinedTextScore,
  comparePrecedents,
  descriptionClauses,
  filterString,
  normalizeQuery,
  populationBandOf,
  prepareQuery,
  scorePrecedent,
  seekerProfileFromText,
  themesInText,
  type CaseTheme,
  type MunicipalityKind,
  type MunicipalityProfile,
  type PopulationBand,
  type PrecedentScore,
  type Visibility,
} from '@yokoten/case-studies';
import { BadUserInputError } from '../../common/app-error';
import { CaseIndex, isIndexNotFound } from '../../search/case-index';
import { isUnreachable } from '../../search/search-outbox.processor';
import type { Actor } from '../auth/actor';
import { AdoptionRepository } from '../adoption/adoption.repository';
import type { CaseStudyEntity } from '../case-study/case-study.entity';
import { CaseStudyRepository } from '../case-study/case-study.repository';
import { CaseSearchRepository } from '../case-search/case-search.repository';
import { SearchUnavailableError } from '../case-search/case-search.errors';
import { visibilitiesOf } from '../case-search/case-search.service';
import type { MunicipalityEntity } from '../municipality/municipality.entity';
import { MunicipalityRepository } from '../municipality/municipality.repository';
import { MunicipalityProfileService } from '../municipality/municipality-profile.service';
import { authorize } from '../auth/authorization.policy';
import type { CasesLikeDraftInput } from './dto/cases-like-draft.input';
import type { FindPrecedentsInput } from './dto/find-precedents.input';

/**
 * Candidates read from the engine by text (per clause of the description when it has several), and by the
 * description's themes when the words miss.
 */
export const TEXT_CANDIDATES = 50;
export const CLAUSE_CANDIDATES = 30;
export const THEME_CANDIDATES = 30;

export interface PrecedentResult extends PrecedentScore {
  caseStudy: CaseStudyEntity;
}

export interface FinderLoaders {
  primeCaseStudy?(c: CaseStudyEntity): void;
  primeMunicipality?(m: MunicipalityEntity): void;
}

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

const FINDER_ATTRIBUTES = [
  'id',
  'themes',
  'prefectureCode',
  'municipalityKind',
  'populationBand',
  'publishedAt',
];

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

function profileOf(m: MunicipalityEntity): MunicipalityProfile {
  return {
    prefectureCode: m.prefectureCode,
    kind: m.kind,
    populationBand: m.population === null ? null : populationBandOf(m.population),
  };
}

/**
 * Who is looking: a municipality of the register (its own cases left out, its focus themes added), or,
 * for someone who does not name one, a profile made of the size and prefecture given and what the
 * description says (「人口3万人の町」), each part possibly unknown.
 */
export type Seeker =
  | { municipality: MunicipalityEntity; profile: MunicipalityProfile }
  | { municipality: null; profile: MunicipalityProfile };

/**
 * 先行事例ファインダー: text relevance from Meilisearch (the same index, locale, synonyms and visibility rules
 * as searchCaseStudies) first; how close the publishing municipality is to the one looking, the themes the
 * description mentions and how far the case has spread only reorder cases of nearly equal relevance. The scoring is the pure
 * `scorePrecedent` of @yokoten/case-studies; this service only gathers its inputs.
 */
@Injectable()
export class PrecedentFinderService {
  constructor(
    @Inject(CaseIndex) private readonly index: CaseIndex,
    private readonly caseStudies: CaseStudyRepository,
    private readonly hydration: CaseSearchRepository,
    private readonly municipalities: MunicipalityRepository,
    private readonly adoptions: AdoptionRepository,
    private readonly profiles: MunicipalityProfileService,
  ) {}

  async find(
    actor: Actor | null,
    input: FindPrecedentsInput,
    loaders: FinderLoaders = {},
  ): Promise<PrecedentResult[]> {
    const seeker = await this.seekerOf(actor, input);
    const own = seeker.municipality;
    const limit = input.limit ?? 10;
    const visibilities = visibilitiesOf(actor);
    // The themes the description mentions, plus those the asking municipality says it works on (its
    // profile's focus themes) as an extra theme profile.
    const descriptionThemes = [
      ...new Set([
        ...themesInText(input.description),
        ...(own ? await this.profiles.focusThemesOf(own.id) : []),
      ]),
    ];
    const queries = finderQueries(
      this.index.liveName,
      input.description,
      own?.code ?? null,
      visibilities,
      descriptionThemes,
    );
    if (queries.length === 0) return [];
    const { results } = await this.engine(this.index.multiSearch({ queries }));

    // Score every candidate from what the index holds about it (themes, the publisher's profile): only
    // the few shown are read from PostgreSQL.
    // Text queries come first, one per clause; their scores are combined (combinedTextScore).
    const textQueries = queries.filter((q) => q.q).length;
    const candidates = new Map<string, FinderHit & { clauseScores: Array<number | null> }>();
    results.forEach((r, i) => {
      for (const hit of r.hits as unknown as FinderHit[]) {
        let c = candidates.get(hit.id);
        if (!c) {
          c = { ...hit, clauseScores: Array.from({ length: textQueries }, () => null) };
          candidates.set(hit.id, c);
        }
        if (i < textQueries) c.clauseScores[i] = hit._rankingScore ?? null;
      }
    });
    if (candidates.size === 0) return [];
    const counts = await this.adoptions.countsByCaseIds([...candidates.keys()]);
    const profile = seeker.profile;
    const ranked = [...candidates.values()]
      .map((h) => ({
        id: h.id,
        publishedAt: h.publishedAt ?? 0,
        ...scorePrecedent(
          profile,
          {
            prefectureCode: h.prefectureCode,
            kind: h.municipalityKind,
            populationBand: h.populationBand,
            themes: h.themes ?? [],
            adoptionCount: counts.get(h.id) ?? 0,
            textScore: combinedTextScore(h.clauseScores),
            bestClauseScore: bestClauseScore(h.clauseScores),
          },
          descriptionThemes,
        ),
      }))
      // Text relevance gates the rest (comparePrecedents): a theme-only candidate never comes before a
      // case the description's words matched; closeness only reorders cases of nearly equal relevance.
      .sort((a, b) => comparePrecedents(a, b) || b.publishedAt - a.publishedAt || a.id.localeCompare(b.id));

    // The index may lag PostgreSQL for a moment: the rows decide what may be shown. A few spare rows are
    // read so that a case unpublished a moment ago does not leave the list short.
    const top = ranked.slice(0, limit + 5);
    // One prepared statement with the municipalities joined (the search module's hydration), which then prime
    // the municipality loader: no query builder, no second query for `caseStudy { municipality }`.
    const rows = new Map((await this.hydration.findByIdsInOrder(top.map((r) => r.id))).map((c) => [c.id, c]));
    const out: PrecedentResult[] = [];
    for (const r of top) {
      const c = rows.get(r.id);
      if (
        !c ||
        c.status !== 'PUBLISHED' ||
        !visibilities.includes(c.visibility) ||
        c.municipalityId === own?.id
      )
        continue;
      loaders.primeCaseStudy?.(c);
      if (c.municipality) loaders.primeMunicipality?.(c.municipality);
      out.push({ caseStudy: c, score: r.score, textMatch: r.textMatch, reasons: r.reasons, parts: r.parts });
      if (out.length === limit) break;
    }
    return out;
  }

  /**
   * Existing cases that look like a case being written (to avoid a duplicate, or to link related work):
   * the draft's tags and title as the query, narrowed to its themes when it has any. The officer's own
   * municipality's cases are included on purpose: a duplicate is most likely there. Signed-in callers only,
   * each with the cases they may read.
   */
  async likeDraft(actor: Actor | null, input: CasesLikeDraftInput): Promise<CaseStudyEntity[]> {
    authorize(actor, 'caseStudy.compareDraft');
    const visibilities = visibilitiesOf(actor);
    const limit = input.limit ?? 5;
    const words = normalizeQuery([...(input.tags ?? []), input.title ?? '', input.summary ?? ''].join(' '));
    if (!words && !input.themes?.length) return [];
    const { results } = await this.engine(
      this.index.multiSearch({
        queries: [
          {
            indexUid: this.index.liveName,
            q: prepareQuery(words),
            filter: buildCaseFilter(input.themes?.length ? { themes: input.themes } : null, visibilities),
            limit,
            matchingStrategy: 'last',
            locales: ['jpn'],
            attributesToRetrieve: ['id'],
          },
        ],
      }),
    );
    const ids = results[0]?.hits.map((h) => h.id) ?? [];
    const rows = new Map((await this.caseStudies.findByIds(ids)).map((c) => [c.id, c]));
    return ids
      .map((id) => rows.get(id))
      .filter(
        (c): c is CaseStudyEntity => !!c && c.status === 'PUBLISHED' && visibilities.includes(c.visibility),
      );
  }

  /**
   * The one looking: the municipality named; else the size and prefecture given, completed by what the
   * description says; else the officer's own municipality; else only what the description says (a
   * visitor who names nothing still gets the cases that address the description).
   */
  private async seekerOf(actor: Actor | null, input: FindPrecedentsInput): Promise<Seeker> {
    const code = input.municipalityCode;
    if (code) {
      const m = await this.municipalities.findByCode(code);
      if (!m) {
        throw new BadUserInputError(
          'input.municipalityCode',
          `input.municipalityCode: 自治体コード ${code} は登録されていません (unknown municipality)`,
        );
      }
      return { municipality: m, profile: profileOf(m) };
    }
    const stated = seekerProfileFromText(input.description);
    if (input.populationBand || input.prefectureCode) {
      return {
        municipality: null,
        profile: {
          prefectureCode: input.prefectureCode ?? null,
          kind: stated.kind,
          populationBand: input.populationBand ?? stated.populationBand,
        },
      };
    }
    if (actor?.municipalityId) {
      const [m] = await this.municipalities.findByIds([actor.municipalityId]);
      if (m) return { municipality: m, profile: profileOf(m) };
    }
    return {
      municipality: null,
      profile: { prefectureCode: null, kind: stated.kind, populationBand: stated.populationBand },
    };
  }

  private async engine<T>(work: Promise<T>): Promise<T> {
    try {
      return await work;
    } catch (err) {
      if (isUnreachable(err) || isIndexNotFound(err)) throw new SearchUnavailableError();
      throw err;
    }
  }
}
