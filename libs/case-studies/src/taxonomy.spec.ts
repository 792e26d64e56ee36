import {
  CASE_STATUSES,
  CASE_STATUS_LABELS,
  CASE_TARGETS,
  CASE_TARGET_LABELS,
  CASE_THEMES,
  CASE_THEME_LABELS,
  MEMBERSHIP_STATUSES,
  MEMBERSHIP_STATUS_LABELS,
  MUNICIPALITY_KINDS,
  MUNICIPALITY_KIND_LABELS,
  POPULATION_BANDS,
  POPULATION_BAND_LABELS,
  POPULATION_BAND_RANGES,
  ROLES,
  ROLE_LABELS,
  VISIBILITIES,
  VISIBILITY_LABELS,
  isCaseTheme,
  isMunicipalityKind,
  isOneOf,
  isPopulationBand,
  labelOf,
  populationBandOf,
  type LabelMap,
} from './index';

const TAXONOMIES: [string, readonly string[], LabelMap<string>][] = [
  ['CASE_THEMES', CASE_THEMES, CASE_THEME_LABELS],
  ['CASE_TARGETS', CASE_TARGETS, CASE_TARGET_LABELS],
  ['POPULATION_BANDS', POPULATION_BANDS, POPULATION_BAND_LABELS],
  ['MUNICIPALITY_KINDS', MUNICIPALITY_KINDS, MUNICIPALITY_KIND_LABELS],
  ['MEMBERSHIP_STATUSES', MEMBERSHIP_STATUSES, MEMBERSHIP_STATUS_LABELS],
  ['ROLES', ROLES, ROLE_LABELS],
  ['CASE_STATUSES', CASE_STATUSES, CASE_STATUS_LABELS],
  ['VISIBILITIES', VISIBILITIES, VISIBILITY_LABELS],
];

describe.each(TAXONOMIES)('%s', (_name, keys, labels) => {
  it('has unique keys that are valid GraphQL enum values', () => {
    expect(new Set(keys).size).toBe(keys.length);
    for (const key of keys) expect(key).toMatch(/^[A-Z][A-Z0-9_]*$/);
  });

  it('labels exactly its keys, in both languages, with distinct labels', () => {
    expect(Object.keys(labels).sort()).toEqual([...keys].sort());
    for (const lang of ['ja', 'en'] as const) {
      const texts = keys.map((key) => labelOf(labels, key, lang));
      for (const text of texts) expect(text.trim()).not.toBe('');
      expect(new Set(texts).size).toBe(keys.length);
    }
  });
});

describe('labels fixed by the spec', () => {
  it('uses the Japanese wording of the SPEC', () => {
    expect(Object.fromEntries(CASE_THEMES.map((k) => [k, CASE_THEME_LABELS[k].ja]))).toEqual({
      DX_TALENT: 'DX人材育成',
      RESKILLING: 'リスキリング',
      SME_DX: '中小企業DX支援',
      CITIZEN_LEARNING: '市民・求職者の学び',
      STAFF_DX: '庁内DX・職員育成',
      TELEWORK_MIGRATION: 'テレワーク・移住・Uターン',
      EXTERNAL_TALENT: '副業・兼業・外部人材',
      BUSINESS_ATTRACTION: '企業誘致',
      ROBOTICS_IOT: 'ロボット・IoT',
      CERTIFICATION: '資格取得支援',
      YOUTH_EDUCATION: '学校・若者',
      INDUSTRY_ACADEMIA: '産学官金連携',
    });
    expect(CASE_TARGETS.map((k) => CASE_TARGET_LABELS[k].ja)).toEqual([
      '企業',
      '経営者',
      '市民・求職者',
      '自治体職員',
      '学生',
    ]);
    expect(MUNICIPALITY_KIND_LABELS.DESIGNATED_CITY.ja).toBe('政令指定都市');
    expect(MEMBERSHIP_STATUS_LABELS.APPLICANT.ja).toBe('加入申請中');
    expect(ROLE_LABELS.ORGANISER.ja).toBe('事務局');
    expect(CASE_STATUS_LABELS.PUBLISHED.ja).toBe('公開中');
    expect(VISIBILITY_LABELS.MEMBERS.ja).toBe('会員限定');
    expect(POPULATION_BAND_LABELS.UNDER_10K.ja).toBe('1万人未満');
    expect(POPULATION_BAND_LABELS.FROM_10K_TO_50K.ja).toBe('1万〜5万人');
  });
});

describe('populationBandOf', () => {
  it.each([
    [0, 'UNDER_10K'],
    [9_999, 'UNDER_10K'],
    [10_000, 'FROM_10K_TO_50K'],
    [49_999, 'FROM_10K_TO_50K'],
    [50_000, 'FROM_50K_TO_100K'],
    [99_999, 'FROM_50K_TO_100K'],
    [100_000, 'FROM_100K_TO_300K'],
    [299_999, 'FROM_100K_TO_300K'],
    [300_000, 'FROM_300K_TO_1M'],
    [999_999, 'FROM_300K_TO_1M'],
    [1_000_000, 'OVER_1M'],
    [14_047_594, 'OVER_1M'],
  ])('%i people → %s', (population, band) => {
    expect(populationBandOf(population)).toBe(band);
  });

  it.each([-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])('rejects %p', (population) => {
    expect(() => populationBandOf(population)).toThrow(RangeError);
  });

  it('agrees with the published ranges, which tile the line without gaps', () => {
    let expectedMin = 0;
    for (const band of POPULATION_BANDS) {
      const { min, maxExclusive } = POPULATION_BAND_RANGES[band];
      expect(min).toBe(expectedMin);
      expect(populationBandOf(min)).toBe(band);
      if (maxExclusive !== null) {
        expect(populationBandOf(maxExclusive - 1)).toBe(band);
        expectedMin = maxExclusive;
      }
    }
    expect(POPULATION_BAND_RANGES.OVER_1M.maxExclusive).toBeNull();
  });
});

describe('type guards', () => {
  it('accept keys and reject anything else', () => {
    expect(isCaseTheme('SME_DX')).toBe(true);
    expect(isCaseTheme('sme_dx')).toBe(false);
    expect(isCaseTheme(42)).toBe(false);
    expect(isMunicipalityKind('SPECIAL_WARD')).toBe(true);
    expect(isPopulationBand('OVER_1M')).toBe(true);
    expect(isOneOf(VISIBILITIES, 'PRIVATE')).toBe(false);
  });
});
