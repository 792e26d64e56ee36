import { loadConfig } from '../../config/app-config';
import { mailAppUrl } from '../../common/public-url';
import { APP_URL, MailService } from './mail.service';

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
