import { normalizeForSearch } from '../japanese-text';
import { prefectureByCode, REGION_LABELS } from '../prefectures';
import { mentions } from '../search/synonyms';
import {
  CASE_THEME_LABELS,
  CASE_THEMES,
  MUNICIPALITY_KIND_LABELS,
  POPULATION_BAND_LABELS,
  POPULATION_BANDS,
  type CaseTheme,
  type MunicipalityKind,
  type PopulationBand,
} from '../taxonomy';

/**
 * Words that point at a theme when an official describes their situation. The theme's own Japanese label
 * counts too. Kept to words that rarely mean anything else in this field, so that a description is not
 * credited with themes it does not have; the list is a hint for ranking, never a filter.
 */
export const THEME_KEYWORDS: Readonly<Record<CaseTheme, readonly string[]>> = {
  DX_TALENT: ['DX人材', 'デジタル人材', 'IT人材', 'DX推進', 'エンジニア', 'データサイエンス'],
  RESKILLING: ['リスキリング', '学び直し', 'reskilling', '再教育', 'スキルアップ'],
  SME_DX: ['中小企業', '中小事業者', '事業者のデジタル化', '地元企業', '町内企業', '市内企業', 'SME'],
  CITIZEN_LEARNING: ['求職者', '離職者', '市民向け', '住民向け', '町民', '高齢者', '女性'],
  STAFF_DX: ['職員', '庁内', '役所', '役場', '電子申請', 'RPA', '業務改善'],
  TELEWORK_MIGRATION: [
    'テレワーク',
    '移住',
    'Uターン',
    'リモートワーク',
    'サテライトオフィス',
    'ワーケーション',
    '人口減少',
  ],
  EXTERNAL_TALENT: ['副業', '兼業', '外部人材', '複業', 'プロ人材', '関係人口'],
  BUSINESS_ATTRACTION: ['企業誘致', '誘致', '進出', '拠点開設'],
  ROBOTICS_IOT: ['ロボット', 'IoT', 'センサー', 'ドローン', '自動化'],
  CERTIFICATION: ['資格', 'ITパスポート', 'iパス', '検定', '受験料'],
  YOUTH_EDUCATION: ['高校生', '中学生', '小学生', '学生', '若者', '子ども', 'プログラミング教育', '学校'],
  INDUSTRY_ACADEMIA: ['大学', '高専', '産学', '金融機関', '産学官'],
};

const FOLDED_KEYWORDS: ReadonlyArray<[CaseTheme, string[]]> = CASE_THEMES.map((t) => [
  t,
  [CASE_THEME_LABELS[t].ja, ...THEME_KEYWORDS[t]].map(normalizeForSearch),
]);

/** Themes a free-text description mentions, in taxonomy order (width, case and kana insensitive). */
export function themesInText(text: string): CaseTheme[] {
  const haystack = normalizeForSearch(text);
  return FOLDED_KEYWORDS.filter(([, words]) => words.some((w) => mentions(haystack, w))).map(([t]) => t);
}

/**
 * The profile of a municipality, as far as closeness is concerned. For the seeker each part may be unknown
 * (null): a visitor may give only a size and a prefecture, or only what the description says.
 */
export interface MunicipalityProfile {
  prefectureCode: string | null;
  kind: MunicipalityKind | null;
  /** null when the population is unknown. */
  populationBand: PopulationBand | null;
}

export interface PrecedentCandidate {
  prefectureCode: string;
  kind: MunicipalityKind;
  populationBand: PopulationBand | null;
  themes: readonly CaseTheme[];
  /** Municipalities that pilot or run it (COUNTED_ADOPTION_STATUSES). */
  adoptionCount: number;
  /**
   * Text relevance from the engine, 0–1 (Meilisearch `_rankingScore`); null when the case came in only
   * through its themes and the description's words did not match it.
   */
  textScore: number | null;
  /**
   * When the description was queried clause by clause: the best clause's score, which says in words how
   * well the case matched (textMatchReason) and whether it addresses the description; default textScore.
   */
  bestClauseScore?: number | null;
}

/**
 * Weights of the finder's score (issue #12): text relevance gates the rest. A case whose words match the
 * description always ranks above one that came in only through its themes (`comparePrecedents`); among
 * matching cases the score is the text relevance (0–1) plus a bounded closeness tie-break: the closeness
 * points below (profile, themes, adoptions; at most 0.66) times `closeness` (0.075), so at most 0.0495.
 * Closeness therefore reorders only cases whose text scores differ by less than 0.05, and can never lift
 * an off-topic case above one that addresses the description. Documented in docs/precedent-finder.md.
 */
