import { Injectable } from '@nestjs/common';
import {
  bestClauseScore,
  combinedTextScore,
  comparePrecedents,
  normalizeQuery,
  populationBandOf,
  scorePrecedent,
  seekerProfileFromText,
  themesInText,
  type MunicipalityProfile,
  type PrecedentScore,
} from '@yokoten/case-studies';
import { BadUserInputError } from '../../common/app-error';
import { CaseQueries } from '../../search/case-queries';
import type { Actor } from '../auth/actor';
import type { AdoptionEntity } from '../adoption/adoption.entity';
import { AdoptionRepository } from '../adoption/adoption.repository';
import { countedAdoptions } from '../adoption/adoption.service';
import type { CaseStudyEntity } from '../case-study/case-study.entity';
import { CaseStudyRepository } from '../case-study/case-study.repository';
import { CaseSearchRepository } from '../case-search/case-search.repository';
import { visibilitiesOf } from '../case-search/case-search.service';
import { caseColumnsFor } from '../case-search/case-study-selection';
import type { MunicipalityEntity } from '../municipality/municipality.entity';
import { authorize } from '../auth/authorization.policy';
import type { CasesLikeDraftInput } from './dto/cases-like-draft.input';
import type { FindPrecedentsInput } from './dto/find-precedents.input';
import { PrecedentFinderRepository, type SeekerMunicipality } from './precedent-finder.repository';

export interface PrecedentResult extends PrecedentScore {
  caseStudy: CaseStudyEntity;
}

export interface FinderLoaders {
  primeCaseStudy?(c: CaseStudyEntity): void;
  primeMunicipality?(m: MunicipalityEntity): void;
  /** Who follows a shown case (its adoptionCount and adoptions), oldest first, as the adoption loader has them. */
  primeAdoptions?(caseStudyId: string, adoptions: AdoptionEntity[]): void;
  /** The CaseStudy fields the query selects (null: unknown, read every column). */
  caseStudyFields?: Set<string> | null;
}

function profileOf(m: SeekerMunicipality): MunicipalityProfile {
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
  | { municipality: SeekerMunicipality; profile: MunicipalityProfile }
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
    private readonly queries: CaseQueries,
    private readonly caseStudies: CaseStudyRepository,
    private readonly hydration: CaseSearchRepository,
    private readonly adoptions: AdoptionRepository,
    private readonly repository: PrecedentFinderRepository,
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
    const descriptionThemes = [...new Set([...themesInText(input.description), ...(own?.focusThemes ?? [])])];
    const candidates = await this.queries.finderCandidates({
      description: input.description,
      seekerCode: own?.code ?? null,
      visibilities,
      descriptionThemes,
    });
    if (candidates.length === 0) return [];

    // Score every candidate from what the index holds about it (themes, the publisher's profile): only
    // the few shown are read from PostgreSQL. The clauses' text scores are combined (combinedTextScore).
    // The candidates' adoptions (a handful of rows: most cases have none) rather than their counts: the
    // counts score them, and the rows of the shown cases prime the loader behind `adoptionCount`, so that
    // field reads nothing more.
    const adoptions = this.adoptionsByCase(await this.adoptions.findByCaseIds(candidates.map((c) => c.id)));
    const profile = seeker.profile;
    const ranked = candidates
      .map((h) => ({
        id: h.id,
        publishedAt: h.publishedAt,
        ...scorePrecedent(
          profile,
          {
            prefectureCode: h.prefectureCode,
            kind: h.municipalityKind,
            populationBand: h.populationBand,
            themes: h.themes,
            adoptionCount: countedAdoptions(adoptions.get(h.id) ?? []),
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
    // the municipality loader: no query builder, no second query for `caseStudy { municipality }`. Only the
    // columns the query's caseStudy fields need (as a results page does); a case read in part is not
    // handed to the case loader, whose other users may need what was left out.
    const columns = caseColumnsFor(loaders.caseStudyFields ?? null, this.hydration.caseColumns);
    const rows = new Map(
      (
        await this.hydration.findByIdsInOrder(
          top.map((r) => r.id),
          columns,
        )
      ).map((c) => [c.id, c]),
    );
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
      if (!columns) loaders.primeCaseStudy?.(c);
      if (c.municipality) loaders.primeMunicipality?.(c.municipality);
      loaders.primeAdoptions?.(c.id, adoptions.get(c.id) ?? []);
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
    const ids = await this.queries.idsMatchingSome({
      words,
      filter: input.themes?.length ? { themes: input.themes } : null,
      visibilities,
      limit,
    });
    const rows = new Map((await this.caseStudies.findByIds(ids)).map((c) => [c.id, c]));
    return ids
      .map((id) => rows.get(id))
      .filter(
        (c): c is CaseStudyEntity => !!c && c.status === 'PUBLISHED' && visibilities.includes(c.visibility),
      );
  }

  /** Adoption rows by followed case, each case's in the order read (oldest first). */
  private adoptionsByCase(rows: readonly AdoptionEntity[]): Map<string, AdoptionEntity[]> {
    const byCase = new Map<string, AdoptionEntity[]>();
    for (const a of rows) {
      const list = byCase.get(a.caseStudyId);
      if (list) list.push(a);
      else byCase.set(a.caseStudyId, [a]);
    }
    return byCase;
  }

  /**
   * The one looking: the municipality named; else the size and prefecture given, completed by what the
   * description says; else the officer's own municipality; else only what the description says (a
   * visitor who names nothing still gets the cases that address the description).
   */
  private async seekerOf(actor: Actor | null, input: FindPrecedentsInput): Promise<Seeker> {
    const code = input.municipalityCode;
    if (code) {
      const m = await this.repository.seekerByCode(code);
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
      const m = await this.repository.seekerById(actor.municipalityId);
      if (m) return { municipality: m, profile: profileOf(m) };
    }
    return {
      municipality: null,
      profile: { prefectureCode: null, kind: stated.kind, populationBand: stated.populationBand },
    };
  }
}
