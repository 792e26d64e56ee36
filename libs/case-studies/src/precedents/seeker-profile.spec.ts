import { seekerProfileFromText } from './seeker-profile';

describe('seekerProfileFromText', () => {
  it.each([
    ['人口3万人の町です。テレワークで移住者を増やしたい', 30_000, 'FROM_10K_TO_50K', 'TOWN'],
    ['人口３万人の町', 30_000, 'FROM_10K_TO_50K', 'TOWN'],
    ['人口は約8千人の村で、役場の業務を効率化したい', 8_000, 'UNDER_10K', 'VILLAGE'],
    ['当市は人口12万人。中小企業のDXを支援したい', 120_000, 'FROM_100K_TO_300K', 'CITY'],
    ['人口：32,000人。町役場の職員研修を見直したい', 32_000, 'FROM_10K_TO_50K', 'TOWN'],
    ['5万人規模の市で、リスキリングを始めたい', 50_000, 'FROM_50K_TO_100K', 'CITY'],
    ['人口3.5万の町です', 35_000, 'FROM_10K_TO_50K', 'TOWN'],
    ['人口1万2千人の小さな町', 12_000, 'FROM_10K_TO_50K', 'TOWN'],
    ['人口三万人の町', 30_000, 'FROM_10K_TO_50K', 'TOWN'],
    ['人口二千五百人の村', 2_500, 'UNDER_10K', 'VILLAGE'],
    ['人口250万人の県として、県内企業を支えたい', 2_500_000, 'OVER_1M', 'PREFECTURE'],
    ['約90万人の区', 900_000, 'FROM_300K_TO_1M', 'SPECIAL_WARD'],
  ])('reads %s', (text, population, band, kind) => {
    expect(seekerProfileFromText(text)).toEqual({ population, populationBand: band, kind });
  });

  it('reads the kind alone from how a writer names their own municipality', () => {
    expect(seekerProfileFromText('本町では高齢者のスマホ教室を考えている')).toMatchObject({
      population: null,
      kind: 'TOWN',
    });
    expect(seekerProfileFromText('村役場の職員が少ない')).toMatchObject({ kind: 'VILLAGE' });
    expect(seekerProfileFromText('市役所の業務改善')).toMatchObject({ kind: 'CITY' });
    expect(seekerProfileFromText('県庁として市町村を支援したい')).toMatchObject({ kind: 'PREFECTURE' });
  });

  it('does not take other head counts or words for the municipality', () => {
    for (const text of [
      '受講者100人を目指したい',
      '職員30人の研修を行う',
      '人口減少が進む地域で若者のUターンを増やしたい',
      '町内企業のDXを支援したい',
      '町民向けのスマホ講座',
      '市内の中小企業にリスキリングを',
      '若い人の町にしたい',
      '',
    ]) {
      expect(seekerProfileFromText(text)).toEqual({ population: null, populationBand: null, kind: null });
    }
  });

  it('keeps the population when the kind is not said', () => {
    expect(seekerProfileFromText('人口は4万人ほど。企業誘致を進めたい')).toEqual({
      population: 40_000,
      populationBand: 'FROM_10K_TO_50K',
      kind: null,
    });
  });
});
