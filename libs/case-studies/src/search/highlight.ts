import { hiraganaToKatakana, katakanaToHiragana, normalizeForSearch } from '../japanese-text';
import { JAPANESE_STOP_WORDS } from './query';
import { SYNONYM_GROUPS } from './synonyms';

/**
 * Highlighting and cropping of search results in our own code rather than the engine's: Meilisearch
 * re-tokenises every highlighted field of every hit with its Japanese dictionary (14.6 ms of CPU per
 * page of 20 hits against 3.1 ms without, `npm run bench:search-parts`), where this costs 0.27 ms a page. The query is turned into terms once per search
 * (`highlightTerms`); each field is then folded the way the index folds it (NFKC, lower case, katakana
 * as hiragana) and searched for the terms, and the matches are mapped back onto the original text, which
 * comes out as safe HTML: everything escaped, matches in <mark>…</mark>.
 */

/** What `highlightTerms` makes of a query; pass it to `highlightText` and `cropText`. */
export interface HighlightTerms {
  /** The terms, folded (NFKC, lower case, hiragana), longest first: for logs and tests. Empty: nothing to mark. */
  readonly terms: readonly string[];
}

interface LatinTerm {
  readonly id: number;
  readonly text: string;
  /** The engine treats the last word of a query as a prefix: "progr" finds (and marks) "programming". */
  readonly prefix: boolean;
  /** Typos tolerated (the index's minWordSizeForTypos: one from 5 characters, two from 9). */
  readonly typos: number;
}

interface AnywhereTerm {
  readonly id: number;
  readonly text: string;
  /** The term begins / ends with a Latin letter or digit, which must not be glued to another one there. */
  readonly latinStart: boolean;
  readonly latinEnd: boolean;
}

class CompiledTerms implements HighlightTerms {
  constructor(
    readonly terms: readonly string[],
    /** Terms made only of [a-z0-9]: matched against the Latin words of the text. */
    readonly latin: readonly LatinTerm[],
    /** Every other term: matched anywhere (Japanese has no word spaces), Latin ends excepted. */
    readonly anywhere: readonly AnywhereTerm[],
  ) {
    Object.freeze(this);
  }
}

function compiled(terms: HighlightTerms): CompiledTerms {
  if (terms instanceof CompiledTerms) return terms;
  throw new TypeError('HighlightTerms must come from highlightTerms()');
}

// ---------------------------------------------------------------------------------------------------
// Query → terms (once per search)

let segmenter: Intl.Segmenter | undefined;
function segmentsOf(word: string): string[] {
  segmenter ??= new Intl.Segmenter('ja', { granularity: 'word' });
  const out: string[] = [];
  for (const s of segmenter.segment(word)) if (s.isWordLike) out.push(s.segment);
  return out;
}

const STOP_WORDS = new Set(JAPANESE_STOP_WORDS.map(normalizeForSearch));
let synonymIndex: Map<string, readonly string[]> | undefined;
/** Folded member → the folded members of its group. */
function synonymsOf(folded: string): readonly string[] | undefined {
  if (!synonymIndex) {
    synonymIndex = new Map();
    for (const group of SYNONYM_GROUPS) {
      const members = group.map(normalizeForSearch);
      for (const m of members) synonymIndex.set(m, members);
    }
  }
  return synonymIndex.get(folded);
}

const LATIN_TERM = /^[a-z0-9]+$/;
const HIRAGANA_WORD = /^[\u3041-\u3096\u309d\u309e\u30fc]+$/;
const KANA_WORD = /^[\u3041-\u3096\u309d\u309e\u30a1-\u30fa\u30fc-\u30fe]+$/;
const SINGLE_HIRAGANA = /^[\u3041-\u309f]$/u;
const WORD_CHAR = /[\p{L}\p{N}]/u;
const ONE_TYPO = 5;
const TWO_TYPOS = 9;

function isLatinCode(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
}

