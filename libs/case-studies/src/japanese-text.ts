// Katakana and hiragana sit 0x60 apart in Unicode. The ranges cover ァ..ヶ / ぁ..ゖ and the iteration marks
// ヽヾ / ゝゞ; ヷ..ヺ have no hiragana counterpart and stay as they are, as does the long-vowel mark ー.
const KATAKANA = /[\u30a1-\u30f6\u30fd\u30fe]/g;
const HIRAGANA = /[\u3041-\u3096\u309d\u309e]/g;
const KANA_OFFSET = 0x60;

export function katakanaToHiragana(s: string): string {
  return s.replace(KATAKANA, (ch) => String.fromCharCode(ch.charCodeAt(0) - KANA_OFFSET));
}

export function hiraganaToKatakana(s: string): string {
  return s.replace(HIRAGANA, (ch) => String.fromCharCode(ch.charCodeAt(0) + KANA_OFFSET));
}

/**
 * Folds the spellings a Japanese user may type for the same thing onto one key, for client-side filters
 * (municipality name or kana) and for comparing against normalised index fields:
 * NFKC first (full-width ASCII becomes half-width, half-width katakana becomes full-width with its voicing
 * marks composed, the ideographic space becomes a space), then lower case, then katakana to hiragana,
 * then whitespace trimmed and collapsed. Kanji are left alone: readings cannot be derived from them.
 */
export function normalizeForSearch(s: string): string {
  return katakanaToHiragana(s.normalize('NFKC').toLowerCase()).trim().replace(/\s+/g, ' ');
}
