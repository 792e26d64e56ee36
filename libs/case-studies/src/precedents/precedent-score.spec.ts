import { buildCaseFilter, CASE_SORT_RULES } from '../search/filter';
import { PRECEDENT_WEIGHTS, scorePrecedent, themesInText, type MunicipalityProfile } from './precedent-score';

// 北見市 (北海道, 市, 10万〜30万人) describing its situation.
const KITAMI: MunicipalityProfile = {
  prefectureCode: '01',
  kind: 'CITY',
  populationBand: 'FROM_100K_TO_300K',
};

describe('themesInText', () => {
  it('finds themes by label and keyword, width and kana insensitive', () => {
    expect(themesInText('市内の中小企業の社員にリスキリングの機会をつくりたい')).toEqual([
      'RESKILLING',
      'SME_DX',
    ]);
    expect(themesInText('ＩＴパスポートの受験料を補助したい')).toEqual(['CERTIFICATION']);
    expect(themesInText('大学を出た若者のＵターンを増やしたい')).toEqual([
      'TELEWORK_MIGRATION',
      'YOUTH_EDUCATION',
      'INDUSTRY_ACADEMIA',
    ]);
  });

  it('does not find a Latin keyword inside another word', () => {
    expect(themesInText('email の運用を見直す')).toEqual([]);
  });
});

describe('scorePrecedent', () => {
  it('gives the reasons in Japanese', () => {
    const s = scorePrecedent(
      KITAMI,
      {
        prefectureCode: '01',
        kind: 'CITY',
        populationBand: 'FROM_100K_TO_300K',
        themes: ['RESKILLING', 'SME_DX'],
        adoptionCount: 3,
        textScore: 0.8,
      },
      ['RESKILLING'],
    );
    expect(s.reasons).toEqual([
      '説明文のことばとよく一致',
      '同規模の自治体（10万〜30万人）',
      '共通のテーマ：リスキリング',
      '同じ県（北海道）',
      '同じ区分（市）',
      '3自治体が横展開',
    ]);
    expect(s.parts.text).toBeCloseTo(0.4);
    expect(s.parts.adoption).toBeCloseTo(0.04);
    expect(s.score).toBeCloseTo(0.4 + 0.2 + 0.1 + 0.12 + 0.08 + 0.04);
  });

  it('ranks a same-band, same-theme precedent above a better text-only match', () => {
    const fitting = scorePrecedent(
      KITAMI,
      {
        prefectureCode: '46',
        kind: 'CITY',
        populationBand: 'FROM_100K_TO_300K',
        themes: ['TELEWORK_MIGRATION'],
        adoptionCount: 0,
        textScore: 0.6,
      },
      ['TELEWORK_MIGRATION'],
    );
    const wordsOnly = scorePrecedent(
      KITAMI,
      {
        prefectureCode: '13',
        kind: 'SPECIAL_WARD',
        populationBand: 'OVER_1M',
        themes: ['STAFF_DX'],
        adoptionCount: 0,
        textScore: 0.9,
      },
      ['TELEWORK_MIGRATION'],
    );
    expect(fitting.score).toBeGreaterThan(wordsOnly.score);
    expect(wordsOnly.reasons).toEqual(['説明文のことばとよく一致']);
    expect(fitting.reasons[0]).toBe('説明文のことばと一部一致');
  });

  it('says how well the words matched, and does not call a weak match a match', () => {
    const at = (textScore: number | null) =>
      scorePrecedent(
        { prefectureCode: null, kind: null, populationBand: null },
        { prefectureCode: '13', kind: 'CITY', populationBand: null, themes: [], adoptionCount: 0, textScore },
        [],
      ).reasons;
    expect(at(0.95)).toEqual(['説明文のことばとよく一致']);
    expect(at(0.6)).toEqual(['説明文のことばと一部一致']);
    expect(at(0.3)).toEqual(['説明文のことばとの一致はわずか']);
    expect(at(0)).toEqual([]);
    expect(at(null)).toEqual([]);
  });

  it('scores a seeker known only by size and prefecture (no kind) on those parts alone', () => {
    const s = scorePrecedent(
      { prefectureCode: '08', kind: null, populationBand: 'FROM_10K_TO_50K' },
      {
        prefectureCode: '08',
        kind: 'TOWN',
        populationBand: 'FROM_10K_TO_50K',
        themes: [],
        adoptionCount: 0,
        textScore: null,
      },
      [],
    );
    expect(s.reasons).toEqual(['同規模の自治体（1万〜5万人）', '同じ県（茨城県）']);
    expect(s.parts.kind).toBe(0);
    const nothing = scorePrecedent(
      { prefectureCode: null, kind: null, populationBand: null },
      {
        prefectureCode: '08',
        kind: 'TOWN',
        populationBand: 'FROM_10K_TO_50K',
        themes: [],
        adoptionCount: 0,
        textScore: null,
      },
      [],
    );
    expect(nothing.score).toBe(0);
  });

  it('credits neighbouring prefectures, the same region and adjacent bands less', () => {
    const neighbour = scorePrecedent(
      KITAMI,
      {
        prefectureCode: '02',
        kind: 'TOWN',
        populationBand: 'FROM_300K_TO_1M',
        themes: [],
        adoptionCount: 0,
        textScore: null,
      },
      [],
    );
    expect(neighbour.reasons).toEqual(['近い規模の自治体（30万〜100万人）', '近隣の県（青森県）']);
    expect(neighbour.score).toBeCloseTo(
      PRECEDENT_WEIGHTS.adjacentPopulationBand + PRECEDENT_WEIGHTS.neighbouringPrefecture,
    );
    const region = scorePrecedent(
      { prefectureCode: '40', kind: 'CITY', populationBand: null },
      {
        prefectureCode: '46',
        kind: 'CITY',
        populationBand: 'UNDER_10K',
        themes: [],
        adoptionCount: 0,
        textScore: null,
      },
      [],
    );
    expect(region.reasons).toEqual(['同じ地方（九州・沖縄）', '同じ区分（市）']);
  });

  it('caps themes and adoptions so a famous case cannot bury the rest', () => {
    const s = scorePrecedent(
      KITAMI,
      {
        prefectureCode: '47',
        kind: 'PREFECTURE',
        populationBand: 'OVER_1M',
        themes: ['RESKILLING', 'SME_DX', 'DX_TALENT'],
        adoptionCount: 1000,
        textScore: null,
      },
      ['RESKILLING', 'SME_DX', 'DX_TALENT'],
    );
    expect(s.parts.themes).toBe(PRECEDENT_WEIGHTS.themesMax);
    expect(s.parts.adoption).toBe(PRECEDENT_WEIGHTS.adoptionMax);
    expect(s.reasons).toContain('1000自治体が横展開');
  });
});

describe('adoption count in the search index', () => {
  it('filters and sorts by it', () => {
    expect(buildCaseFilter({ adoptionCountMin: 2 }, ['PUBLIC'])).toContain('adoptionCount >= 2');
    expect(buildCaseFilter({ adoptionCountMin: 0 }, ['PUBLIC'])).toContain('adoptionCount >= 0');
    expect(buildCaseFilter({}, ['PUBLIC']).some((c) => c.includes('adoptionCount'))).toBe(false);
    expect(CASE_SORT_RULES.MOST_ADOPTED).toEqual(['adoptionCount:desc', 'publishedAt:desc']);
  });
});
