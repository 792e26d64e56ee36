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

const BIG_UNITS: Record<string, number> = { 兆: 1_000_000_000_000, 億: 100_000_000, 万: 10_000 };

/** `digits × multiplier` in integer arithmetic (1.5億 is exactly 150,000,000); NaN if not a whole number. */
function scaled(digits: string, multiplier: number): number {
  const [int, frac = ''] = digits.split('.');
  const scale = 10 ** frac.length;
  if (multiplier % scale !== 0) return NaN;
  return Number(int) * multiplier + Number(frac || '0') * (multiplier / scale);
}

/**
 * An amount of yen as officials write it: `1500000`, `1,500,000`, `150万円`, `1億2,000万円`, `1.5億`,
 * `2億5千万円`, full-width digits included, and hedged as budgets often are: `約350万円`, `およそ350万円`,
 * `1200万円程度`, `350万円前後` (the amount is what is stored; one word before, one after, nothing else).
 * null: empty; NaN: not an amount (or not a whole number of yen, e.g. `1.23456万`), a range
 * (`100〜200万円`) or kanji numerals (`百万円`). 兆, 億 and 万 must come largest first, each at most once.
 */
export function parseYenAmount(text: string): number | null {
  const bare = text.normalize('NFKC').replace(/[,，、\s]/g, '');
  if (!bare) return null;
  const compact = bare
    .replace(/^(?:約|およそ|おおよそ|概ね|おおむね)/, '')
    .replace(/(?:程度|前後|ほど|くらい|ぐらい)$/, '')
    .replace(/^¥|円$/g, '');
  // A hedge or a currency sign alone is not an amount.
  if (!compact) return NaN;
  let rest = compact;
  let total = 0;
  let lastUnit = Infinity;
  while (rest) {
    // One group: [N千][N][兆|億|万], e.g. 5千 + 万, 350 + 万, 2,000.
    const m = /^(?:(\d+(?:\.\d+)?)千)?(\d+(?:\.\d+)?)?(兆|億|万)?/.exec(rest);
    if (!m || (!m[1] && !m[2])) return NaN;
    const unit = m[3] ? BIG_UNITS[m[3]] : 1;
    if (unit >= lastUnit) return NaN;
    total += (m[1] ? scaled(m[1], 1_000 * unit) : 0) + (m[2] ? scaled(m[2], unit) : 0);
    lastUnit = unit;
    rest = rest.slice(m[0].length);
  }
  return Number.isSafeInteger(total) ? total : NaN;
}
