import { redactForAudit } from './audit-redact';

describe('redactForAudit', () => {
  it('drops password hashes and tokens at any depth, whatever the spelling', () => {
    expect(
      redactForAudit({
        email: 'a@city.lg.jp',
        passwordHash: '$argon2id$…',
        password_hash: 'x',
        token: 't',
        tokenHash: 'h',
        nested: { password: 'p', newPassword: 'n', keep: 1, list: [{ TOKEN: 'x', name: '名前' }] },
      }),
    ).toEqual({ email: 'a@city.lg.jp', nested: { keep: 1, list: [{ name: '名前' }] } });
  });

  it('writes dates as ISO text and nothing as null', () => {
    expect(redactForAudit({ at: new Date('2026-01-02T03:04:05Z'), gone: undefined })).toEqual({
      at: '2026-01-02T03:04:05.000Z',
    });
    expect(redactForAudit(undefined)).toBeNull();
    expect(redactForAudit(null)).toBeNull();
  });
});
