import type { MembershipStatus, MunicipalityKind } from '../../graphql/generated/graphql';
import type { Language } from '../../i18n/i18n';

export const MUNICIPALITY_KINDS: readonly MunicipalityKind[] = [
  'PREFECTURE',
  'DESIGNATED_CITY',
  'CORE_CITY',
  'CITY',
  'SPECIAL_WARD',
  'TOWN',
  'VILLAGE',
];

export const MEMBERSHIP_STATUSES: readonly MembershipStatus[] = ['MEMBER', 'APPLICANT', 'WITHDRAWN'];

export function isMunicipalityKind(value: string | null): value is MunicipalityKind {
  return value !== null && (MUNICIPALITY_KINDS as readonly string[]).includes(value);
}

export function isMembershipStatus(value: string | null): value is MembershipStatus {
  return value !== null && (MEMBERSHIP_STATUSES as readonly string[]).includes(value);
}

export function prefectureName(prefecture: { name: string; nameEn: string }, language: Language): string {
  return language === 'en' ? prefecture.nameEn : prefecture.name;
}

export function municipalityName(municipality: { name: string; nameEn?: string | null }, language: Language): string {
  return language === 'en' && municipality.nameEn ? municipality.nameEn : municipality.name;
}
