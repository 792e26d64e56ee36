import {
  ADOPTION_STATUS_LABELS,
  ADOPTION_STATUSES,
  CASE_STATUS_LABELS,
  CASE_THEME_LABELS,
  INQUIRY_STATUS_LABELS,
  formatDateTimeJst,
  formatFiscalYear,
} from '@yokoten/case-studies';
import type { AdoptionStatus, CaseStatus, CaseTheme, InquiryStatus } from '../../graphql/generated/graphql';
import type { Language } from '../../i18n/i18n';

export { ADOPTION_STATUSES };

export const adoptionStatusLabel = (status: AdoptionStatus, language: Language): string =>
  ADOPTION_STATUS_LABELS[status]?.[language] ?? status;

export const inquiryStatusLabel = (status: InquiryStatus, language: Language): string =>
  INQUIRY_STATUS_LABELS[status]?.[language] ?? status;

const tone: Record<AdoptionStatus, string> = {
  CONSIDERING: 'border-solid-gray-600 bg-white text-solid-gray-800',
  PILOTING: 'border-orange-800 bg-orange-50 text-orange-1100',
  ADOPTED: 'border-green-800 bg-green-50 text-green-1000',
};
export const adoptionTone = (status: AdoptionStatus) => tone[status] ?? tone.CONSIDERING;

export const badge = 'inline-block whitespace-nowrap rounded-full border px-3 py-0.5 text-dns-14B-130';

// Labels and formats of the shared library, kept here so that these pages depend on @yokoten/case-studies
// only, not on another feature's folder.

export const themeLabel = (theme: CaseTheme, language: Language): string =>
  CASE_THEME_LABELS[theme]?.[language] ?? theme;

export const caseStatusLabel = (status: CaseStatus, language: Language): string =>
  CASE_STATUS_LABELS[status]?.[language] ?? status;

/** 令和7年度（2025年度） / FY2025; a value that is not a year shows as it came. */
export function fiscalYearLabel(year: number, language: Language): string {
  try {
    return formatFiscalYear(year, language);
  } catch {
    return String(year);
  }
}

/** An ISO date-time from the API as a JST date and time: 2026年5月10日 14:32. */
export function formatDateTime(iso: string, language: Language): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : formatDateTimeJst(date, language);
}
