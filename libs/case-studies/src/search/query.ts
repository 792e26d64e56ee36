/**
 * Particles and function words left out of the index and of queries (the index's `stopWords`). Most of the
 * listed ones are single hiragana, which also occur inside kana words; `prepareQuery` handles the one case
 * where that bites (a query that ends with one), and municipality readings are indexed in katakana too.
 */
export const JAPANESE_STOP_WORDS: readonly string[] = [
  'の',
  'は',
  'が',
  'を',
  'に',
  'で',
  'と',
  'も',
  'や',
  'へ',
  'から',
  'まで',
  'より',
  'など',
  'について',
  'における',
  'として',
  'による',
];

export const MAX_QUERY_LENGTH = 200;

const HIRAGANA = /[\u3041-\u309f]/;
// Control characters and the highlight delimiters never mean anything in a query.
// eslint-disable-next-line no-control-regex -- removing control characters is the point
const JUNK = /[\u0000-\u001f\u007f-\u009f\uE000\uE001]/g;
// Half of a surrogate pair: not text, and JSON the engine refuses (the whole search would fail).
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * Normalises what a user typed before it is sent to the index: NFKC (ＤＸ → DX, ｶﾀｶﾅ → カタカナ, the
 * ideographic space → a space), control characters and lone surrogates dropped, spaces collapsed, length
 * capped (never inside a surrogate pair).
 * Case and kana are left to the engine, which folds them itself.
 */
export function normalizeQuery(raw: string | null | undefined): string {
  return (
    (raw ?? '')
      .normalize('NFKC')
      .replace(JUNK, ' ')
      .replace(LONE_SURROGATE, '')
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, MAX_QUERY_LENGTH)
      // NFKC can lengthen a query (㌀ → アパート), so the cap may fall inside a surrogate pair.
      .replace(LONE_SURROGATE, '')
      .trim()
  );
}

/**
 * Meilisearch treats the last word of a query as a prefix and keeps it even when it is a stop word; as
 * stop words are not in the index, 「中小企業の」 or 「小学生から」 then find nothing. A trailing space ends the
 * last word, so the engine drops the particle. It is added only when the particle follows a kanji,
 * katakana or Latin character: in an all-hiragana word such as かが (加賀) the last kana is not a particle,
 * and the prefix search on it must stay.
 */
export function prepareQuery(normalized: string, stopWords: readonly string[] = JAPANESE_STOP_WORDS): string {
  if (!normalized) return normalized;
  for (const word of stopWords) {
    if (!normalized.endsWith(word)) continue;
    const before = normalized.slice(0, normalized.length - word.length);
    const last = before[before.length - 1];
    if (last !== undefined && last !== ' ' && !HIRAGANA.test(last)) {
      return `${normalized} `;
    }
  }
  return normalized;
}

/** Words a query has for the engine (whitespace-separated, or a run of Japanese long enough to be several). */
export function isMultiWordQuery(normalized: string): boolean {
  const words = normalized.split(' ').filter(Boolean);
  if (words.length > 1) return true;
  return /[\u3040-\u30ff\u3400-\u9fff]{3,}/.test(normalized);
}
