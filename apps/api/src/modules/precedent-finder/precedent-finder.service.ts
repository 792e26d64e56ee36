import { Inject, Injectable } from '@nestjs/common';
import type { MultiSearchQuery } from 'meilisearch';
import {
  buildCaseFilter,
  filterString,
  normalizeQuery,
  populationBandOf,
  prepareQuery,
  scorePrecedent,
  themesInText,
  type MunicipalityProfile,
  type PrecedentScore,
} from '@yokoten/case-studies';
import { BadUserInputError } from '../../common/app-error';
import { CaseIndex, isIndexNotFound } from '../../search/case-index';
import { isUnreachable } from '../../search/search-outbox.processor';
import type { Actor } from '../auth/actor';
import { AdoptionRepository } from '../adoption/adoption.repository';
import type { CaseStudyEntity } from '../case-study/case-study.entity';
import { CaseStudyRepository } from '../case-study/case-study.repository';
import { SearchUnavailableError } from '../case-search/case-search.errors';
import { visibilitiesOf } from '../case-search/case-search.service';
import type { MunicipalityEntity } from '../municipality/municipality.entity';
import { MunicipalityRepository } from '../municipality/municipality.repository';
import type { FindPrecedentsInput } from './dto/find-precedents.input';

/** Candidates read from the engine by text, and by the description's themes when the words miss. */
export const TEXT_CANDIDATES = 50;
export const THEME_CANDIDATES = 30;

export interface PrecedentResult extends PrecedentScore {
  caseStudy: CaseStudyEntity;
}

export interface FinderLoaders {
  primeMunicipality?(m: MunicipalityEntity): void;
}

function profileOf(m: MunicipalityEntity): MunicipalityProfile {
  return {
    prefectureCode: m.prefectureCode,
    kind: m.kind,
    populationBand: m.population === null ? null : populationBandOf(m.population),
  };
}

/**
 * 先行事例ファインダー: text relevance from Meilisearch (the same index, locale, synonyms and visibility rules
 * as searchCaseStudies) re-ranked by how close the publishing municipality is to the one looking, the
 * themes the description mentions and how far the case has spread. The scoring is the pure
 * `scorePrecedent` of @yokoten/case-studies; this service only gathers its inputs.
 */
@Injectable()
export class PrecedentFinderService {
  constructor(
    @Inject(CaseIndex) private readonly index: CaseIndex,
    private readonly caseStudies: CaseStudyRepository,
    private readonly municipalities: MunicipalityRepository,
    private readonly adoptions: AdoptionRepository,
  ) {}

  async find(
    actor: Actor | null,
    input: FindPrecedentsInput,
    loaders: FinderLoaders = {},
  ): Promise<PrecedentResult[]> {
    const seeker = await this.seekerOf(actor, input.municipalityCode);
    const limit = input.limit ?? 10;
    const visibilities = visibilitiesOf(actor);
    const descriptionThemes = themesInText(input.description);
    // The municipality's own cases are not precedents for it.
    const notOwn = `municipalityCode != ${filterString(seeker.code)}`;
    const filter = [...buildCaseFilter(null, visibilities), notOwn];
    const q = prepareQuery(normalizeQuery(input.description));
    const base = { indexUid: this.index.liveName, locales: ['jpn'], attributesToRetrieve: ['id'] };
    const queries: MultiSearchQuery[] = [
      // 'last' keeps the cases that share only some of the words (dropping words from the end), and the
      // ranking score says how much they share. Measured on 1.21: 'frequency' returned only the cases
      // containing every word of a long description, which is what a finder must not require.
      { ...base, q, filter, limit: TEXT_CANDIDATES, matchingStrategy: 'last', showRankingScore: true },
    ];
    if (descriptionThemes.length) {
      queries.push({
        ...base,
        q: '',
        filter: [...buildCaseFilter({ themes: descriptionThemes }, visibilities), notOwn],
        limit: THEME_CANDIDATES,
        sort: ['publishedAt:desc'],
      });
    }
    const { results } = await this.engine(this.index.multiSearch({ queries }));
    const textScore = new Map<string, number>();
    for (const hit of results[0]?.hits ?? []) {
      const score = (hit as { _rankingScore?: number })._rankingScore;
      if (q && typeof score === 'number') textScore.set(hit.id, score);
    }
    const ids = [...new Set(results.flatMap((r) => r.hits.map((h) => h.id)))];
    if (ids.length === 0) return [];

    const [cases, counts] = await Promise.all([
      this.caseStudies.findByIds(ids),
      this.adoptions.countsByCaseIds(ids),
    ]);
    const muniById = new Map(
      (await this.municipalities.findByIds([...new Set(cases.map((c) => c.municipalityId))])).map((m) => [
        m.id,
        m,
      ]),
    );
    const scored: Array<PrecedentResult & { text: number }> = [];
    for (const c of cases) {
      const m = muniById.get(c.municipalityId);
      // The index may lag PostgreSQL for a moment: the row decides what may be shown.
      if (!m || c.status !== 'PUBLISHED' || !visibilities.includes(c.visibility) || m.id === seeker.id)
        continue;
      loaders.primeMunicipality?.(m);
      const text = textScore.get(c.id) ?? null;
      const s = scorePrecedent(
        profileOf(seeker),
        { ...profileOf(m), themes: c.themes, adoptionCount: counts.get(c.id) ?? 0, textScore: text },
        descriptionThemes,
      );
      scored.push({ ...s, caseStudy: c, text: text ?? 0 });
    }
    scored.sort(
      (a, b) =>
        b.score - a.score ||
        b.text - a.text ||
        (b.caseStudy.publishedAt?.getTime() ?? 0) - (a.caseStudy.publishedAt?.getTime() ?? 0) ||
        a.caseStudy.id.localeCompare(b.caseStudy.id),
    );
    return scored.slice(0, limit).map(({ text: _t, ...r }) => r);
  }

  /** The municipality looking: the one named, or the officer's own. */
  private async seekerOf(actor: Actor | null, code: string | undefined): Promise<MunicipalityEntity> {
    if (code) {
      const m = await this.municipalities.findByCode(code);
      if (!m) {
        throw new BadUserInputError(
          'input.municipalityCode',
          `input.municipalityCode: 自治体コード ${code} は登録されていません (unknown municipality)`,
        );
      }
      return m;
    }
    if (actor?.municipalityId) {
      const [m] = await this.municipalities.findByIds([actor.municipalityId]);
      if (m) return m;
    }
    throw new BadUserInputError(
      'input.municipalityCode',
      'input.municipalityCode: どの自治体の状況かを指定してください (name the municipality)',
    );
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
