import {
  buildIndexName,
  CASE_INDEX_SETTINGS,
  caseIndexName,
  isBuildIndexOf,
  settingsToChange,
} from './case-index.settings';

describe('case index settings', () => {
  it('names the live index with the prefix and rebuilds after it', () => {
    expect(caseIndexName('')).toBe('case_studies');
    expect(caseIndexName('t1_')).toBe('t1_case_studies');
    const build = buildIndexName('t1_case_studies', new Date('2026-11-21T10:20:30.456Z'));
    expect(build).toBe('t1_case_studies_20261121102030456');
    expect(isBuildIndexOf('t1_case_studies', build)).toBe(true);
    expect(isBuildIndexOf('case_studies', 't1_case_studies_20261121102030456')).toBe(false);
    expect(isBuildIndexOf('t1_case_studies', 't1_case_studies_other')).toBe(false);
  });

  it('makes kanji-only text Japanese and filters what the spec names', () => {
    expect(CASE_INDEX_SETTINGS.localizedAttributes).toEqual([{ attributePatterns: ['*'], locales: ['jpn'] }]);
    expect(CASE_INDEX_SETTINGS.filterableAttributes).toEqual(
      expect.arrayContaining([
        'status',
        'visibility',
        'municipalityCode',
        'prefectureCode',
        'populationBand',
        'themes',
        'targets',
        'fiscalYears',
        'budgetYen',
      ]),
    );
    expect(CASE_INDEX_SETTINGS.searchableAttributes.slice(0, 3)).toEqual(['title', 'tags', 'summary']);
  });

  it('changes nothing when the engine already has the settings (in its own order and with defaults)', () => {
    const stored = {
      ...CASE_INDEX_SETTINGS,
      filterableAttributes: [...CASE_INDEX_SETTINGS.filterableAttributes].reverse(),
      // Sorted and, for voiced kana, decomposed, as the engine returns them.
      stopWords: [...CASE_INDEX_SETTINGS.stopWords].sort().map((w) => w.normalize('NFD')),
      typoTolerance: { ...CASE_INDEX_SETTINGS.typoTolerance, disableOnWords: [], disableOnAttributes: [] },
      faceting: { maxValuesPerFacet: 1000, sortFacetValuesBy: { '*': 'alpha' as const } },
      displayedAttributes: ['*'],
    };
    expect(settingsToChange(CASE_INDEX_SETTINGS, stored)).toEqual([]);
  });

  it('lists the keys that differ, and only those', () => {
    const stored = {
      ...CASE_INDEX_SETTINGS,
      searchableAttributes: [...CASE_INDEX_SETTINGS.searchableAttributes].reverse(),
      synonyms: {},
      localizedAttributes: null,
    };
    expect(settingsToChange(CASE_INDEX_SETTINGS, stored).sort()).toEqual(
      ['localizedAttributes', 'searchableAttributes', 'synonyms'].sort(),
    );
    expect(settingsToChange(CASE_INDEX_SETTINGS, {})).toHaveLength(Object.keys(CASE_INDEX_SETTINGS).length);
  });
});
