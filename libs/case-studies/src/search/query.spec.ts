import {
  HIGHLIGHT_POST as B,
  HIGHLIGHT_PRE as A,
  highlightTerms,
  highlightText,
  isMultiWordQuery,
  normalizeQuery,
  prepareQuery,
} from '../index';

describe('normalizeQuery', () => {
  it.each([
    ['ＤＸ', 'DX'],
    ['  ＤＸ　人材育成  ', 'DX 人材育成'],
    ['ﾘｽｷﾘﾝｸﾞ', 'リスキリング'],
    ['a\u0000b\nc', 'a b c'],
    [`x${A}y${B}`, 'x y'],
    [null, ''],
  ])('%p → %p', (raw, expected) => {
    expect(normalizeQuery(raw)).toBe(expected);
  });

  it('caps the length', () => {
    expect(normalizeQuery('あ'.repeat(500))).toHaveLength(200);
  });

  // A lone surrogate makes the request body invalid JSON for the engine (a 500 before this).
  const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

  it('never cuts a surrogate pair when capping (NFKC can lengthen a query: ㌀ → アパート)', () => {
    const q = normalizeQuery('㌀' + 'a'.repeat(195) + '😀');
    expect(q).not.toMatch(LONE_SURROGATE);
    expect(q.length).toBeLessThanOrEqual(200);
    expect(normalizeQuery('a'.repeat(199) + '😀')).toBe('a'.repeat(199));
  });

  it('drops lone surrogates', () => {
    expect(normalizeQuery('DX\ud800人材 \udc00')).toBe('DX人材');
  });

  // An emoji or symbol left in the query is a word no case has: 「😀 DX人材」 found nothing.
  it.each([
    ['😀 DX人材', 'DX人材'],
    ['DX人材😀', 'DX人材'],
    ['👩‍💻DX人材', 'DX人材'],
    ['❤️DX', 'DX'],
    ['1️⃣DX', 'DX'],
    ['テレワーク🏠', 'テレワーク'],
    ['★DX', 'DX'],
    ['DX→人材', 'DX 人材'],
    ['😀', ''],
  ])('makes emoji and symbols word separators: %p → %p', (raw, expected) => {
    expect(normalizeQuery(raw)).toBe(expected);
  });

  it.each([
    ['DX～', 'DX'],
    ['DX〜', 'DX'],
    ['DX！', 'DX'],
    ['【DX】', 'DX'],
    ['「人材育成」', '人材育成'],
    ['DX・人材育成', 'DX 人材育成'],
    ['DX、人材育成。', 'DX 人材育成'],
    ['DX/AI', 'DX AI'],
    ['#DX', 'DX'],
    ['"DX"', 'DX'],
    ['～！【】・「」、。', ''],
  ])('makes punctuation word separators: %p → %p', (raw, expected) => {
    expect(normalizeQuery(raw)).toBe(expected);
  });

  it.each([
    ['D\u200bX', 'DX'],
    ['人材\u200b育成', '人材育成'],
    ['\u200bDX\u200b', 'DX'],
    ['DX人材\ufeff', 'DX人材'],
    ['\ufeffDX', 'DX'],
    ['人材\u2060育成', '人材育成'],
    ['Cyber\u00adsecurity', 'Cybersecurity'],
    ['\u200eDX\u200f', 'DX'],
  ])('removes invisible format characters, so the word they split stays whole: %p → %p', (raw, expected) => {
    expect(normalizeQuery(raw)).toBe(expected);
  });

  it.each([
    ['データ', 'データ'],
    ['ﾃﾞｰﾀ', 'データ'],
    ['人々', '人々'],
    ['こゝろ', 'こゝろ'],
    ['か\u3099いど', 'がいど'],
    ['𠮷野家', '𠮷野家'],
    ['DX2024', 'DX2024'],
    ['①', '1'],
  ])('keeps letters, marks and digits: %p → %p', (raw, expected) => {
    expect(normalizeQuery(raw)).toBe(expected);
  });

  it.each([
    ['e-ラーニング', 'e-ラーニング'],
    ['IT-BCP', 'IT-BCP'],
    ['ＩＴ－ＢＣＰ', 'IT-BCP'],
    ['Wi\u2010Fi', 'Wi-Fi'],
    ['-DX', 'DX'],
    ['DX -人材', 'DX 人材'],
    ['DX-', 'DX'],
    ['IT--BCP', 'IT BCP'],
    ['DX - 人材', 'DX 人材'],
  ])('keeps a hyphen only between two letters or digits: %p → %p', (raw, expected) => {
    expect(normalizeQuery(raw)).toBe(expected);
  });

  it('drops a mark with nothing to combine with (NFKC makes ゛ a space and a combining mark)', () => {
    expect(normalizeQuery('゛DX')).toBe('DX');
    expect(normalizeQuery('DX ゜')).toBe('DX');
  });

  it('caps after separating, never inside a surrogate pair', () => {
    expect(normalizeQuery('😀'.repeat(150) + 'DX')).toBe('DX');
    expect(normalizeQuery('a'.repeat(199) + '𠮷')).toBe('a'.repeat(199));
    expect(normalizeQuery('【'.repeat(10) + 'あ'.repeat(300))).toBe('あ'.repeat(200));
  });

  it('is idempotent', () => {
    for (const q of ['😀 DX人材', '【DX】', 'e-ラーニング', 'D\u200bX', '-DX - IT--BCP', '゛か\u3099'])
      expect(normalizeQuery(normalizeQuery(q))).toBe(normalizeQuery(q));
  });
});

