import {
  hiraganaWordsAsKatakana,
  isIndexable,
  katakanaWordsAsHiragana,
  markdownToPlainText,
  toCaseSearchDocument,
  type CaseForIndex,
  type MunicipalityForIndex,
} from '../index';

const kitakyushu: MunicipalityForIndex = {
  code: '401005',
  name: '北九州市',
  kana: 'きたきゅうしゅうし',
  prefectureCode: '40',
  kind: 'DESIGNATED_CITY',
  population: 916_241,
};

const base: CaseForIndex = {
  id: '0b6f1c1e-0000-4000-8000-000000000001',
  title: 'DX人材育成講座',
  summary: '市内中小企業の経営者向けにＤＸ講座を開催。',
  body: '## 背景\n\n**地元回帰**を促す。[詳細](https://example.com/x)\n\n- ロボット導入\n- eラーニング\n\n| 指標 | 値 |\n| --- | --- |\n| 受講者 | 120 |',
  themes: ['DX_TALENT', 'SME_DX'],
  targets: ['EXECUTIVES'],
  tags: ['DX', 'リスキリング'],
  fiscalYears: [2023, 2024],
  budgetYen: 12_000_000,
  fundingSources: ['デジタル田園都市国家構想交付金'],
  partners: ['九州工業大学'],
  outcomes: [{ label: '受講者数' }],
  lessonsLearned: '経営者の巻き込みが鍵',
  challenges: '講師の確保',
  stage: 'EVALUATED',
  status: 'PUBLISHED',
  visibility: 'PUBLIC',
  publishedAt: new Date('2024-06-01T09:00:00+09:00'),
};

describe('markdownToPlainText', () => {
  it('keeps the words and drops the markup and link targets', () => {
    const text = markdownToPlainText(base.body);
    expect(text).toContain('背景');
    expect(text).toContain('地元回帰を促す。詳細');
    expect(text).toContain('ロボット導入');
    expect(text).toContain('受講者');
    expect(text).not.toMatch(/[#*|]|https?:|\]\(/);
  });

  it('does not run blocks together', () => {
    expect(markdownToPlainText('# 見出し\n\n本文')).toBe('見出し\n本文');
    expect(markdownToPlainText('')).toBe('');
  });
});

describe('toCaseSearchDocument', () => {
  const doc = toCaseSearchDocument(base, kitakyushu);

  it('carries the filterable fields of the spec', () => {
    expect(doc).toMatchObject({
      id: base.id,
      status: 'PUBLISHED',
      visibility: 'PUBLIC',
      municipalityCode: '401005',
      prefectureCode: '40',
      prefectureName: '福岡県',
      populationBand: 'FROM_300K_TO_1M',
      municipalityKind: 'DESIGNATED_CITY',
      population: 916_241,
      themes: ['DX_TALENT', 'SME_DX'],
      targets: ['EXECUTIVES'],
      fiscalYears: [2023, 2024],
      budgetYen: 12_000_000,
      stage: 'EVALUATED',
      outcomeLabels: ['受講者数'],
      partners: ['九州工業大学'],
      fundingSources: ['デジタル田園都市国家構想交付金'],
    });
  });

  it('lists every facet value in the one attribute facets are counted on', () => {
    expect(doc.facetValues).toEqual([
      'themes:DX_TALENT',
      'themes:SME_DX',
      'targets:EXECUTIVES',
      'prefecture:40',
      'populationBand:FROM_300K_TO_1M',
      'municipalityKind:DESIGNATED_CITY',
      'fiscalYear:2023',
      'fiscalYear:2024',
      'stage:EVALUATED',
    ]);
    const noBand = toCaseSearchDocument(base, { ...kitakyushu, population: null });
    expect(noBand.facetValues.some((v) => v.startsWith('populationBand:'))).toBe(false);
  });

  it('stores publishedAt as epoch seconds', () => {
    expect(doc.publishedAt).toBe(Date.parse('2024-06-01T00:00:00Z') / 1000);
    expect(toCaseSearchDocument({ ...base, publishedAt: null }, kitakyushu).publishedAt).toBeNull();
    expect(
      toCaseSearchDocument({ ...base, publishedAt: '2024-06-01T00:00:00Z' }, kitakyushu).publishedAt,
    ).toBe(doc.publishedAt);
  });

  it('indexes the reading in hiragana and katakana, and katakana words in hiragana', () => {
    expect(doc.municipalityKana).toBe('きたきゅうしゅうし');
    expect(doc.municipalityKanaKatakana).toBe('キタキュウシュウシ');
    expect(doc.kanaTerms).toEqual(expect.arrayContaining(['ろぼっと', 'りすきりんぐ', 'らーにんぐ']));
    expect(toCaseSearchDocument({ ...base, tags: ['はたらぶ'] }, kitakyushu).kanaTerms).toContain('ハタラブ');
  });

  it('adds the synonyms the case does not spell out', () => {
    expect(doc.synonymTerms).toEqual(
      expect.arrayContaining([
        'デジタルトランスフォーメーション',
        'Uターン',
        'SME',
        'オンライン学習',
        '学び直し',
      ]),
    );
    expect(doc.synonymTerms).not.toContain('DX');
  });

  it('labels the taxonomy in Japanese and English', () => {
    expect(doc.taxonomyLabels).toEqual(expect.arrayContaining(['DX人材育成', '中小企業DX支援', '経営者']));
  });

  it('has no band without a population, and strips the highlight delimiters', () => {
    const d = toCaseSearchDocument(
      { ...base, title: 'a\uE000b\uE001c' },
      { ...kitakyushu, population: null },
    );
    expect(d.populationBand).toBeNull();
    expect(d.title).toBe('abc');
  });

  it('is deterministic', () => {
    expect(toCaseSearchDocument(base, kitakyushu)).toEqual(doc);
  });
});

describe('isIndexable', () => {
  it('indexes only published cases', () => {
    expect(isIndexable({ status: 'PUBLISHED' })).toBe(true);
    expect(isIndexable({ status: 'DRAFT' })).toBe(false);
    expect(isIndexable({ status: 'ARCHIVED' })).toBe(false);
  });
});

describe('hiraganaWordsAsKatakana', () => {
  it('takes hiragana names from tags and quotations, not from running text', () => {
    expect(
      hiraganaWordsAsKatakana(['「はたらぶ」を掲げ、取り組みを進めました', 'ｶﾀｶﾅ'], ['まなびば', '学び']),
    ).toEqual(['マナビバ', 'ハタラブ']);
  });
});

describe('katakanaWordsAsHiragana', () => {
  it('finds full- and half-width katakana words once', () => {
    expect(katakanaWordsAsHiragana(['ﾃﾚﾜｰｸとテレワーク', 'ー', 'ア'])).toEqual(['てれわーく']);
  });
});