/**
 * The terms to highlight for a query already normalised by `normalizeQuery` (an empty query gives none).
 * Each word is kept whole and also segmented by `Intl.Segmenter` (人材育成 → 人材育成, 人材, 育成);
 * particles (JAPANESE_STOP_WORDS), single hiragana and stray single characters are dropped, and every
 * member of a synonym group one of them belongs to is added (DX → デジタルトランスフォーメーション, デジタル変革).
 * Two refinements over plain segmentation, because ICU's dictionary splits kana words it does not know
 * into noise (テレワーク → テレ, ワーク; ハッカソン → ハッカ, ソン; さてらいとおふぃす → さて, らい, と…):
 * a word made only of kana is segmented only when every piece has three characters or more
 * (サテライトオフィス → サテライト, オフィス), a hiragana word being segmented in katakana; and a word that is
 * itself a synonym-group member is a vocabulary unit, matched whole. A word that contains a particle
 * (中小企業の支援) is not kept whole, so the particle is never marked.
 */
export function highlightTerms(normalizedQuery: string): HighlightTerms {
  const query = (normalizedQuery ?? '').normalize('NFKC');
  const words = query.split(/\s+/).filter(Boolean);
  // The engine reads the last word as a prefix unless the query ends with a space (see prepareQuery).
  const lastIsPrefix = words.length > 0 && !/\s$/.test(query);
  const flags = new Map<string, { prefix: boolean; typos: number }>();
  const add = (term: string, fromQuery: boolean, prefix: boolean): void => {
    const folded = normalizeForSearch(term);
    if (!folded) return;
    const latin = LATIN_TERM.test(folded);
    const typos =
      !fromQuery || !latin ? 0 : folded.length >= TWO_TYPOS ? 2 : folded.length >= ONE_TYPO ? 1 : 0;
    const seen = flags.get(folded);
    if (seen) {
      seen.prefix ||= prefix && latin;
      seen.typos = Math.max(seen.typos, typos);
    } else {
      flags.set(folded, { prefix: prefix && latin, typos });
    }
  };
  const keep = (term: string, word: string): boolean => {
    const folded = normalizeForSearch(term);
    if (!folded || STOP_WORDS.has(folded)) return false;
    if (SINGLE_HIRAGANA.test(folded)) return false;
    // A single character (one kanji of 産学官金連携, the "e" of e-learning) only when it is the whole word.
    if ([...folded].length === 1 && term !== word) return false;
    return true;
  };

  words.forEach((word, w) => {
    if (!WORD_CHAR.test(word)) return; // punctuation alone marks nothing
    const isLast = lastIsPrefix && w === words.length - 1;
    const foldedWord = normalizeForSearch(word);
    const synonyms = synonymsOf(foldedWord);
    if (synonyms) {
      for (const s of synonyms) add(s, s === foldedWord, isLast && s === foldedWord);
      return;
    }
    const hiragana = HIRAGANA_WORD.test(word);
    const segments = segmentsOf(hiragana ? hiraganaToKatakana(word) : word);
    const particle = segments.some((s) => STOP_WORDS.has(normalizeForSearch(s)));
    const trusted =
      !KANA_WORD.test(word) ||
      segments.every((s) => STOP_WORDS.has(normalizeForSearch(s)) || [...s].length >= 3);
    let kept = 0;
    if ((!particle || hiragana) && keep(word, word)) {
      add(word, true, isLast);
      kept++;
    }
    if (trusted) {
      segments.forEach((s, i) => {
        const last = isLast && i === segments.length - 1;
        if (!keep(s, word)) return;
        add(s, true, last);
        kept++;
        const syn = synonymsOf(normalizeForSearch(s));
        if (syn) for (const m of syn) add(m, false, false);
      });
    }
    // Nothing survived (an untrusted split of a word that also contains a particle): the word as typed.
    if (kept === 0 && keep(word, word)) add(word, true, isLast);
  });

  // Synonyms of more than one word (generative AI, data science) typed as they are.
  for (let w = 0; w + 1 < words.length; w++) {
    const pair = normalizeForSearch(`${words[w]} ${words[w + 1]}`);
    const syn = synonymsOf(pair);
    if (syn) for (const m of syn) add(m, false, false);
  }

  const ordered = [...flags].sort(([a], [b]) => b.length - a.length || (a < b ? -1 : a > b ? 1 : 0));
  const latin: LatinTerm[] = [];
  const anywhere: AnywhereTerm[] = [];
  ordered.forEach(([text, f], id) => {
    if (LATIN_TERM.test(text)) {
      latin.push({ id, text, prefix: f.prefix, typos: f.typos });
    } else {
      anywhere.push({
        id,
        text,
        latinStart: isLatinCode(text.charCodeAt(0)),
        latinEnd: isLatinCode(text.charCodeAt(text.length - 1)),
      });
    }
  });
  return new CompiledTerms(Object.freeze(ordered.map(([text]) => text)), latin, anywhere);
}