describe('prepareQuery', () => {
  it.each([
    ['中小企業の', '中小企業の '],
    ['小学生から', '小学生から '],
    ['DXの人材', 'DXの人材'],
    ['かが', 'かが'],
    ['さてらいと', 'さてらいと'],
    ['ロボットと', 'ロボットと '],
    ['AIを', 'AIを '],
    ['', ''],
  ])('%p → %p', (q, expected) => {
    expect(prepareQuery(q)).toBe(expected);
  });

  // The engine reads a lone particle as the prefix of a word: 「の」 found 13 cases, 「DX の」 9 of 57.
  it.each([
    ['の', ''],
    ['の は が', ''],
    ['から まで', ''],
    ['DX の', 'DX'],
    ['DX の 人材', 'DX 人材'],
    ['の DX', 'DX'],
    ['中小企業 の', '中小企業'],
  ])('leaves out particles standing alone, a query of only them being empty: %p → %p', (q, expected) => {
    expect(prepareQuery(q)).toBe(expected);
  });

  it('keeps words made of particles (のと is 能登) and a particle after a word', () => {
    expect(prepareQuery('のと')).toBe('のと');
    expect(prepareQuery('はが')).toBe('はが');
    expect(prepareQuery('DX の 中小企業の')).toBe('DX 中小企業の ');
  });

  it('makes a query of punctuation and particles the empty query', () => {
    expect(prepareQuery(normalizeQuery('の！'))).toBe('');
    expect(prepareQuery(normalizeQuery('「の」😀'))).toBe('');
  });
});

describe('isMultiWordQuery', () => {
  it.each([
    ['DX', false],
    ['DX 人材', true],
    ['人材育成', true],
    ['人材', false],
    ['reskilling', false],
  ])('%p → %p', (q, expected) => {
    expect(isMultiWordQuery(q)).toBe(expected);
  });
});

describe('what is sent and what is highlighted', () => {
  const sent = (raw: string) => prepareQuery(normalizeQuery(raw));
  const termsOf = (raw: string) => highlightTerms(sent(raw)).terms;

  it('highlights a query with symbols as the plain words are highlighted', () => {
    expect(termsOf('【DX】')).toEqual(termsOf('DX'));
    expect(termsOf('😀 DX人材')).toEqual(termsOf('DX人材'));
    expect(termsOf('DX～')).toEqual(termsOf('DX'));
    expect(termsOf('D\u200bX')).toEqual(termsOf('DX'));
    expect(highlightText('【DX】人材の育成', highlightTerms(sent('【DX】')))).toBe(
      '【<mark>DX</mark>】人材の育成',
    );
  });

  it('marks nothing for a query of particles, emoji or punctuation only, like the empty query', () => {
    for (const q of ['の', 'の は が', '😀', '【】'])
      expect({ q, terms: termsOf(q) }).toEqual({ q, terms: [] });
  });

  it('sends no emoji, symbol or punctuation but an in-word hyphen', () => {
    const raw = '😀【DX】～人材育成！・「e-ラーニング」★\u200b';
    expect(sent(raw)).toBe('DX 人材育成 e-ラーニング');
    expect(sent(raw)).toMatch(/^[\p{L}\p{M}\p{N} -]*$/u);
  });
});
