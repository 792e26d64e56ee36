import {
  FIXED_LINKS,
  PREFECTURES,
  REGION_CODES,
  REGION_LABELS,
  isPrefectureCode,
  prefectureByCode,
} from './index';

describe('PREFECTURES', () => {
  it('lists the 47 prefectures in JIS order, codes 01..47', () => {
    expect(PREFECTURES).toHaveLength(47);
    PREFECTURES.forEach((p, i) => expect(p.code).toBe(String(i + 1).padStart(2, '0')));
    expect(new Set(PREFECTURES.map((p) => p.name)).size).toBe(47);
  });

  it('has sample values right', () => {
    expect(prefectureByCode('01')).toMatchObject({
      name: '北海道',
      nameEn: 'Hokkaido',
      kana: 'ほっかいどう',
      region: 'HOKKAIDO',
    });
    expect(prefectureByCode('13')).toMatchObject({ name: '東京都', nameEn: 'Tokyo', region: 'KANTO' });
    expect(prefectureByCode('24')).toMatchObject({ name: '三重県', region: 'KINKI' });
    expect(prefectureByCode('34')).toMatchObject({ name: '広島県', kana: 'ひろしまけん', region: 'CHUGOKU' });
    expect(prefectureByCode('40')).toMatchObject({
      name: '福岡県',
      nameEn: 'Fukuoka',
      region: 'KYUSHU_OKINAWA',
    });
    expect(prefectureByCode('47')).toMatchObject({ name: '沖縄県', neighbours: [] });
  });

  it('gives every prefecture a hiragana reading and a name suffix that matches it', () => {
    for (const p of PREFECTURES) {
      expect(p.kana).toMatch(/^[\u3041-\u3096]+$/);
      if (p.name.endsWith('県')) expect(p.kana.endsWith('けん')).toBe(true);
      if (p.name.endsWith('府')) expect(p.kana.endsWith('ふ')).toBe(true);
    }
  });

  it('uses every region, and only known ones', () => {
    expect(new Set(PREFECTURES.map((p) => p.region))).toEqual(new Set(REGION_CODES));
    expect(Object.keys(REGION_LABELS).sort()).toEqual([...REGION_CODES].sort());
    expect(REGION_LABELS.KYUSHU_OKINAWA.ja).toBe('九州・沖縄');
  });

  it('has a symmetric, irreflexive neighbour relation over real codes', () => {
    for (const p of PREFECTURES) {
      expect(new Set(p.neighbours).size).toBe(p.neighbours.length);
      expect(p.neighbours).not.toContain(p.code);
      for (const n of p.neighbours) {
        expect(isPrefectureCode(n)).toBe(true);
        expect(prefectureByCode(n)?.neighbours).toContain(p.code);
      }
    }
  });

  it('knows the well-known cases', () => {
    // Nagano borders eight prefectures, more than any other.
    expect(prefectureByCode('20')?.neighbours).toHaveLength(8);
    expect(Math.max(...PREFECTURES.map((p) => p.neighbours.length))).toBe(8);
    expect(prefectureByCode('42')?.neighbours).toEqual(['41']);
    expect(prefectureByCode('01')?.neighbours).toEqual(['02']);
  });

  it('lists fixed links that are in the relation, and only islands are reached by them alone', () => {
    for (const [a, b] of FIXED_LINKS) {
      expect(prefectureByCode(a)?.neighbours).toContain(b);
    }
    const landOnly = (code: string): string[] =>
      (prefectureByCode(code)?.neighbours ?? []).filter(
        (n) => !FIXED_LINKS.some(([a, b]) => (a === code && b === n) || (b === code && a === n)),
      );
    expect(landOnly('01')).toEqual([]);
    expect(landOnly('36')).toEqual(['37', '38', '39']);
    expect(landOnly('40')).toEqual(['41', '43', '44']);
    // Every Honshu, Shikoku and Kyushu prefecture has a land border.
    for (const p of PREFECTURES) {
      if (p.code !== '01' && p.code !== '47') expect(landOnly(p.code).length).toBeGreaterThan(0);
    }
  });
});

describe('isPrefectureCode / prefectureByCode', () => {
  it('accepts only the two-digit form', () => {
    expect(isPrefectureCode('01')).toBe(true);
    expect(isPrefectureCode('47')).toBe(true);
    expect(isPrefectureCode('1')).toBe(false);
    expect(isPrefectureCode('00')).toBe(false);
    expect(isPrefectureCode('48')).toBe(false);
    expect(isPrefectureCode(13)).toBe(false);
    expect(prefectureByCode('48')).toBeUndefined();
  });
});
