import { tokenOf } from './invitation.service';

describe('tokenOf', () => {
  const token = 'H2OSD9AS3LDoEt78FpqCVyy-bBLqsaOT4wYRdcfWaNM';
  it('takes the token, or the last path segment or token parameter of a pasted link', () => {
    expect(tokenOf(` ${token} `)).toBe(token);
    expect(tokenOf(`https://yokoten.example/invite/${token}`)).toBe(token);
    expect(tokenOf(`https://yokoten.example/reset-password/${token}/`)).toBe(token);
    expect(tokenOf(`/invite/${token}?utm=mail#top`)).toBe(token);
    expect(tokenOf(`https://yokoten.example/reset-password?token=${token}`)).toBe(token);
  });
});
