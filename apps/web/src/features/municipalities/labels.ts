import type { Language } from '../../i18n/i18n';

export {
  MEMBERSHIP_STATUSES,
  MUNICIPALITY_KINDS,
  PREFECTURES,
  isMembershipStatus,
  isMunicipalityKind,
  isPrefectureCode,
  isValidMunicipalityCode,
} from '@yokoten/case-studies';

export function prefectureName(prefecture: { name: string; nameEn: string }, language: Language): string {
  return language === 'en' ? prefecture.nameEn : prefecture.name;
}

export function municipalityName(
  municipality: { name: string; nameEn?: string | null },
  language: Language,
): string {
  return language === 'en' && municipality.nameEn ? municipality.nameEn : municipality.name;
}
