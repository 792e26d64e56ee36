import type { LabelMap } from './labels';

/**
 * Builds a type guard for one of the key tuples below. GraphQL enums and class-validator cover the API
 * boundary, but seeds, CSV imports and search documents need the same check without a framework.
 */
export function isOneOf<T extends readonly string[]>(keys: T, value: unknown): value is T[number] {
  return typeof value === 'string' && (keys as readonly string[]).includes(value);
}

export const CASE_THEMES = [
  'DX_TALENT',
  'RESKILLING',
  'SME_DX',
  'CITIZEN_LEARNING',
  'STAFF_DX',
  'TELEWORK_MIGRATION',
  'EXTERNAL_TALENT',
  'BUSINESS_ATTRACTION',
  'ROBOTICS_IOT',
  'CERTIFICATION',
  'YOUTH_EDUCATION',
  'INDUSTRY_ACADEMIA',
] as const;
export type CaseTheme = (typeof CASE_THEMES)[number];
export const CASE_THEME_LABELS: LabelMap<CaseTheme> = {
  DX_TALENT: { ja: 'DX人材育成', en: 'DX talent development' },
  RESKILLING: { ja: 'リスキリング', en: 'Reskilling' },
  SME_DX: { ja: '中小企業DX支援', en: 'DX support for SMEs' },
  CITIZEN_LEARNING: { ja: '市民・求職者の学び', en: 'Learning for citizens and job seekers' },
  STAFF_DX: { ja: '庁内DX・職員育成', en: 'In-house DX and staff development' },
  TELEWORK_MIGRATION: { ja: 'テレワーク・移住・Uターン', en: 'Telework, relocation and U-turns' },
  EXTERNAL_TALENT: { ja: '副業・兼業・外部人材', en: 'Side jobs, dual work and external talent' },
  BUSINESS_ATTRACTION: { ja: '企業誘致', en: 'Business attraction' },
  ROBOTICS_IOT: { ja: 'ロボット・IoT', en: 'Robotics and IoT' },
  CERTIFICATION: { ja: '資格取得支援', en: 'Support for certifications' },
  YOUTH_EDUCATION: { ja: '学校・若者', en: 'Schools and young people' },
  INDUSTRY_ACADEMIA: {
    ja: '産学官金連携',
    en: 'Industry, academia, government and finance partnerships',
  },
};
export const isCaseTheme = (value: unknown): value is CaseTheme => isOneOf(CASE_THEMES, value);

export const CASE_TARGETS = ['COMPANIES', 'EXECUTIVES', 'CITIZENS', 'STAFF', 'STUDENTS'] as const;
export type CaseTarget = (typeof CASE_TARGETS)[number];
export const CASE_TARGET_LABELS: LabelMap<CaseTarget> = {
  COMPANIES: { ja: '企業', en: 'Companies' },
  EXECUTIVES: { ja: '経営者', en: 'Executives' },
  CITIZENS: { ja: '市民・求職者', en: 'Citizens and job seekers' },
  STAFF: { ja: '自治体職員', en: 'Municipal staff' },
  STUDENTS: { ja: '学生', en: 'Students' },
};
export const isCaseTarget = (value: unknown): value is CaseTarget => isOneOf(CASE_TARGETS, value);

export const POPULATION_BANDS = [
  'UNDER_10K',
  'FROM_10K_TO_50K',
  'FROM_50K_TO_100K',
  'FROM_100K_TO_300K',
  'FROM_300K_TO_1M',
  'OVER_1M',
] as const;
export type PopulationBand = (typeof POPULATION_BANDS)[number];
export const POPULATION_BAND_LABELS: LabelMap<PopulationBand> = {
  UNDER_10K: { ja: '1万人未満', en: 'Under 10,000' },
  FROM_10K_TO_50K: { ja: '1万〜5万人', en: '10,000–49,999' },
  FROM_50K_TO_100K: { ja: '5万〜10万人', en: '50,000–99,999' },
  FROM_100K_TO_300K: { ja: '10万〜30万人', en: '100,000–299,999' },
  FROM_300K_TO_1M: { ja: '30万〜100万人', en: '300,000–999,999' },
  OVER_1M: { ja: '100万人以上', en: '1,000,000 and over' },
};

/**
 * Lower bound inclusive, upper bound exclusive (null: open-ended). Exported so that the API can turn a band
 * filter into a population range query instead of re-deriving the thresholds.
 */
export const POPULATION_BAND_RANGES: Readonly<
  Record<PopulationBand, { min: number; maxExclusive: number | null }>
> = {
  UNDER_10K: { min: 0, maxExclusive: 10_000 },
  FROM_10K_TO_50K: { min: 10_000, maxExclusive: 50_000 },
  FROM_50K_TO_100K: { min: 50_000, maxExclusive: 100_000 },
  FROM_100K_TO_300K: { min: 100_000, maxExclusive: 300_000 },
  FROM_300K_TO_1M: { min: 300_000, maxExclusive: 1_000_000 },
  OVER_1M: { min: 1_000_000, maxExclusive: null },
};