export const PRECEDENT_WEIGHTS = {
  text: 1,
  /** Multiplies the closeness points below into score units. */
  closeness: 0.075,
  samePopulationBand: 0.2,
  adjacentPopulationBand: 0.08,
  sameKind: 0.08,
  samePrefecture: 0.12,
  neighbouringPrefecture: 0.07,
  sameRegion: 0.04,
  /** Per theme in common with the description, at most `themesMax`. */
  themeInCommon: 0.1,
  themesMax: 0.2,
  /** Times log2(1 + adoptions), at most `adoptionMax`: a proven case helps, a famous one cannot bury the rest. */
  adoption: 0.02,
  adoptionMax: 0.06,
} as const;

/** The most closeness can add to a score: 0.66 points × 0.075 = 0.0495. */
export const CLOSENESS_MAX =
  PRECEDENT_WEIGHTS.closeness *
  (PRECEDENT_WEIGHTS.samePopulationBand +
    PRECEDENT_WEIGHTS.sameKind +
    PRECEDENT_WEIGHTS.samePrefecture +
    PRECEDENT_WEIGHTS.themesMax +
    PRECEDENT_WEIGHTS.adoptionMax);

/**
 * How well the description's words matched, in words (the engine's ranking score, 0–1): a case that
 * shares a word or two must not read as a match. Thresholds measured on the demo data: a case that
 * addresses the description scores 0.8 and more, one that shares a few words 0.5–0.8.
 */
export const TEXT_MATCH_THRESHOLDS = { strong: 0.8, partial: 0.5 } as const;
export const TEXT_MATCH_REASONS = {
  strong: '説明文のことばとよく一致',
  partial: '説明文のことばと一部一致',
  weak: '説明文のことばとの一致はわずか',
} as const;

/**
 * Themes shared with a case whose words do not address the description (no or only a weak text match):
 * the link comes from a word of the description (「自動化」 → ロボット・IoT), not from what the case is about,
 * so it is not called 「共通のテーマ」.
 */
export const THEME_FROM_WORD_REASON = '説明文の語から推定したテーマ';

export function textMatchReason(textScore: number): string {
  if (textScore >= TEXT_MATCH_THRESHOLDS.strong) return TEXT_MATCH_REASONS.strong;
  if (textScore >= TEXT_MATCH_THRESHOLDS.partial) return TEXT_MATCH_REASONS.partial;
  return TEXT_MATCH_REASONS.weak;
}

export interface PrecedentScore {
  /** Text relevance plus the closeness tie-break; compare with `comparePrecedents`, which puts `textMatch` first. */
  score: number;
  /** Whether the description's words matched the case at all (the engine returned it for the text query). */
  textMatch: boolean;
  /**
   * Japanese, for display as they are, one per part that contributed: how well the words matched first
   * (「説明文のことばとよく一致」), then 「同規模の自治体（5万〜10万人）」, 「共通のテーマ：リスキリング」, …
   */
  reasons: string[];
  parts: {
    text: number;
    population: number;
    kind: number;
    place: number;
    themes: number;
    adoption: number;
  };
}

function bandDistance(a: PopulationBand, b: PopulationBand): number {
  return Math.abs(POPULATION_BANDS.indexOf(a) - POPULATION_BANDS.indexOf(b));
}

// Six places: closeness parts are small (at most 0.0495 in all) and must not round away.
const round6 = (n: number) => Math.round(n * 1_000_000) / 1_000_000;

/**
 * Scores one candidate precedent for a municipality that described its situation (pure; the API sorts
 * with `comparePrecedents`). `descriptionThemes` are the themes of the description (themesInText).
 * Reasons: the text match first, then the profile and themes strongest first.
 */
