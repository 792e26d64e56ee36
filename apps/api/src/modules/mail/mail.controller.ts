import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Controller, Get, Inject, NotFoundException, Param, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { AuthService, tokenFromRequest } from '../auth/auth.service';
import { MailService } from './mail.service';

const FILE = /^[\w.-]+\.eml$/;

/** 127.0.0.0/8 and ::1, also as IPv4-mapped IPv6 (what Node reports on a dual-stack socket). */
export function isLoopback(ip: string | undefined): boolean {
  if (!ip) return false;
  const v4 = ip.startsWith('::ffff:') ? ip.slice(7) : ip;
  return v4 === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(v4);
}

const escapeHtml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

/**
 * Development only: lists the mails written as .eml files and shows one, so a developer can read what a
 * registrant would receive. Served only when NODE_ENV is development or test, and then only to a client on
 * this machine (loopback, as the server sees it after TRUST_PROXY) or to a signed-in organiser or admin: the
 * mails carry invitation and password-reset links. Anything else is a 404, as if there were no such page.
 */
@Controller('dev/mail')
export class MailController {
  constructor(
    private readonly mail: MailService,
    private readonly auth: AuthService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private async enabled(req: FastifyRequest): Promise<string> {
    const dir = this.mail.directory;
    const development = this.config.NODE_ENV === 'development' || this.config.NODE_ENV === 'test';
    if (!development || !dir) throw new NotFoundException();
    if (isLoopback(req.ip)) return dir;
    const actor = await this.auth.actorForToken(tokenFromRequest(req));
    if (actor?.role === 'ORGANISER' || actor?.role === 'ADMIN') return dir;
    throw new NotFoundException();
  }

  @Get()
  async list(@Req() req: FastifyRequest, @Res() res: FastifyReply): Promise<void> {
    const dir = await this.enabled(req);
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
      .type('text/html; charset=utf-8')
      .send(
        `<!doctype html><html lang="ja"><meta charset="utf-8"><title>送信メール (開発用)</title>` +
          `<body style="font-family:sans-serif"><h1>送信メール（開発用）</h1><p>${escapeHtml(dir)} — ${files.length} 件</p>` +
          `<table border="1" cellpadding="4"><tr><th>ファイル</th><th>宛先</th><th>件名</th></tr>${rows}</table></body></html>`,
      );
  }

  @Get(':file')
  async show(
    @Param('file') file: string,
    @Req() req: FastifyRequest,
    @Res() res: FastifyReply,
  ): Promise<void> {
    const dir = await this.enabled(req);
    if (!FILE.test(file)) throw new NotFoundException();
    const body = await readFile(join(dir, file)).catch(() => null);
    if (!body) throw new NotFoundException();
    res.type('text/plain; charset=utf-8').send(body);
  }
}