// ---------------------------------------------------------------------------------------------------
// Folding the text with a map back to the original offsets

/**
 * Per BMP code unit: its fold (NFKC, lower case, katakana → hiragana, whitespace → space) when that is
 * one code unit, else 0; and 1 for a combining mark (or a half-width voicing mark ﾞﾟ), which NFKC
 * composes with what precedes it. Filled a page of 256 code units at a time, when a text first uses it
 * (a few dozen µs each), so that folding a character is then a table look-up.
 */
interface FoldTables {
  fold: Uint16Array;
  mark: Uint8Array;
  built: Uint8Array;
}
let tables: FoldTables | undefined;

function isHiraganaFoldable(c: number): boolean {
  return (c >= 0x30a1 && c <= 0x30f6) || c === 0x30fd || c === 0x30fe;
}

// Blocks that NFKC and lower-casing leave alone and that hold no mark: CJK ideographs, Hangul, private use.
function isStable(c: number): boolean {
  return (
    (c >= 0x3400 && c <= 0x4dbf) ||
    (c >= 0x4e00 && c <= 0x9fff) ||
    (c >= 0xac00 && c <= 0xd7a3) ||
    (c >= 0xe000 && c <= 0xf8ff)
  );
}
const MARK_CHAR = /\p{M}/u;
const SPACE_CHAR = /\s/;

function buildPage(t: FoldTables, page: number): void {
  t.built[page] = 1;
  if (page >= 0xd8 && page <= 0xdf) return; // surrogates: the slow path takes the pair
  for (let c = page << 8, end = c + 0x100; c < end; c++) {
    if (c === 0) continue;
    if (isStable(c)) {
      t.fold[c] = c;
      continue;
    }
    const s = String.fromCharCode(c);
    const f = s.normalize('NFKC').toLowerCase();
    if (f.length === 1) {
      let v = f.charCodeAt(0);
      if (SPACE_CHAR.test(f)) v = 0x20;
      else if (isHiraganaFoldable(v)) v -= 0x60;
      t.fold[c] = v;
    }
    if (MARK_CHAR.test(s) || c === 0xff9e || c === 0xff9f) t.mark[c] = 1;
  }
}

function foldTables(): FoldTables {
  if (!tables) {
    tables = { fold: new Uint16Array(0x10000), mark: new Uint8Array(0x10000), built: new Uint8Array(0x100) };
    buildPage(tables, 0);
  }
  return tables;
}

const unitCache = new Map<string, string>();
function foldUnit(unit: string): string {
  let f = unitCache.get(unit);
  if (f === undefined) {
    f = katakanaToHiragana(unit.normalize('NFKC').toLowerCase()).replace(/\s/g, ' ');
    if (unitCache.size >= 4096) unitCache.clear();
    unitCache.set(unit, f);
  }
  return f;
}

interface Folded {
  text: string;
  /** Original offset where the character that gave folded unit i starts / ends; null: identity. */
  starts: Int32Array | null;
  ends: Int32Array | null;
}

function grown(buf: Uint16Array, starts: Int32Array, ends: Int32Array, need: number) {
  const size = Math.max(need, buf.length * 2);
  const b = new Uint16Array(size);
  b.set(buf);
  const s = new Int32Array(size);
  s.set(starts);
  const e = new Int32Array(size);
  e.set(ends);
  return { buf: b, starts: s, ends: e };
}

/**
 * The text folded like normalizeForSearch folds it, per character (a base and its combining marks
 * together, so ｶﾞ → が), with each folded code unit mapped to the original character it came from:
 * NFKC can change the length (ｶﾞ → が, ㈱ → (株)). Whitespace becomes a space, one for one.
 */
