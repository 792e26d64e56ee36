import { loadConfig } from '../../config/app-config';
import { mailAppUrl } from '../../common/public-url';
import { isLoopback } from './mail.controller';
import { APP_URL, MailService, mailDirectory, mailMode } from './mail.service';

describe('links in mails', () => {
  it('point at PUBLIC_URL, at localhost on an embedded install, else stay paths', () => {
    expect(mailAppUrl(loadConfig({ PUBLIC_URL: 'https://yokoten.example.jp/' }))).toBe(
      'https://yokoten.example.jp',
    );
    expect(mailAppUrl(loadConfig({ PORT: '3100' }))).toBe('http://localhost:3100');
    expect(mailAppUrl(loadConfig({ DATABASE_URL: 'postgres://db.example/yokoten' }))).toBe('');
  });

  it('are completed when the mail goes out, with the sending server’s address', async () => {
    const mail = new MailService(loadConfig({ NODE_ENV: 'test', PUBLIC_URL: 'https://yokoten.example.jp' }));
    const sent = await mail.deliver({
      kind: 'adoption',
      to: 'dx@city.example.jp',
      subject: '【横展開】',
      text: `事例のページ：${APP_URL}/cases/abc\n会のページ：${APP_URL}/sessions/def`,
    });
    expect(sent.text).toBe(
      '事例のページ：https://yokoten.example.jp/cases/abc\n会のページ：https://yokoten.example.jp/sessions/def',
    );
    mail.onApplicationShutdown();
  });
});

describe('mail mode', () => {
  it('is smtp with SMTP_URL, files outside production without it, not configured in production without it', () => {
    expect(mailMode({ SMTP_URL: 'smtp://mail.example:25', NODE_ENV: 'production' })).toBe('smtp');
    expect(mailMode({ SMTP_URL: undefined, NODE_ENV: 'development' })).toBe('file');
    expect(mailMode({ SMTP_URL: undefined, NODE_ENV: 'production' })).toBe('not configured');
  });

  it('writes no files and sends nothing when not configured', async () => {
    const config = loadConfig({
      NODE_ENV: 'production',
      DATABASE_URL: 'postgres://db/y',
      MAIL_DIR: '/tmp/x',
    });
    expect(mailDirectory(config)).toBeNull();
    const mail = new MailService(config);
    await expect(mail.deliver({ kind: 'x', to: 'a@b.example', subject: 's', text: 't' })).rejects.toThrow(
      /not configured/,
    );
    mail.onApplicationShutdown();
  });
});

describe('isLoopback', () => {
  it.each([
    ['127.0.0.1', true],
    ['127.8.9.10', true],
    ['::1', true],
    ['::ffff:127.0.0.1', true],
    ['10.0.0.1', false],
    ['::ffff:203.0.113.9', false],
    ['1127.0.0.1', false],
    [undefined, false],
  ])('%s → %s', (ip, expected) => {
    expect(isLoopback(ip)).toBe(expected);
  });
});
