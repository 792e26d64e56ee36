import { isAllowedAddress, isUnderDomain, normaliseDomain } from './invitation-domains';

describe('invitation domains', () => {
  it('normalises what an admin types', () => {
    expect(normaliseDomain(' @City.Example.LG.JP. ')).toBe('city.example.lg.jp');
    expect(normaliseDomain('ｌｇ．ｊｐ')).toBe('lg.jp');
    expect(normaliseDomain('not a domain')).toBeNull();
    expect(normaliseDomain('-bad.jp')).toBeNull();
    expect(normaliseDomain('')).toBeNull();
  });

  it('an address is under a domain when its domain is it or ends with "." + it', () => {
    expect(isUnderDomain('x@city.example.lg.jp', 'lg.jp')).toBe(true);
    expect(isUnderDomain('x@lg.jp', 'lg.jp')).toBe(true);
    expect(isUnderDomain('x@evil-lg.jp', 'lg.jp')).toBe(false);
    expect(isUnderDomain('x@city.lg.jp.evil.com', 'lg.jp')).toBe(false);
    expect(isAllowedAddress('a@yokoten.example', ['lg.jp', 'yokoten.example'])).toBe(true);
    expect(isAllowedAddress('a@gmail.com', ['lg.jp'])).toBe(false);
  });
});
