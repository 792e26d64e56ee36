import { CASE_TARGET_LABELS, CASE_THEME_LABELS, populationBandOf } from '../taxonomy';
import type {
  CaseStage,
  CaseStatus,
  CaseTarget,
  CaseTheme,
  MunicipalityKind,
  PopulationBand,
  Visibility,
} from '../taxonomy';
import { prefectureByCode } from '../prefectures';
import { hiraganaToKatakana, katakanaToHiragana } from '../japanese-text';
import { markdownToPlainText } from './plain-text';
import { synonymExpansions } from './synonyms';
import { facetValuesOf } from './filter';

/** What the mapping reads from a case (structurally the API's entity, kept framework-free here). */
export interface CaseForIndex {
  id: string;
  title: string;
  summary: string;
  /** Markdown. */
  body: string;
  themes: readonly CaseTheme[];
  targets: readonly CaseTarget[];
  tags: readonly string[];
  fiscalYears: readonly number[];
  budgetYen: number | null;
  fundingSources: readonly string[];
  partners: readonly string[];
  outcomes: readonly { label: string }[];
  lessonsLearned: string;
  challenges: string;
  stage: CaseStage;
  status: CaseStatus;
  visibility: Visibility;
  publishedAt: Date | string | null;
  /** 横展開: municipalities piloting or running it (COUNTED_ADOPTION_STATUSES); 0 when not given. */
  adoptionCount?: number;
  /** 「参考になった」 marks (one per user); 0 when not given. */
  helpfulCount?: number;
}

export interface MunicipalityForIndex {
  code: string;
  name: string;
  /** Reading in hiragana. */
  kana: string;
  prefectureCode: string;
  kind: MunicipalityKind;
  population: number | null;
}

/** One document of the `case_studies` index. Field names are the index's attribute names. */
export interface CaseSearchDocument {
  id: string;
  title: string;
  summary: string;
  /** Plain text: the Markdown body without its markup. */
  body: string;
  tags: string[];
  themes: CaseTheme[];
  targets: CaseTarget[];
  /** Japanese and English labels of the themes and targets, so 「リスキリング」 finds a case filed under it. */
  taxonomyLabels: string[];
  fiscalYears: number[];
  budgetYen: number | null;
  status: CaseStatus;
  visibility: Visibility;
  municipalityCode: string;
  municipalityName: string;
  /** Reading in hiragana, e.g. きたきゅうしゅうし. */
  municipalityKana: string;
  /** The same reading in katakana: a katakana query is segmented differently from a hiragana one. */
  municipalityKanaKatakana: string;
  prefectureCode: string;
  prefectureName: string;
  populationBand: PopulationBand | null;
  municipalityKind: MunicipalityKind;
  population: number | null;
  /** Epoch seconds (sortable); null only for a document that is not published. */
  publishedAt: number | null;
  stage: CaseStage;
  outcomeLabels: string[];
  lessonsLearned: string;
  challenges: string;
  partners: string[];
  fundingSources: string[];
  /**
   * Katakana words of the case in hiragana (ロボット → ろぼっと) and hiragana names (tags, 「quoted」 words) in
   * katakana (はたらぶ → ハタラブ): the Japanese tokeniser segments a hiragana string differently from the
   * same word in katakana, so a query typed in the other script would otherwise miss it.
   */
  kanaTerms: string[];
  /** Members of synonym groups the case mentions but does not contain (see synonyms.ts). */
  synonymTerms: string[];
  /** 横展開: municipalities piloting or running the case (filterable and sortable). */
  adoptionCount: number;
  /** 「参考になった」 marks, sortable (MOST_HELPFUL). */
  helpfulCount: number;
  /** Every facet value of the case as `<facet>:<value>`, the one attribute facets are counted on. */
  facetValues: string[];
}

/** Characters the API uses as highlight delimiters; they must never come from a document. */
export const HIGHLIGHT_PRE = '\uE000';
export const HIGHLIGHT_POST = '\uE001';
const RESERVED = /[\uE000\uE001]/g;
const clean = (s: string | null | undefined): string => (s ?? '').replace(RESERVED, '');

const KATAKANA_WORD = /[\u30a1-\u30fa\u30fc]{2,}/g;
// A hiragana word someone would also type in katakana is a name: a whole tag, or a quoted 「はたらぶ」.
// Running text is not scanned: its hiragana runs are particles and okurigana (「ための」「しました」).
const HIRAGANA_ONLY = /^[\u3041-\u3096\u30fc]{2,}$/;
const QUOTED_HIRAGANA = /[「『]([\u3041-\u3096\u30fc]{2,})[」』]/g;

