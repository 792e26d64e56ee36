import {
  MUNICIPALITY_KINDS,
  POPULATION_BANDS,
  REGION_CODES,
  isPrefectureLevelCode,
  isValidMunicipalityCode,
  populationBandOf,
  prefectureByCode,
  type MunicipalityKind,
} from '@yokoten/case-studies';
import { DEMO_MUNICIPALITIES } from './index';

describe('DEMO_MUNICIPALITIES', () => {
  it('has at least 50 entries with unique codes and names', () => {
    expect(DEMO_MUNICIPALITIES.length).toBeGreaterThanOrEqual(50);
    expect(new Set(DEMO_MUNICIPALITIES.map((m) => m.code)).size).toBe(DEMO_MUNICIPALITIES.length);
    expect(new Set(DEMO_MUNICIPALITIES.map((m) => m.name)).size).toBe(DEMO_MUNICIPALITIES.length);
    expect(new Set(DEMO_MUNICIPALITIES.map((m) => m.nameEn)).size).toBe(DEMO_MUNICIPALITIES.length);
  });

  it.each(DEMO_MUNICIPALITIES.map((m) => [m.code, m.name, m]))('%s %s is well-formed', (_code, _name, m) => {
    expect(isValidMunicipalityCode(m.code)).toBe(true);
    expect(m.code.slice(0, 2)).toBe(m.prefectureCode);
    expect(prefectureByCode(m.prefectureCode)).toBeDefined();
    expect(m.kana).toMatch(/^[\u3041-\u3096ー]+$/);
    expect(m.nameEn).toMatch(/^[A-Z][A-Za-z -]+$/);
    expect(Number.isSafeInteger(m.population) && m.population > 0).toBe(true);
  });

  it('gives each kind the code shape JIS X 0402 assigns it', () => {
    // Third digit: 0 for a prefecture itself, 1 for designated cities and Tokyo's wards, 2 for other cities,
    // 3..7 for towns and villages (grouped by county). A mismatch means a wrong code or a wrong kind.
    const thirdDigit: Record<MunicipalityKind, RegExp> = {
      PREFECTURE: /^0$/,
      DESIGNATED_CITY: /^1$/,
      SPECIAL_WARD: /^1$/,
      CORE_CITY: /^2$/,
      CITY: /^2$/,
      TOWN: /^[3-7]$/,
      VILLAGE: /^[3-7]$/,
    };
    for (const m of DEMO_MUNICIPALITIES) {
      expect([m.name, m.code[2]]).toEqual([m.name, expect.stringMatching(thirdDigit[m.kind])]);
      expect(isPrefectureLevelCode(m.code)).toBe(m.kind === 'PREFECTURE');
    }
  });

  it('names prefectures and other kinds consistently', () => {
    for (const m of DEMO_MUNICIPALITIES) {
      if (m.kind === 'PREFECTURE') {
        expect(m.name).toBe(prefectureByCode(m.prefectureCode)?.name);
        expect(m.kana).toBe(prefectureByCode(m.prefectureCode)?.kana);
      }
      if (m.kind === 'SPECIAL_WARD') {
        expect(m.prefectureCode).toBe('13');
        expect(m.name).toMatch(/区$/);
      }
      if (m.kind === 'TOWN') expect(m.name).toMatch(/町$/);
      if (m.kind === 'VILLAGE') expect(m.name).toMatch(/村$/);
      if (m.kind.endsWith('CITY')) expect(m.name).toMatch(/市$/);
    }
  });

  it('covers every population band, kind and region several times over', () => {
    const count = <T>(values: T[]): Map<T, number> =>
      values.reduce((acc, v) => acc.set(v, (acc.get(v) ?? 0) + 1), new Map<T, number>());
    const bands = count(DEMO_MUNICIPALITIES.map((m) => populationBandOf(m.population)));
    const kinds = count(DEMO_MUNICIPALITIES.map((m) => m.kind));
    const regions = count(DEMO_MUNICIPALITIES.map((m) => prefectureByCode(m.prefectureCode)?.region));
    for (const band of POPULATION_BANDS)
      expect([band, bands.get(band) ?? 0]).toEqual([band, expect.any(Number)]);
    for (const band of POPULATION_BANDS) expect(bands.get(band)).toBeGreaterThanOrEqual(3);
    for (const kind of MUNICIPALITY_KINDS) expect(kinds.get(kind)).toBeGreaterThanOrEqual(3);
    for (const region of REGION_CODES) expect(regions.get(region)).toBeGreaterThanOrEqual(3);
  });

  it('includes the participants named in the seed documents', () => {
    const byCode = new Map(DEMO_MUNICIPALITIES.map((m) => [m.code, m]));
    expect(byCode.get('401005')).toMatchObject({ name: '北九州市', kind: 'DESIGNATED_CITY' });
    expect(byCode.get('340006')).toMatchObject({ name: '広島県', kind: 'PREFECTURE' });
    expect(byCode.get('012084')).toMatchObject({ name: '北見市', kind: 'CITY' });
    expect(byCode.get('310000')).toMatchObject({ name: '鳥取県', kind: 'PREFECTURE' });
    expect(byCode.get('131237')).toMatchObject({ name: '江戸川区', kind: 'SPECIAL_WARD' });
    expect(byCode.get('172065')).toMatchObject({ name: '加賀市', kind: 'CITY' });
    expect(byCode.get('010006')).toMatchObject({ name: '北海道', kind: 'PREFECTURE' });
    expect(byCode.get('011002')).toMatchObject({ name: '札幌市' });
    expect(byCode.get('242055')).toMatchObject({ name: '桑名市' });
    expect(byCode.get('470007')).toMatchObject({ name: '沖縄県' });
  });
});
