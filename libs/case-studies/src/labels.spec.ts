import { CASE_THEME_LABELS, isLang, labelOf, type CaseTheme } from './index';

describe('labelOf', () => {
  it('returns the label in the requested language', () => {
    expect(labelOf(CASE_THEME_LABELS, 'RESKILLING', 'ja')).toBe('リスキリング');
    expect(labelOf(CASE_THEME_LABELS, 'RESKILLING', 'en')).toBe('Reskilling');
  });

  it('throws for a key that slipped past the type system', () => {
    expect(() => labelOf(CASE_THEME_LABELS, 'NOT_A_THEME' as CaseTheme, 'ja')).toThrow(RangeError);
  });
});

describe('isLang', () => {
  it('accepts ja and en only', () => {
    expect(isLang('ja')).toBe(true);
    expect(isLang('en')).toBe(true);
    expect(isLang('fr')).toBe(false);
    expect(isLang(undefined)).toBe(false);
  });
});