function foldText(text: string): Folded {
  const t = foldTables();
  const { fold, mark, built } = t;
  const n = text.length;
  let buf = new Uint16Array(n + 8);
  // Identity (null) until a character folds to something of another length.
  let starts: Int32Array | null = null;
  let ends: Int32Array | null = null;
  let len = 0;
  for (let i = 0; i < n;) {
    const c = text.charCodeAt(i);
    if (built[c >> 8] === 0) buildPage(t, c >> 8);
    const v = fold[c];
    const next = i + 1 < n ? text.charCodeAt(i + 1) : 0;
    if (built[next >> 8] === 0) buildPage(t, next >> 8);
    if (v !== 0 && mark[next] === 0) {
      if (starts !== null && ends !== null) {
        if (len === buf.length) ({ buf, starts, ends } = grown(buf, starts, ends, len + 1));
        starts[len] = i;
        ends[len] = i + 1;
      }
      buf[len++] = v;
      i++;
      continue;
    }
    // A surrogate pair, a character with combining marks, or one whose fold is not one code unit.
    let j = i + 1;
    if (c >= 0xd800 && c <= 0xdbff && j < n) {
      const d = text.charCodeAt(j);
      if (d >= 0xdc00 && d <= 0xdfff) j++;
    }
    for (; j < n; j++) {
      const m = text.charCodeAt(j);
      if (built[m >> 8] === 0) buildPage(t, m >> 8);
      if (mark[m] === 0) break;
    }
    const f = foldUnit(text.slice(i, j));
    if (starts === null || ends === null) {
      starts = new Int32Array(buf.length);
      ends = new Int32Array(buf.length);
      for (let k = 0; k < len; k++) {
        starts[k] = k;
        ends[k] = k + 1;
      }
    }
    if (len + f.length > buf.length) ({ buf, starts, ends } = grown(buf, starts, ends, len + f.length));
    for (let k = 0; k < f.length; k++) {
      buf[len] = f.charCodeAt(k);
      starts[len] = i;
      ends[len] = j;
      len++;
    }
    i = j;
  }
  let out = '';
  for (let k = 0; k < len; k += 4096) {
    out += String.fromCharCode.apply(null, buf.subarray(k, Math.min(len, k + 4096)) as unknown as number[]);
  }
  return { text: out, starts, ends };
}

// ---------------------------------------------------------------------------------------------------
// Matching

/** Matches in original offsets, as flat triples [start, end, termId, …], sorted by start. */
function findMatches(text: string, terms: CompiledTerms): number[] {
  if (terms.terms.length === 0 || !text) return [];
  const { text: f, starts, ends } = foldText(text);
  const found: number[] = [];
  const push = (a: number, b: number, id: number) => {
    found.push(starts ? starts[a] : a, ends ? ends[b - 1] : b, id);
  };
  for (const t of terms.anywhere) {
    const L = t.text.length;
    for (let at = f.indexOf(t.text); at >= 0; at = f.indexOf(t.text, at + 1)) {
      if (t.latinStart && at > 0 && isLatinCode(f.charCodeAt(at - 1))) continue;
      if (t.latinEnd && at + L < f.length && isLatinCode(f.charCodeAt(at + L))) continue;
      push(at, at + L, t.id);
    }
  }
  if (terms.latin.length > 0) {
    const n = f.length;
    for (let i = 0; i < n;) {
      if (!isLatinCode(f.charCodeAt(i))) {
        i++;
        continue;
      }
      let j = i + 1;
      while (j < n && isLatinCode(f.charCodeAt(j))) j++;
      const word = f.slice(i, j);
      for (const t of terms.latin) {
        if (
          word === t.text ||
          (t.prefix && word.startsWith(t.text)) ||
          (t.typos > 0 && withinTypos(t.text, word, t.typos))
        ) {
          push(i, j, t.id);
        }
      }
      i = j;
    }
  }
  if (found.length > 3) sortTriples(found);
  return found;
}

function sortTriples(a: number[]): void {
  const idx: number[] = [];
  for (let i = 0; i < a.length; i += 3) idx.push(i);
  idx.sort((x, y) => a[x] - a[y] || a[y + 1] - a[x + 1]);
  const copy = a.slice();
  idx.forEach((from, k) => {
    a[k * 3] = copy[from];
    a[k * 3 + 1] = copy[from + 1];
    a[k * 3 + 2] = copy[from + 2];
  });
}

