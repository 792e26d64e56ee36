import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Controller, Get, Inject, NotFoundException, Param, Res } from '@nestjs/common';
import type { Response } from 'express';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { MailService } from './mail.service';

const FILE = /^[\w.-]+\.eml$/;

const escapeHtml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

/**
 * Development only (off in production, like the GraphQL explorer): lists the mails written as .eml files
 * and shows one, so a developer can read what a registrant would receive.
 */
@Controller('dev/mail')
export class MailController {
  constructor(
    private readonly mail: MailService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private enabled(): string {
    const dir = this.mail.directory;
    if (!this.config.enableExplorer || !dir) throw new NotFoundException();
    return dir;
  }

  @Get()
  async list(@Res() res: Response): Promise<void> {
    const dir = this.enabled();
    const files = (await readdir(dir).catch(() => [] as string[]))
      .filter((f) => FILE.test(f))
      .sort()
      .reverse();
    const byFile = new Map(this.mail.recent().map((m) => [m.file?.split('/').pop(), m]));
    const rows = files
      .map((f) => {
        const m = byFile.get(f);
        const to = m ? (Array.isArray(m.to) ? m.to.join(', ') : m.to) : '';
        return `<tr><td><a href="/dev/mail/${encodeURIComponent(f)}">${escapeHtml(f)}</a></td><td>${escapeHtml(to)}</td><td>${escapeHtml(m?.subject ?? '')}</td></tr>`;
      })
      .join('\n');
    res
      .type('html')
      .send(
        `<!doctype html><html lang="ja"><meta charset="utf-8"><title>送信メール (開発用)</title>` +
          `<body style="font-family:sans-serif"><h1>送信メール（開発用）</h1><p>${escapeHtml(dir)} — ${files.length} 件</p>` +
          `<table border="1" cellpadding="4"><tr><th>ファイル</th><th>宛先</th><th>件名</th></tr>${rows}</table></body></html>`,
      );
  }

  @Get(':file')
  async show(@Param('file') file: string, @Res() res: Response): Promise<void> {
    const dir = this.enabled();
    if (!FILE.test(file)) throw new NotFoundException();
    const body = await readFile(join(dir, file)).catch(() => null);
    if (!body) throw new NotFoundException();
    res.type('text/plain; charset=utf-8').send(body);
  }
}
