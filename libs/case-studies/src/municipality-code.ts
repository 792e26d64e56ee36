import { isPrefectureCode } from './prefectures';

// [0-9] rather than \d: the code must be plain ASCII, and full-width digits pasted from Japanese documents
// must be rejected here (callers normalise first if they want to accept them).
const FIVE_DIGITS = /^[0-9]{5}$/;
const SIX_DIGITS = /^[0-9]{6}$/;
const WEIGHTS = [6, 5, 4, 3, 2] as const;

/**
 * Check digit of a 全国地方公共団体コード (JIS X 0402 with the MIC check digit): weights 6..2 over the first
 * five digits, r = sum mod 11, digit = (11 - r) mod 10. The final "mod 10" is what the published code list
 * does for the two cases that would otherwise need two digits: r = 1 gives 0 (鳥取県 310000) and r = 0 gives
 * 1, the same as r = 10 (東京都 130001), so this check does not catch every error.
 */
export function computeCheckDigit(first5: string): number {
  if (!FIVE_DIGITS.test(first5)) {
    throw new RangeError(`Expected five ASCII digits, got "${first5}"`);
  }
  let sum = 0;
  for (let i = 0; i < WEIGHTS.length; i++) {
    sum += Number(first5[i]) * WEIGHTS[i];
  }
  return (11 - (sum % 11)) % 10;
}

/** Appends the check digit, for data sources (e.g. e-Stat) that publish the five-digit form. */
export function completeMunicipalityCode(first5: string): string {
  return `${first5}${computeCheckDigit(first5)}`;
}

export function isValidMunicipalityCode(code: unknown): code is string {
  if (typeof code !== 'string' || !SIX_DIGITS.test(code)) return false;
  if (!isPrefectureCode(code.slice(0, 2))) return false;
  return computeCheckDigit(code.slice(0, 5)) === Number(code[5]);
}

/** Throws for an invalid code: a wrong prefecture on a case study would misfile it silently. */
export function prefectureCodeOf(code: string): string {
  if (!isValidMunicipalityCode(code)) {
    throw new RangeError(`Not a valid municipality code: "${code}"`);
  }
  return code.slice(0, 2);
}

/** The prefectures themselves carry codes of the form PP000C (北海道 010006, 広島県 340006). */
export function isPrefectureLevelCode(code: string): boolean {
  return isValidMunicipalityCode(code) && code.slice(2, 5) === '000';
}
