import {
  highlightToHtml,
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

describe('highlightToHtml', () => {
  it('escapes everything and turns the delimiters into <mark>', () => {
    expect(highlightToHtml(`<b>${A}DX${B}</b> & "人材" '育成'`)).toBe(
      '&lt;b&gt;<mark>DX</mark>&lt;/b&gt; &amp; &quot;人材&quot; &#39;育成&#39;',
    );
  });

  it('keeps the markup well formed when the delimiters are unbalanced', () => {
    expect(highlightToHtml(`${A}${A}a${B}${B}b${A}c`)).toBe('<mark>a</mark>b<mark>c</mark>');
  });

  it('cannot be made to emit a tag from the text', () => {
    const html = highlightToHtml(`<script>alert(1)</script><mark>`);
    expect(html).not.toMatch(/<(?!\/?mark>)/);
    expect(html).toBe('&lt;script&gt;alert(1)&lt;/script&gt;&lt;mark&gt;');
  });
});
