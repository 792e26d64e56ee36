import {
  HIGHLIGHT_POST as B,
  HIGHLIGHT_PRE as A,
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
    ['の', 'の'],
    ['', ''],
  ])('%p → %p', (q, expected) => {
    expect(prepareQuery(q)).toBe(expected);
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
