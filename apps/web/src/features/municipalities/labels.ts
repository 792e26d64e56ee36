import { completeMunicipalityCode, isValidMunicipalityCode } from '@yokoten/case-studies';
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

/**
 * A municipality named so that it cannot be taken for another: 北見市（北海道）, 府中市（東京都） and 府中市（広島県）;
 * a prefecture by its name alone (not 東京都（東京都）). In English the prefecture is called one when the two
 * names would otherwise read the same (Nagano (Nagano Prefecture), not Nagano (Nagano)).
 */
export function municipalityWithPrefecture(
  municipality: {
    name: string;
    nameEn?: string | null;
    kind: string;
    prefecture: { name: string; nameEn: string };
  },
  language: Language,
): string {
  const name = municipalityName(municipality, language);
  if (municipality.kind === 'PREFECTURE') return name;
  if (language === 'ja') return `${name}（${municipality.prefecture.name}）`;
  const pref = municipality.prefecture.nameEn;
  return `${name} (${name === pref ? `${pref} Prefecture` : pref})`;
}

/**
 * The 全国地方公共団体コード a person most likely meant: full-width digits made plain, and the five-digit
 * form (without the check digit, as e-Stat and many lists publish it) completed. null when neither fits.
 */
export function canonicalMunicipalityCode(typed: string): string | null {
  const code = typed.normalize('NFKC').trim();
  if (isValidMunicipalityCode(code)) return code;
  if (/^[0-9]{5}$/.test(code)) {
    const full = completeMunicipalityCode(code);
    if (isValidMunicipalityCode(full)) return full;
  }
  return null;
}
