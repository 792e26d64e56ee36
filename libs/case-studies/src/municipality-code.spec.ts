import {
  completeMunicipalityCode,
  computeCheckDigit,
  isPrefectureLevelCode,
  isValidMunicipalityCode,
  prefectureCodeOf,
} from './index';

describe('computeCheckDigit', () => {
  it.each([
    ['13101', 6], // 千代田区
    ['01100', 2], // 札幌市
    ['27100', 4], // 大阪市
    ['40100', 5], // 北九州市
    ['13000', 1], // 東京都: r = 10
    ['31000', 0], // 鳥取県: r = 1, folded to 0
    ['13113', 0], // 渋谷区: r = 1
  ])('%s → %i', (first5, digit) => {
    expect(computeCheckDigit(first5)).toBe(digit);
  });

  it.each(['1310', '131016', '1310a', '１３１０１', ''])('rejects %p', (input) => {
    expect(() => computeCheckDigit(input)).toThrow(RangeError);
  });

  it('completes a five-digit code', () => {
    expect(completeMunicipalityCode('13123')).toBe('131237');
  });
});

describe('isValidMunicipalityCode', () => {
  it.each(['131016', '011002', '271004', '401005', '340006', '131237'])('accepts %s', (code) => {
    expect(isValidMunicipalityCode(code)).toBe(true);
  });

  it.each([
    ['131017', 'wrong check digit'],
    ['13101', 'five digits'],
    ['1310160', 'seven digits'],
    ['１３１０１６', 'full-width digits'],
    ['480002', 'prefecture 48 (check digit otherwise right)'],
    ['000000', 'prefecture 00'],
    [' 131016', 'surrounding space'],
    ['13101a', 'letter'],
  ])('rejects %s (%s)', (code) => {
    expect(isValidMunicipalityCode(code)).toBe(false);
  });

  it('rejects non-strings', () => {
    expect(isValidMunicipalityCode(131016)).toBe(false);
    expect(isValidMunicipalityCode(null)).toBe(false);
  });

  it('catches every single-digit typo in the code of 北九州市', () => {
    const code = '401005';
    for (let i = 0; i < 5; i++) {
      for (let d = 0; d <= 9; d++) {
        if (String(d) === code[i]) continue;
        const typo = `${code.slice(0, i)}${d}${code.slice(i + 1)}`;
        expect(isValidMunicipalityCode(typo)).toBe(false);
      }
    }
  });
});

describe('prefectureCodeOf', () => {
  it('returns the leading two digits of a valid code', () => {
    expect(prefectureCodeOf('131016')).toBe('13');
    expect(prefectureCodeOf('011002')).toBe('01');
  });

  it('throws for an invalid code', () => {
    expect(() => prefectureCodeOf('131017')).toThrow(RangeError);
  });
});

describe('isPrefectureLevelCode', () => {
  it('recognises the codes of the prefectures themselves', () => {
    expect(isPrefectureLevelCode('340006')).toBe(true);
    expect(isPrefectureLevelCode('010006')).toBe(true);
    expect(isPrefectureLevelCode('341002')).toBe(false);
    expect(isPrefectureLevelCode('340007')).toBe(false);
  });
});
