import type { Settings } from 'meilisearch';
import { FACET_VALUES_ATTRIBUTE, JAPANESE_STOP_WORDS, meiliSynonyms } from '@yokoten/case-studies';

/** The live index of published cases; MEILI_INDEX_PREFIX lets tests and several instances share one engine. */
export function caseIndexName(prefix: string): string {
  return `${prefix}case_studies`;
}

/** A rebuild target of `npm run search:reindex`: `<live>_<UTC timestamp>`. */
export function buildIndexName(liveName: string, now = new Date()): string {
  return `${liveName}_${now.toISOString().replace(/\D/g, '').slice(0, 17)}`;
}

export function isBuildIndexOf(liveName: string, uid: string): boolean {
  return uid.startsWith(`${liveName}_`) && /^\d{14,17}$/.test(uid.slice(liveName.length + 1));
}

/**
 * The version of CASE_INDEX_SETTINGS: **add one whenever they change**. Recorded with the index it configures
 * (case-index.versions.ts), so that during a rolling deploy a process running older settings leaves an index
 * configured by a newer release alone instead of rebuilding it back (search/README.md, Healing).
 */
export const CASE_INDEX_SETTINGS_VERSION = 4;

/**
 * The index's settings, applied at start (only the keys that differ, before any document is written) and
 * to every rebuild. Field order in searchableAttributes is the `attribute` ranking rule's order.
 */
export const CASE_INDEX_SETTINGS = {
  searchableAttributes: [
    'title',
    'tags',
    'summary',
    'taxonomyLabels',
    'municipalityName',
    'municipalityKana',
    'municipalityKanaKatakana',
    'prefectureName',
    'body',
    'lessonsLearned',
    'challenges',
    'outcomeLabels',
    'partners',
    'fundingSources',
    'kanaTerms',
    'synonymTerms',
    // Text of the case's files (not members-only ones): last, so a match in the case itself ranks first.
    'attachmentText',
  ],
  filterableAttributes: [
    'id',
    'status',
    'visibility',
    'municipalityCode',
    'prefectureCode',
    'populationBand',
    'municipalityKind',
    'themes',
    'targets',
    'fiscalYears',
    'budgetYen',
    'stage',
    'adoptionCount',
    // Saved-search digests: cases first published in a window (modules/watch).
    'publishedAt',
    // Facets are counted on this one attribute (`themes:DX_TALENT` …), not on the six above.
    FACET_VALUES_ATTRIBUTE,
  ],
  sortableAttributes: ['publishedAt', 'budgetYen', 'population', 'adoptionCount', 'helpfulCount'],
  // `sort` right after `words`: a searcher who asks for "newest" gets newest among the matches.
  // `attribute` before `proximity`: the field a query's words are in (title, then tags, summary … body: the
  // order above) matters more than how close together they are. A title that names the subject
  // (副業人材 … マッチング) then comes before bodies that mention 副業人材マッチング in passing
  // (apps/api/test/search-ranking.int-spec.ts, search/README.md "Ranking").
  rankingRules: ['words', 'sort', 'typo', 'attribute', 'proximity', 'exactness'],
  // Kanji-only text is otherwise detected as Chinese; every attribute is Japanese, and every search says so.
  localizedAttributes: [{ attributePatterns: ['*'], locales: ['jpn'] }],
  stopWords: [...JAPANESE_STOP_WORDS],
  synonyms: meiliSynonyms(),
  typoTolerance: { enabled: true, minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 } },
  // Every value of every facet comes back from the one attribute (about 100 today: 47 prefectures, …).
  faceting: { maxValuesPerFacet: 1000 },
  // Facet values are listed, never searched: skipping that structure makes indexing cheaper.
  facetSearch: false,
  // totalHits must be exact for pagination and facets; the default cap is 1,000.
  pagination: { maxTotalHits: 100_000 },
} satisfies Settings;

export type CaseIndexSettings = typeof CASE_INDEX_SETTINGS;

/**
 * Settings whose change means the documents themselves must be rewritten: synonyms are also expanded into
 * the documents (synonyms.ts), and a new filterable or sortable attribute is a new document field
 * (facetValues; helpfulCount).
 */
export const SETTINGS_THAT_REWRITE_DOCUMENTS: ReadonlyArray<keyof CaseIndexSettings> = [
  'synonyms',
  'filterableAttributes',
  'sortableAttributes',
];

/** Keys whose array order carries no meaning (the engine returns them sorted). */
const UNORDERED = new Set(['filterableAttributes', 'sortableAttributes', 'stopWords']);

function canonical(value: unknown, unordered = false): unknown {
  // The engine hands some words back decomposed (が as か + U+3099).
  if (typeof value === 'string') return value.normalize('NFC');
  if (Array.isArray(value)) {
    const items = value.map((v) => canonical(v));
    return unordered ? items.map((v) => JSON.stringify(v)).sort() : items;
  }
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, v]) => [k, canonical(v, true)]),
    );
  }
  return value;
}

/** Whether everything `desired` sets is what `actual` has (keys `desired` leaves out are not compared). */
function covers(desired: unknown, actual: unknown): boolean {
  if (desired && typeof desired === 'object' && !Array.isArray(desired)) {
    if (!actual || typeof actual !== 'object') return false;
    return Object.entries(desired as Record<string, unknown>).every(([k, v]) =>
      covers(v, (actual as Record<string, unknown>)[k]),
    );
  }
  return JSON.stringify(desired) === JSON.stringify(actual);
}

/** The top-level settings keys whose stored value differs from what we want. */
export function settingsToChange(desired: Settings, actual: Settings): Array<keyof Settings> {
  return (Object.keys(desired) as Array<keyof Settings>).filter((key) => {
    const unordered = UNORDERED.has(key);
    return !covers(canonical(desired[key], unordered), canonical(actual[key], unordered));
  });
}