/** Hiragana forms of the katakana words (two characters or more) in the texts, each once. */
export function katakanaWordsAsHiragana(texts: readonly string[]): string[] {
  const out = new Set<string>();
  for (const text of texts) {
    for (const word of text.normalize('NFKC').match(KATAKANA_WORD) ?? []) {
      if (/^ー+$/.test(word)) continue;
      out.add(katakanaToHiragana(word));
    }
  }
  return [...out];
}

/** Katakana forms of the hiragana names among the tags and the 「quoted」 words of the texts, each once. */
export function hiraganaWordsAsKatakana(texts: readonly string[], tags: readonly string[] = []): string[] {
  const out = new Set<string>();
  for (const tag of tags) {
    const t = tag.normalize('NFKC').trim();
    if (HIRAGANA_ONLY.test(t)) out.add(hiraganaToKatakana(t));
  }
  for (const text of texts) {
    for (const m of text.normalize('NFKC').matchAll(QUOTED_HIRAGANA)) out.add(hiraganaToKatakana(m[1]));
  }
  return [...out];
}

function epochSeconds(value: Date | string | null): number | null {
  if (value === null) return null;
  const ms = (typeof value === 'string' ? new Date(value) : value).getTime();
  return Number.isNaN(ms) ? null : Math.floor(ms / 1000);
}

/**
 * Maps a case and its municipality to its search document. Pure: the same inputs always give the same
 * document, so re-indexing is always safe. Only published cases belong in the index; `isIndexable` says
 * which, and the sync deletes the document of any other.
 */
export function toCaseSearchDocument(c: CaseForIndex, m: MunicipalityForIndex): CaseSearchDocument {
  const title = clean(c.title);
  const summary = clean(c.summary);
  const body = clean(markdownToPlainText(c.body ?? ''));
  const tags = c.tags.map(clean);
  const lessonsLearned = clean(c.lessonsLearned);
  const challenges = clean(c.challenges);
  const partners = c.partners.map(clean);
  const fundingSources = c.fundingSources.map(clean);
  const outcomeLabels = c.outcomes.map((o) => clean(o.label));
  const texts = [title, summary, body, ...tags, lessonsLearned, challenges, ...partners, ...outcomeLabels];
  const kana = katakanaToHiragana(m.kana.normalize('NFKC'));
  const populationBand = m.population === null ? null : populationBandOf(m.population);
  return {
    id: c.id,
    title,
    summary,
    body,
    tags,
    themes: [...c.themes],
    targets: [...c.targets],
    taxonomyLabels: [
      ...c.themes.flatMap((t) => [CASE_THEME_LABELS[t].ja, CASE_THEME_LABELS[t].en]),
      ...c.targets.flatMap((t) => [CASE_TARGET_LABELS[t].ja, CASE_TARGET_LABELS[t].en]),
    ],
    fiscalYears: [...c.fiscalYears],
    budgetYen: c.budgetYen,
    status: c.status,
    visibility: c.visibility,
    municipalityCode: m.code,
    municipalityName: m.name,
    municipalityKana: kana,
    municipalityKanaKatakana: hiraganaToKatakana(kana),
    prefectureCode: m.prefectureCode,
    prefectureName: prefectureByCode(m.prefectureCode)?.name ?? '',
    populationBand,
    municipalityKind: m.kind,
    population: m.population,
    publishedAt: epochSeconds(c.publishedAt),
    stage: c.stage,
    outcomeLabels,
    lessonsLearned,
    challenges,
    partners,
    fundingSources,
    kanaTerms: [...katakanaWordsAsHiragana(texts), ...hiraganaWordsAsKatakana(texts, tags)],
    synonymTerms: synonymExpansions(texts.join('\n')),
    adoptionCount: c.adoptionCount ?? 0,
    helpfulCount: c.helpfulCount ?? 0,
    facetValues: facetValuesOf({
      themes: c.themes,
      targets: c.targets,
      prefecture: m.prefectureCode,
      populationBand,
      municipalityKind: m.kind,
      fiscalYear: c.fiscalYears,
      stage: c.stage,
    }),
  };
}

/** Only published cases are searchable; the document of a draft or archived case is deleted. */
export function isIndexable(c: Pick<CaseForIndex, 'status'>): boolean {
  return c.status === 'PUBLISHED';
}
