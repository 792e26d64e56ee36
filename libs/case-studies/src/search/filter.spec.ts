import { buildCaseFilter, filterString, splitFacetCounts, visibilitiesFor } from '../index';

describe('buildCaseFilter', () => {
  it('always limits to published cases the caller may see', () => {
    expect(buildCaseFilter(undefined, visibilitiesFor(false))).toEqual([
      'status = "PUBLISHED"',
      'visibility IN ["PUBLIC"]',
    ]);
    expect(buildCaseFilter({}, visibilitiesFor(true))).toEqual([
      'status = "PUBLISHED"',
      'visibility IN ["PUBLIC", "MEMBERS"]',
    ]);
  });

  it('turns every field into a clause', () => {
    expect(
      buildCaseFilter(
        {
          themes: ['DX_TALENT', 'SME_DX'],
          targets: ['COMPANIES'],
          prefectureCodes: ['40', '40'],
          populationBands: ['OVER_1M'],
          municipalityKinds: ['DESIGNATED_CITY'],
          stages: ['CONCEPT', 'EVALUATED'],
          fiscalYearFrom: 2023,
          fiscalYearTo: 2025,
          budgetYenMax: 5_000_000,
          municipalityCode: '401005',
        },
        ['PUBLIC'],
        { excludeIds: ['abc'] },
      ),
    ).toEqual([
      'status = "PUBLISHED"',
      'visibility IN ["PUBLIC"]',
      'themes IN ["DX_TALENT", "SME_DX"]',
      'targets IN ["COMPANIES"]',
      'prefectureCode IN ["40"]',
      'populationBand IN ["OVER_1M"]',
      'municipalityKind IN ["DESIGNATED_CITY"]',
      'stage IN ["CONCEPT", "EVALUATED"]',
      'municipalityCode = "401005"',
      'budgetYen <= 5000000',
      'fiscalYears 2023 TO 2025',
      'id != "abc"',
    ]);
  });

  it('handles open fiscal-year ranges', () => {
    expect(buildCaseFilter({ fiscalYearFrom: 2024 }, ['PUBLIC'])).toContain('fiscalYears >= 2024');
    expect(buildCaseFilter({ fiscalYearTo: 2024 }, ['PUBLIC'])).toContain('fiscalYears <= 2024');
  });

  it('quotes values so they cannot end the literal', () => {
    expect(filterString('a" OR status = "DRAFT')).toBe('"a\\" OR status = \\"DRAFT"');
    expect(filterString('back\\"slash')).toBe('"back\\\\\\"slash"');
    const clauses = buildCaseFilter({ municipalityCode: '" OR visibility = "MEMBERS' }, ['PUBLIC']);
    expect(clauses).toContain('municipalityCode = "\\" OR visibility = \\"MEMBERS"');
  });

  it('refuses non-finite numbers and an empty audience', () => {
    expect(() => buildCaseFilter({ budgetYenMax: Number.NaN }, ['PUBLIC'])).toThrow(RangeError);
    expect(() => buildCaseFilter({}, [])).toThrow(RangeError);
  });
});

describe('splitFacetCounts', () => {
  it('gives each facet its own counts back, whatever the engine returned', () => {
    const split = splitFacetCounts({
      'themes:DX_TALENT': 4,
      'prefecture:13': 2,
      'fiscalYear:2024': 3,
      'stage:CONCEPT': 2,
      'unknown:x': 1,
      'no-separator': 9,
    });
    expect(split).toEqual({
      themes: { DX_TALENT: 4 },
      targets: {},
      prefecture: { '13': 2 },
      populationBand: {},
      municipalityKind: {},
      fiscalYear: { '2024': 3 },
      stage: { CONCEPT: 2 },
    });
    expect(splitFacetCounts(undefined).themes).toEqual({});
  });
});
