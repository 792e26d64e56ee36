import { cropText, highlightTerms, highlightText, normalizeQuery } from '../index';
import type { HighlightTerms } from '../index';

const terms = (q: string): HighlightTerms => highlightTerms(normalizeQuery(q));
const hl = (q: string, text: string): string => highlightText(text, terms(q));

/** The text a snippet shows: tags dropped, entities decoded. */
const plain = (html: string): string =>
  html
    .replace(/<\/?mark>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Only <mark> tags, never nested, always closed. */
function expectWellFormed(html: string): void {
  expect(html).not.toMatch(/<(?!\/?mark>)/);
  expect(html).not.toMatch(/<mark>[^<]*<mark>/);
  expect(html).not.toMatch(/<\/mark>[^<]*<\/mark>/);
  expect(html.split('<mark>').length).toBe(html.split('</mark>').length);
  expect(html).not.toMatch(/<mark><\/mark>/);
  expect(html).not.toMatch(LONE_SURROGATE);
}

describe('highlightTerms', () => {
  it('keeps a word whole and segments it (人材育成 → 人材育成, 人材, 育成)', () => {
    expect(terms('人材育成').terms).toEqual(['人材育成', '人材', '育成']);
    expect(terms('中小企業 支援').terms).toEqual(expect.arrayContaining(['中小企業', '支援']));
  });

  it('segments a katakana compound and folds it to hiragana', () => {
    expect(terms('サテライトオフィス').terms).toEqual(['さてらいとおふぃす', 'さてらいと', 'おふぃす']);
  });

  it('leaves out particles, single hiragana and stray single kanji', () => {
    const t = terms('中小企業の支援').terms;
    expect(t).toEqual(expect.arrayContaining(['中小企業', '支援']));
    expect(t).not.toContain('の');
    expect(t).not.toContain('中小企業の支援');
    expect(terms('産学官金連携').terms).not.toEqual(expect.arrayContaining(['官']));
    expect(terms('産学官金連携').terms).not.toContain('金');
    expect(terms('官').terms).toEqual(['官']);
    expect(terms('の').terms).toEqual([]);
    expect(terms('DX の から').terms).not.toContain('の');
  });

  it('adds the other members of a synonym group, folded', () => {
    expect(terms('DX').terms).toEqual(
      expect.arrayContaining(['dx', 'でじたるとらんすふぉーめーしょん', 'でじたる変革']),
    );
    expect(terms('学び直し').terms).toEqual(expect.arrayContaining(['りすきりんぐ', 'reskilling']));
    expect(terms('ｄｘ').terms).toContain('でじたる変革');
    expect(terms('generative AI').terms).toContain('生成ai');
  });

  it('does not split a kana word it cannot segment into noise', () => {
    expect(terms('ハッカソン').terms).toEqual(['はっかそん']);
    expect(terms('さてらいとおふぃす').terms).toEqual(['さてらいとおふぃす', 'さてらいと', 'おふぃす']);
    expect(terms('テレワーク').terms).not.toContain('てれ');
  });

  it('gives no terms for an empty query or one of punctuation only', () => {
    expect(highlightTerms('').terms).toEqual([]);
    expect(terms('・・・').terms).toEqual([]);
  });
});

describe('highlightText', () => {
  it('marks a kanji compound whole, and its parts apart (人材育成 in 人材の育成)', () => {
    expect(hl('人材育成', 'DX人材育成講座')).toBe('DX<mark>人材育成</mark>講座');
    expect(hl('人材育成', '人材の育成に取り組む')).toBe('<mark>人材</mark>の<mark>育成</mark>に取り組む');
  });

  it('marks a katakana compound and its parts', () => {
    expect(hl('サテライトオフィス', 'サテライトオフィスを開設し、オフィス環境を整えた')).toBe(
      '<mark>サテライトオフィス</mark>を開設し、<mark>オフィス</mark>環境を整えた',
    );
  });

  it('matches hiragana against katakana and back', () => {
    expect(hl('ろぼっと', 'ロボットを導入')).toBe('<mark>ロボット</mark>を導入');
    expect(hl('ロボット', 'ろぼっと教室')).toBe('<mark>ろぼっと</mark>教室');
    expect(hl('さてらいとおふぃす', '市のサテライトオフィス')).toBe('市の<mark>サテライトオフィス</mark>');
  });

  it('matches across widths and case: ＤＸ, dx, DX and half-width kana', () => {
    expect(hl('DX', 'ＤＸ推進とdx人材')).toBe('<mark>ＤＸ</mark>推進と<mark>dx</mark>人材');
    expect(hl('ＤＸ', 'DX推進')).toBe('<mark>DX</mark>推進');
    expect(hl('ガイド', 'ｶﾞｲﾄﾞﾌﾞｯｸ')).toBe('<mark>ｶﾞｲﾄﾞ</mark>ﾌﾞｯｸ');
    expect(hl('ｶﾞｲﾄﾞ', 'ガイドブック')).toBe('<mark>ガイド</mark>ブック');
  });

  it('maps matches back onto the original text when NFKC changes its length', () => {
    expect(hl('ヨコテン ガイド DX', '㈱ヨコテンのｶﾞｲﾄﾞと<DX>')).toBe(
      '㈱<mark>ヨコテン</mark>の<mark>ｶﾞｲﾄﾞ</mark>と&lt;<mark>DX</mark>&gt;',
    );
    expect(hl('株', '㈱ヨコテン')).toBe('<mark>㈱</mark>ヨコテン');
    expect(hl('がいど', 'か\u3099いどを配布')).toBe('<mark>か\u3099いど</mark>を配布');
    expect(hl('finance', 'ﬁnance研修')).toBe('<mark>ﬁnance</mark>研修');
    expect(hl('DX', '𠮷野家のDX')).toBe('𠮷野家の<mark>DX</mark>');
  });

  it('marks synonyms both ways', () => {
    expect(hl('テレワーク', '在宅勤務（テレワーク）を導入')).toBe(
      '<mark>在宅勤務</mark>（<mark>テレワーク</mark>）を導入',
    );
    expect(hl('リモートワーク', 'テレワークの推進')).toBe('<mark>テレワーク</mark>の推進');
    expect(hl('在宅勤務', 'リモートワーク')).toBe('<mark>リモートワーク</mark>');
    expect(hl('DX', 'デジタル変革の計画')).toBe('<mark>デジタル変革</mark>の計画');
    expect(hl('学び直し', 'Reskilling講座')).toBe('<mark>Reskilling</mark>講座');
  });

  it('tolerates typos in Latin words as the index does', () => {
    expect(hl('reskiling', 'Reskilling program')).toBe('<mark>Reskilling</mark> program');
    expect(hl('skills', 'digital skils')).toBe('digital <mark>skils</mark>');
    expect(hl('skills', 'digital akills')).toBe('digital akills'); // a first-letter typo counts two
    expect(hl('data', 'date and dota')).toBe('date and dota'); // under five letters: exact only
  });

  it('does not mark a Latin term inside a longer Latin word', () => {
    expect(hl('AI DX', 'mail AIとメール、生成AI')).toBe('mail <mark>AI</mark>とメール、生成<mark>AI</mark>');
    expect(hl('中小企業', 'smes and SME')).toBe('smes and <mark>SME</mark>');
  });

  it('reads the last word as a prefix and marks the whole Latin word', () => {
    expect(hl('progr', 'Programming講座')).toBe('<mark>Programming</mark>講座');
    expect(hl('progr DX', 'Programming講座')).toBe('Programming講座');
  });

  it('escapes everything, a <mark> typed in the document included', () => {
    expect(hl('記号', 'タグ<script>の扱い & "引用"')).toBe('タグ&lt;script&gt;の扱い &amp; &quot;引用&quot;');
    expect(hl('DX', `<mark>DX</mark> & '引用'`)).toBe(
      '&lt;mark&gt;<mark>DX</mark>&lt;/mark&gt; &amp; &#39;引用&#39;',
    );
    expect(hl('mark', '<mark>')).toBe('&lt;<mark>mark</mark>&gt;');
    expect(hl('', 'a<b')).toBe('a&lt;b');
  });

  it('merges overlapping and adjacent matches into one mark', () => {
    expect(hl('DX 人材育成', 'DX人材育成講座')).toBe('<mark>DX人材育成</mark>講座');
    expect(hl('DX 育成', 'DX人材育成')).toBe('<mark>DX</mark>人材<mark>育成</mark>');
  });

  it('never marks a particle (中小企業の支援)', () => {
    expect(hl('中小企業の支援', '中小企業の支援を行う')).toBe(
      '<mark>中小企業</mark>の<mark>支援</mark>を行う',
    );
    expect(hl('の', '市の事業')).toBe('市の事業');
  });

  it('rejects terms not made by highlightTerms', () => {
    expect(() => highlightText('DX', { terms: ['dx'] })).toThrow(TypeError);
  });

  it('gives back the original text, escaped, whatever it holds', () => {
    // A deterministic mix of the characters that change length or meaning under folding and escaping.
    const pieces = [
      'ｶ',
      'ﾞ',
      '㈱',
      'DX',
      'ＤＸ',
      '人材',
      '育成',
      '<',
      '&',
      '"',
      "'",
      '𠮷',
      'か',
      '\u3099',
      ' ',
      '\n',
      'mail',
      'AI',
      'ﬁ',
      'テレワーク',
      '在宅',
      '勤務',
      '。',
      'ガイド',
      'ｶﾞｲﾄﾞ',
      'programming',
      '\u3000',
    ];
    const t = terms('人材育成 DX ガイド テレワーク AI progr');
    let seed = 42;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
    for (let i = 0; i < 300; i++) {
      let text = '';
      const len = next() % 60;
      for (let k = 0; k < len; k++) text += pieces[next() % pieces.length];
      const html = highlightText(text, t);
      expectWellFormed(html);
      expect(plain(html)).toBe(text);
      const crop = cropText(text, t, 20);
      expectWellFormed(crop);
      expect(text).toContain(plain(crop).replace(/^…/, '').replace(/…$/, ''));
    }
  });

  it('handles a long text in one pass (a match at the very end is found)', () => {
    const text = `${'地域の金融機関や大学とも連携し、支援の輪を広げていった。'.repeat(2000)}カワセミ通信`;
    const html = highlightText(text, terms('カワセミ通信'));
    expect(html.endsWith('<mark>カワセミ通信</mark>')).toBe(true);
    expect(html.match(/<mark>/g)).toHaveLength(1);
  });
});

describe('cropText', () => {
  const body = `${'市内の事業者を訪ね、現場の課題を聞き取り、解決策を一緒に考える活動を続けた。'.repeat(20)}その中でカワセミ通信という広報紙を発行した。${'地域の金融機関や大学とも連携し、支援の輪を広げていった。'.repeat(20)}`;

  it('crops a long body to a snippet around the match, cut at both ends', () => {
    const html = cropText(body, terms('カワセミ通信'));
    expect(html).toContain('<mark>カワセミ通信</mark>');
    const text = plain(html);
    expect(text.startsWith('…')).toBe(true);
    expect(text.endsWith('…')).toBe(true);
    expect(text.length).toBeGreaterThanOrEqual(80);
    expect(text.length).toBeLessThanOrEqual(200);
    expect(body).toContain(text.slice(1, -1));
  });

  it('starts about a quarter before the match, just after a sentence end', () => {
    const text = plain(cropText(body, terms('カワセミ通信')));
    // The match is 4 characters into its sentence; a quarter of 120 back is in the sentence before,
    // whose start (after its 。) is close enough to snap to.
    expect(text.startsWith('…市内の事業者を訪ね')).toBe(true);
    const at = text.indexOf('カワセミ通信');
    expect(at).toBeGreaterThan(20);
    expect(at).toBeLessThan(60);
  });

  it('has no end marker when the window reaches the end of the text', () => {
    const text = `${'あいうえおかきくけこ。'.repeat(30)}最後にカワセミ`;
    const html = cropText(text, terms('カワセミ'));
    expect(html.startsWith('…')).toBe(true);
    expect(html.endsWith('<mark>カワセミ</mark>')).toBe(true);
  });

  it('without a match gives the beginning of the text', () => {
    const html = cropText(body, terms('存在しない語'));
    expect(html).not.toContain('<mark>');
    expect(html.startsWith('市内の事業者')).toBe(true);
    expect(html.endsWith('…')).toBe(true);
    expect(plain(html).length).toBeLessThanOrEqual(121);
    expect(cropText(body, highlightTerms('')).startsWith('市内の事業者')).toBe(true);
  });

  it('gives a short text whole, highlighted, without markers', () => {
    expect(cropText('短い本文の<カワセミ>', terms('カワセミ'))).toBe(
      '短い本文の&lt;<mark>カワセミ</mark>&gt;',
    );
    expect(cropText('x'.repeat(120), terms('DX'))).toBe('x'.repeat(120));
  });

  it('prefers the window with the most distinct terms', () => {
    const text = `DXの話。${'あいうえおかきくけこ。'.repeat(30)}人材育成とDXの講座を開いた。${'さしすせそたちつてと。'.repeat(30)}`;
    const html = cropText(text, terms('DX 人材育成'));
    expect(html).toContain('<mark>人材育成</mark>');
    expect(html).toContain('<mark>DX</mark>の講座');
    expect(html).not.toContain('DXの話');
  });

  it('never cuts a mark at the end of the window', () => {
    const text = `${'あ'.repeat(30)}カワセミ${'い'.repeat(10)}カワセミ${'う'.repeat(40)}`;
    const html = cropText(text, terms('カワセミ'), 20);
    expect(html).toBe(`…${'あ'.repeat(5)}<mark>カワセミ</mark>${'い'.repeat(10)}<mark>カワセミ</mark>…`);
  });

  it('never cuts a surrogate pair', () => {
    const text = `x${'𠮷'.repeat(100)}DX${'𠮷'.repeat(100)}`;
    for (let size = 100; size <= 130; size++) {
      const html = cropText(text, terms('DX'), size);
      expectWellFormed(html);
      expect(html).toContain('<mark>DX</mark>');
    }
  });
});
