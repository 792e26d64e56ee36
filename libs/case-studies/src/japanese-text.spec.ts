import { hiraganaToKatakana, katakanaToHiragana, normalizeForSearch } from './index';

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
