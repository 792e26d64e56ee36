import { buildCaseFilter, CASE_SORT_RULES } from '../search/filter';
import {
  bestClauseScore,
  CLOSENESS_MAX,
  combinedTextScore,
  comparePrecedents,
  descriptionClauses,
  PRECEDENT_WEIGHTS,
  scorePrecedent,
  themesInText,
  type MunicipalityProfile,
  type PrecedentCandidate,
} from './precedent-score';

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
    expect(s.textMatch).toBe(true);
    expect(s.parts.text).toBeCloseTo(0.8);
    expect(s.parts.adoption).toBeCloseTo(0.04 * PRECEDENT_WEIGHTS.closeness);
    expect(s.score).toBeCloseTo(0.8 + (0.2 + 0.1 + 0.12 + 0.08 + 0.04) * PRECEDENT_WEIGHTS.closeness);
  });

  it('ranks a clearly better text match above a same-band, same-theme case (closeness only breaks near-ties)', () => {
    // Was: the fitting case (text 0.6, same band and theme) ranked above the better text match (0.9);
    // issue #12: closeness must not lift a case above one that addresses the description better.
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
    expect(comparePrecedents(wordsOnly, fitting)).toBeLessThan(0);
    expect(wordsOnly.reasons).toEqual(['説明文のことばとよく一致']);
    expect(fitting.reasons[0]).toBe('説明文のことばと一部一致');
  });

  const far: PrecedentCandidate = {
    prefectureCode: '47',
    kind: 'PREFECTURE',
    populationBand: 'OVER_1M',
    themes: [],
    adoptionCount: 0,
    textScore: 0.6,
  };
  const near: PrecedentCandidate = {
    prefectureCode: '01',
    kind: 'CITY',
    populationBand: 'FROM_100K_TO_300K',
    themes: ['STAFF_DX', 'ROBOTICS_IOT'],
    adoptionCount: 1000,
    textScore: 0.6,
  };

  it('bounds closeness: at most CLOSENESS_MAX (< 0.05) of score, so it reorders only near-equal text matches', () => {
    expect(CLOSENESS_MAX).toBeCloseTo(0.0495);
    expect(CLOSENESS_MAX).toBeLessThan(0.05);
    const best = scorePrecedent(KITAMI, near, ['STAFF_DX', 'ROBOTICS_IOT']);
    expect(best.score - best.parts.text).toBeCloseTo(CLOSENESS_MAX);
    // Equal relevance: the closer case first.
    const farS = scorePrecedent(KITAMI, far, ['STAFF_DX']);
    expect(comparePrecedents(best, farS)).toBeLessThan(0);
    // A text match better by 0.05 cannot be jumped by the closest possible case.
    const better = scorePrecedent(KITAMI, { ...far, textScore: 0.65 }, ['STAFF_DX']);
    expect(comparePrecedents(better, best)).toBeLessThan(0);
  });

  it('puts every text match before every theme-only candidate, however close', () => {
    const themeOnly = scorePrecedent(KITAMI, { ...near, textScore: null }, ['STAFF_DX', 'ROBOTICS_IOT']);
    const faintFar = scorePrecedent(KITAMI, { ...far, textScore: 0.01 }, ['STAFF_DX']);
    expect(themeOnly.textMatch).toBe(false);
    expect(faintFar.textMatch).toBe(true);
    expect(themeOnly.score).toBeGreaterThan(faintFar.score);
    expect(comparePrecedents(faintFar, themeOnly)).toBeLessThan(0);
    expect([themeOnly, faintFar].sort(comparePrecedents)[0]).toBe(faintFar);
  });

  it('keeps reasons honest: no text reason without a match, no 共通のテーマ for a theme only inferred from a word', () => {
    const themeOnly = scorePrecedent(KITAMI, { ...near, textScore: null, adoptionCount: 0 }, [
      'ROBOTICS_IOT',
    ]);
    expect(themeOnly.reasons).toEqual([
      '同規模の自治体（10万〜30万人）',
      '説明文の語から推定したテーマ：ロボット・IoT',
      '同じ県（北海道）',
      '同じ区分（市）',
    ]);
    const weak = scorePrecedent(KITAMI, { ...far, themes: ['ROBOTICS_IOT'], textScore: 0.2 }, [
      'ROBOTICS_IOT',
    ]);
    expect(weak.reasons).toEqual([
      '説明文のことばとの一致はわずか',
      '説明文の語から推定したテーマ：ロボット・IoT',
    ]);
    const addresses = scorePrecedent(KITAMI, { ...far, themes: ['ROBOTICS_IOT'], textScore: 0.55 }, [
      'ROBOTICS_IOT',
    ]);
    expect(addresses.reasons).toEqual(['説明文のことばと一部一致', '共通のテーマ：ロボット・IoT']);
    // Queried clause by clause: the wording follows the best clause, the rank the mean.
    const byClause = scorePrecedent(
      KITAMI,
      { ...far, themes: ['ROBOTICS_IOT'], textScore: 0.3, bestClauseScore: 0.85 },
      ['ROBOTICS_IOT'],
    );
    expect(byClause.reasons).toEqual(['説明文のことばとよく一致', '共通のテーマ：ロボット・IoT']);
    expect(byClause.parts.text).toBeCloseTo(0.3);
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
      (PRECEDENT_WEIGHTS.adjacentPopulationBand + PRECEDENT_WEIGHTS.neighbouringPrefecture) *
        PRECEDENT_WEIGHTS.closeness,
      6,
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
    expect(s.parts.themes).toBeCloseTo(PRECEDENT_WEIGHTS.themesMax * PRECEDENT_WEIGHTS.closeness, 6);
    expect(s.parts.adoption).toBeCloseTo(PRECEDENT_WEIGHTS.adoptionMax * PRECEDENT_WEIGHTS.closeness, 6);
    expect(s.reasons).toContain('1000自治体が横展開');
  });
});

describe('descriptionClauses and clause scores', () => {
  it('splits a description into clauses, joining short fragments and merging the rest into the last', () => {
    expect(
      descriptionClauses(
        '議会や審議会の会議録づくりに職員の時間が取られている。音声認識で文字起こしを自動化し、会議録の作成を早めたい',
      ),
    ).toEqual([
      '議会や審議会の会議録づくりに職員の時間が取られている',
      '音声認識で文字起こしを自動化し',
      '会議録の作成を早めたい',
    ]);
    expect(descriptionClauses('はい、ＤＸ人材を育てたい')).toEqual(['はいDX人材を育てたい']);
    expect(descriptionClauses('一つ目の節、二つ目の節、三つ目の節、四つ目の節、五つ目の節')).toEqual([
      '一つ目の節',
      '二つ目の節',
      '三つ目の節',
      '四つ目の節 五つ目の節',
    ]);
    expect(descriptionClauses('！？。')).toEqual([]);
  });

  it('ranks by the mean over clauses and words by the best clause', () => {
    expect(combinedTextScore([null, null])).toBeNull();
    expect(combinedTextScore([0.6, null, 0.3])).toBeCloseTo(0.3);
    expect(combinedTextScore([0.9])).toBeCloseTo(0.9);
    expect(bestClauseScore([0.6, null, 0.3])).toBe(0.6);
    expect(bestClauseScore([null])).toBeNull();
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
