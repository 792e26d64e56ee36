import { hiraganaToKatakana, katakanaToHiragana, normalizeForSearch, parseYenAmount } from './index';

describe('normalizeForSearch', () => {
  it.each([
    ['ＤＸ', 'dx'],
    ['ＤＸ推進', 'dx推進'],
    ['ｷﾀｷｭｳｼｭｳ', 'きたきゅうしゅう'],
    ['キタキュウシュウ', 'きたきゅうしゅう'],
    ['きたきゅうしゅう', 'きたきゅうしゅう'],
    ['ｶﾞｯｺｳ', 'がっこう'],
    ['ﾘｽｷﾘﾝｸﾞ', 'りすきりんぐ'],
    ['IoT', 'iot'],
    ['  北九州　　市 ', '北九州 市'],
    ['\tエドガワ\nク', 'えどがわ く'],
    ['ヴァーチャル', 'ゔぁーちゃる'],
    ['', ''],
  ])('%p → %p', (input, expected) => {
    expect(normalizeForSearch(input)).toBe(expected);
  });

  it('makes the three spellings of a name meet', () => {
    const forms = ['ｴﾄﾞｶﾞﾜｸ', 'エドガワク', 'えどがわく'].map(normalizeForSearch);
    expect(new Set(forms).size).toBe(1);
  });

  it('is idempotent', () => {
    for (const s of ['ＤＸ人材　育成', 'ｷﾀﾐｼ', 'Ｕターン']) {
      expect(normalizeForSearch(normalizeForSearch(s))).toBe(normalizeForSearch(s));
    }
  });
});

describe('katakanaToHiragana / hiraganaToKatakana', () => {
  it('convert kana and leave everything else', () => {
    expect(katakanaToHiragana('リスキリングDX人材ー')).toBe('りすきりんぐDX人材ー');
    expect(hiraganaToKatakana('りすきりんぐDX人材ー')).toBe('リスキリングDX人材ー');
    expect(katakanaToHiragana('ヽヾヶ')).toBe('ゝゞゖ');
  });

  it('round-trip the hiragana block', () => {
    const hiragana = Array.from({ length: 0x3096 - 0x3041 + 1 }, (_, i) =>
      String.fromCharCode(0x3041 + i),
    ).join('');
    expect(katakanaToHiragana(hiraganaToKatakana(hiragana))).toBe(hiragana);
  });
});

describe('parseYenAmount', () => {
  it.each([
    ['1500000', 1_500_000],
    ['1,500,000', 1_500_000],
    ['１，５００，０００円', 1_500_000],
    ['¥1,500,000', 1_500_000],
    ['150万円', 1_500_000],
    ['１５０万', 1_500_000],
    ['約350万円', 3_500_000],
    ['1200万円程度', 12_000_000],
    ['およそ1,200万円', 12_000_000],
    ['約1億円程度', 100_000_000],
    ['350万円前後', 3_500_000],
    ['500万くらい', 5_000_000],
    ['1億2,000万円', 120_000_000],
    ['1.5億', 150_000_000],
    ['2億5千万円', 250_000_000],
    ['350万5千円', 3_505_000],
    ['1億2000', 100_002_000],
    ['1千2万', 10_020_000],
    ['5千円', 5_000],
    ['0', 0],
  ])('%s is %d yen', (text, yen) => {
    expect(parseYenAmount(text)).toBe(yen);
  });

  it('is null for an empty field', () => {
    expect(parseYenAmount('  ')).toBeNull();
    expect(parseYenAmount('')).toBeNull();
  });

  it.each([
    '-5',
    '1e5',
    '万',
    '1万1万',
    '2万1億',
    '1.23456万',
    '1.5',
    '百万円',
    '12.3円',
    '程度',
    '約',
    '100〜200万円',
    '100万円程度程度',
    '程度100万円',
  ])('%s is not an amount', (text) => {
    expect(parseYenAmount(text)).toBeNaN();
  });
});
