import { APP_URL } from '../mail/mail.service';
import { invitationMail, passwordChangedMail, passwordResetMail, setPasswordMail } from './account-mails';

const token = 'H2OSD9AS3LDoEt78FpqCVyy-bBLqsaOT4wYRdcfWaNM';
const expiresAt = new Date('2026-12-12T12:05:00Z');

describe('account mails', () => {
  it('an invitation names the role and municipality, links to /invite/<token>, Japanese first and English below', () => {
    const mail = invitationMail({
      email: 'tanaka@city.kitakyushu.lg.jp',
      name: '田中 太郎',
      role: 'OFFICER',
      municipalityName: '北九州市',
      inviterName: '横展ネットワーク事務局',
      token,
      expiresAt,
    });
    expect(mail).toMatchObject({ kind: 'invitation', to: 'tanaka@city.kitakyushu.lg.jp' });
    expect(mail.text).toContain(`${APP_URL}/invite/${token}`);
    expect(mail.text).toContain('北九州市の自治体DX担当者');
    expect(mail.text).toContain('2026年12月12日 21:05');
    expect(mail.text.indexOf('招待されました')).toBeLessThan(mail.text.indexOf('has invited you'));
  });

  it('reset, set-password and password-changed mails carry their links and times', () => {
    const reset = passwordResetMail({ email: 'a@b.lg.jp', name: '佐藤', token, expiresAt });
    expect(reset.text).toContain(`${APP_URL}/reset-password/${token}`);
    expect(reset.text).toContain('1時間');
    const set = setPasswordMail({ email: 'a@b.lg.jp', name: '管理 花子', token, expiresAt });
    expect(set.text).toContain(`${APP_URL}/invite/${token}`);
    const changed = passwordChangedMail({ email: 'a@b.lg.jp', name: '佐藤', at: expiresAt });
    expect(changed.text).toContain(`${APP_URL}/forgot-password`);
    expect(changed.text).not.toContain(token);
  });
});