export function scorePrecedent(
  seeker: MunicipalityProfile,
  candidate: PrecedentCandidate,
  descriptionThemes: readonly CaseTheme[],
  weights: typeof PRECEDENT_WEIGHTS = PRECEDENT_WEIGHTS,
): PrecedentScore {
  const reasons: string[] = [];
  const textScore = Math.min(1, Math.max(0, candidate.textScore ?? 0));
  const textMatch = candidate.textScore !== null && textScore > 0;
  const text = textMatch ? weights.text * textScore : 0;
  // How well the words matched, in words: the best clause's score (the mean over clauses ranks, but a
  // case that answers one clause of three fully did match those words well).
  const wordScore = Math.min(1, Math.max(0, candidate.bestClauseScore ?? textScore));
  if (textMatch) reasons.push(textMatchReason(wordScore));

  let population = 0;
  if (seeker.populationBand && candidate.populationBand) {
    const d = bandDistance(seeker.populationBand, candidate.populationBand);
    const label = POPULATION_BAND_LABELS[candidate.populationBand].ja;
    if (d === 0) {
      population = weights.samePopulationBand;
      reasons.push(`同規模の自治体（${label}）`);
    } else if (d === 1) {
      population = weights.adjacentPopulationBand;
      reasons.push(`近い規模の自治体（${label}）`);
    }
  }

  const common = candidate.themes.filter((t) => descriptionThemes.includes(t));
  const themes = Math.min(weights.themesMax, weights.themeInCommon * common.length);
  if (common.length) {
    const names = common.map((t) => CASE_THEME_LABELS[t].ja).join('、');
    // Only a case that addresses the description (at least a partial text match) has the theme "in common".
    const addresses = textMatch && wordScore >= TEXT_MATCH_THRESHOLDS.partial;
    reasons.push(addresses ? `共通のテーマ：${names}` : `${THEME_FROM_WORD_REASON}：${names}`);
  }

  let place = 0;
  const here = seeker.prefectureCode ? prefectureByCode(seeker.prefectureCode) : undefined;
  const there = prefectureByCode(candidate.prefectureCode);
  if (here && there) {
    if (here.code === there.code) {
      place = weights.samePrefecture;
      reasons.push(`同じ県（${there.name}）`);
    } else if (here.neighbours.includes(there.code)) {
      place = weights.neighbouringPrefecture;
      reasons.push(`近隣の県（${there.name}）`);
    } else if (here.region === there.region) {
      place = weights.sameRegion;
      reasons.push(`同じ地方（${REGION_LABELS[there.region].ja}）`);
    }
  }

  let kind = 0;
  if (seeker.kind && seeker.kind === candidate.kind) {
    kind = weights.sameKind;
    reasons.push(`同じ区分（${MUNICIPALITY_KIND_LABELS[candidate.kind].ja}）`);
  }

  const n = Math.max(0, Math.floor(candidate.adoptionCount));
  const adoption = Math.min(weights.adoptionMax, weights.adoption * Math.log2(1 + n));
  if (n > 0) reasons.push(`${n}自治体が横展開`);

  const c = weights.closeness;
  const parts = {
    text: round6(text),
    population: round6(population * c),
    kind: round6(kind * c),
    place: round6(place * c),
    themes: round6(themes * c),
    adoption: round6(adoption * c),
  };
  return {
    score: round6(text + (population + kind + place + themes + adoption) * c),
    textMatch,
    reasons,
    parts,
  };
}

/**
 * The finder's order: every case the description's words matched before every case that came in only
 * through its themes; then the score (text relevance plus at most CLOSENESS_MAX of closeness); then the
 * text relevance alone. Callers add their own last tie-breaks (newest, id).
 */
export function comparePrecedents(
  a: Pick<PrecedentScore, 'score' | 'textMatch' | 'parts'>,
  b: Pick<PrecedentScore, 'score' | 'textMatch' | 'parts'>,
): number {
  return Number(b.textMatch) - Number(a.textMatch) || b.score - a.score || b.parts.text - a.parts.text;
}

/** At most this many clauses of a description are sent to the engine, each as its own text query. */
export const MAX_DESCRIPTION_CLAUSES = 4;

/**
 * The clauses of a description (split at 。、！？ and line breaks, fragments under 4 characters joined to
 * the next), at most `max`, the later ones merged into the last. Why: Meilisearch reads the first ten words
 * of a query and, with matchingStrategy 'last', only returns cases containing its first word, so one query
 * for 「議会や審議会の会議録づくりに…音声認識で文字起こしを…」 misses a case about 審議会 transcription that
 * lacks 「議会」. One query per clause lets every part of the description find its cases.
 */
export function descriptionClauses(description: string, max = MAX_DESCRIPTION_CLAUSES): string[] {
  const pieces = description
    .normalize('NFKC')
    .split(/[。、，,．！？!?；;\n\r]+/)
    .map((p) => p.trim())
    .filter(Boolean);
  const clauses: string[] = [];
  let pending = '';
  for (const p of pieces) {
    pending += p;
    if (pending.length >= 4) {
      clauses.push(pending);
      pending = '';
    }
  }
  if (pending) {
    if (clauses.length) clauses[clauses.length - 1] += pending;
    else clauses.push(pending);
  }
  if (clauses.length <= max) return clauses;
  return [...clauses.slice(0, max - 1), clauses.slice(max - 1).join(' ')];
}

/**
 * The text relevance of a case to a description queried clause by clause: the mean of its ranking scores
 * over the clauses (0 for a clause that did not find it), so a case that addresses several parts of the
 * description beats one that shares a single clause's words. null when no clause found it.
 */
export function combinedTextScore(clauseScores: ReadonlyArray<number | null | undefined>): number | null {
  if (!clauseScores.some((s) => typeof s === 'number')) return null;
  return clauseScores.reduce<number>((sum, s) => sum + (s ?? 0), 0) / clauseScores.length;
}

/** The best of the clause scores (null when no clause found the case). */
export function bestClauseScore(clauseScores: ReadonlyArray<number | null | undefined>): number | null {
  const found = clauseScores.filter((s): s is number => typeof s === 'number');
  return found.length ? Math.max(...found) : null;
}
