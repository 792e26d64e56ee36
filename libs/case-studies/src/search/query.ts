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
 * Invisible characters, removed so that a word they sit in is found whole (「D\u200bX」 is DX): format
 * characters (zero-width space and joiner, word joiner, BOM, soft hyphen, bidi marks, emoji tags), the
 * emoji / text presentation selectors and enclosing marks (the keycap of 1️⃣).
 */
const INVISIBLE = /[\p{Cf}\p{Me}\uFE0E\uFE0F]/gu;
/** A keycap emoji (1️⃣, #️⃣): a symbol, though it starts with a digit. */
const KEYCAP = /[0-9#*]\uFE0F?\u20E3/g;
/**
 * Word separators: every character that is not a letter, mark or digit (emoji, symbols, punctuation such as
 * ～！【】・「」、。/"#), with the marks that combine with it, and a mark with no letter to combine with (the
 * ゛ of NFKC's 「 ゙」). Letters include kana, kanji, the long vowel mark ー and the iteration mark 々.
 * A hyphen is a separator too, unless it joins two letters or digits (e-ラーニング, IT-BCP, Wi-Fi): the engine
 * splits there all the same (measured on Meilisearch 1.21: 「IT-BCP」 and 「IT BCP」 find the same), but the
 * word stays whole for the highlighter and in what the query echoes. A leading hyphen is not the engine's
 * "exclude this word" (「-DX」 found every case without DX), nor is a double quote its phrase search: an
 * official pasting 「-DX人材」 from a list means the words.
 */
const SEPARATOR =
  /(?:[^\p{L}\p{M}\p{N}\s\-\u2010]|(?<![\p{L}\p{M}\p{N}])[-\u2010]|[-\u2010](?![\p{L}\p{N}]))\p{M}*|(?<![\p{L}\p{M}\p{N}])\p{M}+/gu;

/**
 * Normalises what a user typed before it is sent to the index: NFKC (ＤＸ → DX, ｶﾀｶﾅ → カタカナ, the
 * ideographic space → a space), control characters and lone surrogates dropped, invisible characters
 * removed, every other character that is not a letter, mark or digit made a word separator (see SEPARATOR:
 * 「😀 DX人材」 is DX人材, 「【DX】」 and 「DX～」 are DX), spaces collapsed, length capped (never inside a
 * surrogate pair). An emoji left in the query would be a word no case has: with every word required the
 * search found nothing, and the looser retry drops words from the end, so a leading one stayed.
 * Case and kana are left to the engine, which folds them itself.
 */
export function normalizeQuery(raw: string | null | undefined): string {
  return (
    (raw ?? '')
      .normalize('NFKC')
      .replace(JUNK, ' ')
      .replace(LONE_SURROGATE, '')
      .replace(KEYCAP, ' ')
      .replace(INVISIBLE, '')
      .replace(SEPARATOR, ' ')
      .replace(/\u2010/g, '-')
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, MAX_QUERY_LENGTH)
      // NFKC can lengthen a query (㌀ → アパート), so the cap may fall inside a surrogate pair.
      .replace(LONE_SURROGATE, '')
      .trim()
  );
}

/**
 * What is sent to the engine for a normalised query:
 *
 * - A word that is a particle on its own (JAPANESE_STOP_WORDS: 「の」, 「DX の」) is left out. The engine
 *   ignores particles except as the last word, which it reads as a prefix: 「の」 alone found the 13 cases
 *   with a word beginning with の, and 「DX の」 only 9 of the 57 DX cases. A query of particles only is
 *   the empty query (every case, in the order an empty query has).
 * - Meilisearch treats the last word of a query as a prefix and keeps it even when it is a stop word; as
 *   stop words are not in the index, 「中小企業の」 or 「小学生から」 then find nothing. A trailing space ends
 *   the last word, so the engine drops the particle. It is added only when the particle follows a kanji,
 *   katakana or Latin character: in an all-hiragana word such as かが (加賀) the last kana is not a
 *   particle, and the prefix search on it must stay. Words only made of particles (のと, 能登) are kept.
 */
export function prepareQuery(normalized: string, stopWords: readonly string[] = JAPANESE_STOP_WORDS): string {
  if (!normalized) return normalized;
  const words = normalized.split(' ').filter(Boolean);
  const kept = words.filter((w) => !stopWords.includes(w));
  if (kept.length === 0) return '';
  const query = kept.length === words.length ? normalized : kept.join(' ');
  for (const word of stopWords) {
    if (!query.endsWith(word)) continue;
    const before = query.slice(0, query.length - word.length);
    const last = before[before.length - 1];
    if (last !== undefined && last !== ' ' && !HIRAGANA.test(last)) {
      return `${query} `;
    }
  }
  return query;
}

/** Words a query has for the engine (whitespace-separated, or a run of Japanese long enough to be several). */
export function isMultiWordQuery(normalized: string): boolean {
  const words = normalized.split(' ').filter(Boolean);
  if (words.length > 1) return true;
  return /[\u3040-\u30ff\u3400-\u9fff]{3,}/.test(normalized);
}