/**
 * Whether `word` is within `max` typos of `term` (Damerau–Levenshtein, adjacent transposition = one),
 * a typo on the first character counting as two as the engine counts it.
 */
function withinTypos(term: string, word: string, max: number): boolean {
  // An edit of the first character costs one more: with one typo allowed it cannot be that one.
  const budget = term.charCodeAt(0) === word.charCodeAt(0) ? max : max - 1;
  if (budget < 1) return false;
  const m = term.length;
  const n = word.length;
  if (Math.abs(m - n) > budget) return false;
  let prev2 = new Array<number>(n + 1).fill(0);
  let prev = new Array<number>(n + 1);
  let cur = new Array<number>(n + 1);
  for (let j = 0; j <= n; j++) prev[j] = j;
  for (let i = 1; i <= m; i++) {
    cur[0] = i;
    let rowMin = i;
    const a = term.charCodeAt(i - 1);
    for (let j = 1; j <= n; j++) {
      const b = word.charCodeAt(j - 1);
      let d = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a === b ? 0 : 1));
      if (i > 1 && j > 1 && a === word.charCodeAt(j - 2) && term.charCodeAt(i - 2) === b) {
        d = Math.min(d, prev2[j - 2] + 1);
      }
      cur[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > budget) return false;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[n] <= budget;
}