export function populationBandOf(population: number): PopulationBand {
  // A population is a head count; anything else is a bug upstream, and silently banding it would hide it.
  if (!Number.isSafeInteger(population) || population < 0) {
    throw new RangeError(`Population must be a non-negative integer, got ${population}`);
  }
  const band = POPULATION_BANDS.find((candidate) => {
    const { maxExclusive } = POPULATION_BAND_RANGES[candidate];
    return maxExclusive === null || population < maxExclusive;
  });
  // The last band is open-ended, so find() always succeeds; the fallback only satisfies the compiler.
  return band ?? 'OVER_1M';
}
export const isPopulationBand = (value: unknown): value is PopulationBand => isOneOf(POPULATION_BANDS, value);

export const MUNICIPALITY_KINDS = [
  'PREFECTURE',
  'DESIGNATED_CITY',
  'CORE_CITY',
  'CITY',
  'SPECIAL_WARD',
  'TOWN',
  'VILLAGE',
] as const;
export type MunicipalityKind = (typeof MUNICIPALITY_KINDS)[number];
export const MUNICIPALITY_KIND_LABELS: LabelMap<MunicipalityKind> = {
  PREFECTURE: { ja: '都道府県', en: 'Prefecture' },
  DESIGNATED_CITY: { ja: '政令指定都市', en: 'Designated city' },
  CORE_CITY: { ja: '中核市', en: 'Core city' },
  CITY: { ja: '市', en: 'City' },
  SPECIAL_WARD: { ja: '特別区', en: 'Special ward' },
  TOWN: { ja: '町', en: 'Town' },
  VILLAGE: { ja: '村', en: 'Village' },
};
export const isMunicipalityKind = (value: unknown): value is MunicipalityKind =>
  isOneOf(MUNICIPALITY_KINDS, value);

export const MEMBERSHIP_STATUSES = ['APPLICANT', 'MEMBER', 'WITHDRAWN'] as const;
export type MembershipStatus = (typeof MEMBERSHIP_STATUSES)[number];
export const MEMBERSHIP_STATUS_LABELS: LabelMap<MembershipStatus> = {
  APPLICANT: { ja: '加入申請中', en: 'Applicant' },
  MEMBER: { ja: '会員', en: 'Member' },
  WITHDRAWN: { ja: '退会', en: 'Withdrawn' },
};
export const isMembershipStatus = (value: unknown): value is MembershipStatus =>
  isOneOf(MEMBERSHIP_STATUSES, value);

export const ROLES = ['OFFICER', 'ORGANISER', 'ADMIN'] as const;
export type Role = (typeof ROLES)[number];
export const ROLE_LABELS: LabelMap<Role> = {
  OFFICER: { ja: '自治体DX担当者', en: 'Municipal DX officer' },
  ORGANISER: { ja: '事務局', en: 'Network organiser' },
  ADMIN: { ja: '管理者', en: 'Administrator' },
};
export const isRole = (value: unknown): value is Role => isOneOf(ROLES, value);

export const CASE_STATUSES = ['DRAFT', 'PUBLISHED', 'ARCHIVED'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];
export const CASE_STATUS_LABELS: LabelMap<CaseStatus> = {
  DRAFT: { ja: '下書き', en: 'Draft' },
  PUBLISHED: { ja: '公開中', en: 'Published' },
  ARCHIVED: { ja: 'アーカイブ', en: 'Archived' },
};
export const isCaseStatus = (value: unknown): value is CaseStatus => isOneOf(CASE_STATUSES, value);

export const VISIBILITIES = ['PUBLIC', 'MEMBERS'] as const;
export type Visibility = (typeof VISIBILITIES)[number];
export const VISIBILITY_LABELS: LabelMap<Visibility> = {
  PUBLIC: { ja: '一般公開', en: 'Public' },
  MEMBERS: { ja: '会員限定', en: 'Members only' },
};
export const isVisibility = (value: unknown): value is Visibility => isOneOf(VISIBILITIES, value);

/** How far a case has come (OPSI's lesson: readers weigh a plan differently from an evaluated result). */
export const CASE_STAGES = ['CONCEPT', 'IN_PROGRESS', 'EVALUATED', 'SPREADING'] as const;
export type CaseStage = (typeof CASE_STAGES)[number];
export const CASE_STAGE_LABELS: LabelMap<CaseStage> = {
  CONCEPT: { ja: '構想', en: 'Concept' },
  IN_PROGRESS: { ja: '実施中', en: 'In progress' },
  EVALUATED: { ja: '効果検証', en: 'Evaluated' },
  SPREADING: { ja: '横展開中', en: 'Spreading' },
};
export const isCaseStage = (value: unknown): value is CaseStage => isOneOf(CASE_STAGES, value);
