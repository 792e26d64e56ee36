import { commonPasswords, passwordRefusal } from './password-policy';

describe('password policy', () => {
  it('ships a list of a few thousand common passwords, Japanese-typical ones included', () => {
    const list = commonPasswords();
    expect(list.size).toBeGreaterThan(3000);
    for (const p of ['password1234', 'qwertyuiop12', '123456789012', 'sakura123456', 'password2024'])
      expect(list.has(p)).toBe(true);
  });

  it('refuses short, long, common and e-mail-containing passwords, with the reason', () => {
    expect(passwordRefusal('short-pass', 'a@b.jp')).toBe('TOO_SHORT');
    expect(passwordRefusal('x'.repeat(129), 'a@b.jp')).toBe('TOO_LONG');
    expect(passwordRefusal('x'.repeat(128) + '', 'a@b.jp')).toBeNull();
    expect(passwordRefusal('Password1234', 'a@b.jp')).toBe('COMMON');
    // Full-width is the same password after NFKC.
    expect(passwordRefusal('ＱＷＥＲＴＹＵＩＯＰ１２', 'a@b.jp')).toBe('COMMON');
    expect(passwordRefusal('my-TANAKA-secret-9', 'tanaka@city.example.lg.jp')).toBe('CONTAINS_EMAIL');
    // A local part under three characters is not checked.
    expect(passwordRefusal('ab-river-stone-77', 'ab@city.lg.jp')).toBeNull();
    expect(passwordRefusal('river-stone-lantern', 'tanaka@city.lg.jp')).toBeNull();
    // Twelve characters as a person counts them.
    expect(passwordRefusal('横展開のパスワード十二文字', 'a@b.jp')).toBeNull();
  });
});