/** Overlapping or adjacent matches merged: flat pairs [start, end, …]. */
function mergeMatches(found: readonly number[]): number[] {
  const out: number[] = [];
  for (let i = 0; i < found.length; i += 3) {
    const s = found[i];
    const e = found[i + 1];
    const k = out.length;
    if (k > 0 && s <= out[k - 1]) {
      if (e > out[k - 1]) out[k - 1] = e;
    } else {
      out.push(s, e);
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------
// HTML

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
const NEEDS_ESCAPE = /[&<>"']/;
const ESCAPE = /[&<>"']/g;
function escapeHtml(s: string): string {
  return NEEDS_ESCAPE.test(s) ? s.replace(ESCAPE, (ch) => HTML_ESCAPES[ch]) : s;
}

/** text[from, to) as HTML, the merged matches inside it in <mark>. */
function render(text: string, from: number, to: number, marks: readonly number[]): string {
  let out = '';
  let pos = from;
  for (let i = 0; i < marks.length; i += 2) {
    const s = Math.max(marks[i], from);
    const e = Math.min(marks[i + 1], to);
    if (e <= s) {
      if (marks[i] >= to) break;
      continue;
    }
    out += `${escapeHtml(text.slice(pos, s))}<mark>${escapeHtml(text.slice(s, e))}</mark>`;
    pos = e;
  }
  return out + escapeHtml(text.slice(pos, to));
}

/**
 * The whole text as safe HTML (& < > " ' escaped) with every match of the terms in <mark>…</mark>;
 * overlapping and adjacent matches make one mark. Matching is width-, case- and kana-insensitive
 * (ＤＸ, dx and DX; ろぼっと and ロボット), the offsets are the original text's.
 */
export function highlightText(text: string, terms: HighlightTerms): string {
  const c = compiled(terms);
  const t = text ?? '';
  return render(t, 0, t.length, mergeMatches(findMatches(t, c)));
}

// ---------------------------------------------------------------------------------------------------
// Cropping

const CROP_MARKER = '…';
/** How far (in characters) the window's ends may move to fall on a sentence end or a space. */
const SNAP = 15;
/** At most this many matches are tried as the window's anchor. */
const MAX_ANCHORS = 32;

function isSentenceEnd(c: number): boolean {
  return c === 0x3002 || c === 0xff01 || c === 0xff1f || c === 0x21 || c === 0x3f; // 。！？!?
}
function isBreak(c: number): boolean {
  return c === 0x0a || c === 0x0d || c === 0x20 || c === 0x3000 || c === 0x09;
}
function isStartBoundary(c: number): boolean {
  return isSentenceEnd(c) || isBreak(c);
}
function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

/** The start of the match whose window (a quarter before it, maxChars long) holds the most distinct terms. */
function bestAnchor(found: readonly number[], termCount: number, maxChars: number, lead: number): number {
  const stamp = new Int32Array(termCount);
  let best = found[0];
  let bestScore = 0;
  const anchors = Math.min(found.length / 3, MAX_ANCHORS);
  for (let a = 0; a < anchors; a++) {
    const anchor = found[a * 3];
    if (a > 0 && anchor === found[(a - 1) * 3]) continue;
    const from = anchor - lead;
    const to = from + maxChars;
    let score = 0;
    for (let i = 0; i < found.length; i += 3) {
      if (found[i] >= to) break;
      if (found[i] < from || found[i + 1] > to) continue;
      const id = found[i + 2];
      if (stamp[id] !== a + 1) {
        stamp[id] = a + 1;
        score++;
      }
    }
    if (score > bestScore) {
      bestScore = score;
      best = anchor;
    }
  }
  return best;
}

/** End of a window starting at `from`: about maxChars on, pulled back to a sentence end or space nearby. */
function windowEnd(
  text: string,
  from: number,
  maxChars: number,
  notBefore: number,
  marks: readonly number[],
) {
  const n = text.length;
  let end = Math.min(n, Math.max(from + maxChars, notBefore));
  if (end >= n) return n;
  for (let k = end - 1; k >= Math.max(notBefore, end - SNAP); k--) {
    const c = text.charCodeAt(k);
    if (isSentenceEnd(c)) {
      end = k + 1;
      break;
    }
    if (isBreak(c)) {
      end = k;
      break;
    }
  }
  for (let i = 0; i < marks.length; i += 2) {
    if (marks[i] >= end) break;
    if (marks[i + 1] > end) end = marks[i + 1]; // never cut a mark
  }
  if (end < n && isLowSurrogate(text.charCodeAt(end))) end++;
  while (end > notBefore && end < n && isBreak(text.charCodeAt(end - 1))) end--;
  return end;
}

/**
 * A snippet of about `maxChars` characters (of the original text, UTF-16 units) as safe HTML with the
 * matches marked: the window around the first match (or the one with the most distinct terms), starting
 * about a quarter of the window before it, moved to just after a sentence end (。！？, a line break) or a
 * space within a few characters; `…` where text was cut. No match: the beginning of the text. A text no
 * longer than maxChars comes whole, as highlightText gives it.
 */
export function cropText(text: string, terms: HighlightTerms, maxChars = 120): string {
  const c = compiled(terms);
  const t = text ?? '';
  const size = Number.isFinite(maxChars) && maxChars >= 1 ? Math.floor(maxChars) : 120;
  const n = t.length;
  if (n <= size) return highlightText(t, c);
  const found = findMatches(t, c);
  const marks = mergeMatches(found);
  if (found.length === 0) {
    const end = windowEnd(t, 0, size, 1, marks);
    return `${render(t, 0, end, marks)}${end < n ? CROP_MARKER : ''}`;
  }
  const lead = Math.floor(size / 4);
  const anchor = bestAnchor(found, c.terms.length, size, lead);
  let anchorEnd = anchor;
  for (let i = 0; i < marks.length; i += 2) {
    if (marks[i] <= anchor && marks[i + 1] > anchor) {
      anchorEnd = marks[i + 1];
      break;
    }
  }
  let start = Math.max(0, Math.min(anchor - lead, n - size));
  if (start > 0) {
    // Just after the nearest sentence end or space, looking back first, never past the match.
    for (let d = 0, snap = Math.min(SNAP, lead); d <= snap; d++) {
      const back = start - d - 1;
      if (back >= 0 && isStartBoundary(t.charCodeAt(back))) {
        start = back + 1;
        break;
      }
      const ahead = start + d;
      if (d > 0 && ahead <= anchor && isStartBoundary(t.charCodeAt(ahead - 1))) {
        start = ahead;
        break;
      }
    }
    for (let i = 0; i < marks.length; i += 2) {
      if (marks[i] >= start) break;
      if (marks[i + 1] > start) start = marks[i]; // never cut a mark
    }
    if (start > 0 && isLowSurrogate(t.charCodeAt(start))) start--;
    while (start < anchor && isBreak(t.charCodeAt(start))) start++;
  }
  const end = windowEnd(t, start, size, anchorEnd, marks);
  return `${start > 0 ? CROP_MARKER : ''}${render(t, start, end, marks)}${end < n ? CROP_MARKER : ''}`;
}
