import {
  CASE_STAGE_LABELS,
  CASE_STATUS_LABELS,
  CASE_TARGET_LABELS,
  CASE_THEME_LABELS,
  MUNICIPALITY_KIND_LABELS,
  POPULATION_BAND_LABELS,
  VISIBILITY_LABELS,
  formatFiscalYear,
  type LabelMap,
} from '@yokoten/case-studies';
import type { Language } from '../../i18n/i18n';

export {
  CASE_STAGES,
  CASE_STATUSES,
  CASE_TARGETS,
  CASE_THEMES,
  MUNICIPALITY_KINDS,
  POPULATION_BANDS,
  PREFECTURES,
  VISIBILITIES,
  fiscalYearOf,
  isCaseStage,
  isCaseStatus,
  isCaseTarget,
  isCaseTheme,
  isMunicipalityKind,
  isPopulationBand,
  isPrefectureCode,
  isVisibility,
  renderMarkdown,
} from '@yokoten/case-studies';

// Domain labels come from the shared library, so that the page says what the API and the search index say.
function label<K extends string>(map: LabelMap<K>, key: K, language: Language): string {
  // A value this build does not know yet shows as its code rather than breaking the page.
  return map[key]?.[language] ?? key;
}

export const themeLabel = (key: keyof typeof CASE_THEME_LABELS, language: Language) =>
  label(CASE_THEME_LABELS, key, language);
export const targetLabel = (key: keyof typeof CASE_TARGET_LABELS, language: Language) =>
  label(CASE_TARGET_LABELS, key, language);
export const stageLabel = (key: keyof typeof CASE_STAGE_LABELS, language: Language) =>
  label(CASE_STAGE_LABELS, key, language);
export const statusLabel = (key: keyof typeof CASE_STATUS_LABELS, language: Language) =>
  label(CASE_STATUS_LABELS, key, language);
export const visibilityLabel = (key: keyof typeof VISIBILITY_LABELS, language: Language) =>
  label(VISIBILITY_LABELS, key, language);
export const kindLabel = (key: keyof typeof MUNICIPALITY_KIND_LABELS, language: Language) =>
  label(MUNICIPALITY_KIND_LABELS, key, language);
export const bandLabel = (key: keyof typeof POPULATION_BAND_LABELS, language: Language) =>
  label(POPULATION_BAND_LABELS, key, language);

/** 令和7年度（2025年度） / FY2025; a value that is not a year shows as it came. */
export function fiscalYearLabel(year: number, language: Language): string {
  try {
    return formatFiscalYear(year, language);
  } catch {
    return String(year);
  }
}

/** Several fiscal years, oldest first: 令和2年度（2020年度）、令和3年度（2021年度）. */
export function fiscalYearsLabel(years: readonly number[], language: Language): string {
  return [...years]
    .sort((a, b) => a - b)
    .map((year) => fiscalYearLabel(year, language))
    .join(language === 'ja' ? '、' : ', ');
}

/** Consecutive years as a range (令和2年度（2020年度）〜令和4年度（2022年度）), others listed. */
export function fiscalYearsCompact(years: readonly number[], language: Language): string {
  const sorted = [...new Set(years)].sort((a, b) => a - b);
  const first = sorted[0];
  const last = sorted[sorted.length - 1];
  if (first === undefined || last === undefined) return '';
  if (sorted.length > 1 && last - first === sorted.length - 1) {
    return `${fiscalYearLabel(first, language)}${language === 'ja' ? '〜' : '–'}${fiscalYearLabel(last, language)}`;
  }
  return fiscalYearsLabel(sorted, language);
}
