import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';

export interface MailMessage {
  to: string | string[];
  subject: string;
  text: string;
  /** What the mail is about (confirmation, promotion, …), for logs and the development listing. */
  kind: string;
}

export interface SentMail extends MailMessage {
  id: string;
  at: Date;
  /** The .eml file, when written to disk. */
  file: string | null;
  error: string | null;
}

const KEEP_IN_MEMORY = 1000;

/** Where mail goes without SMTP: DATA_DIR/mail, or MAIL_DIR; tests keep it in memory unless MAIL_DIR is set. */
export function mailDirectory(config: AppConfig): string | null {
  if (config.SMTP_URL) return null;
  if (config.MAIL_DIR) return resolve(config.MAIL_DIR);
  if (config.NODE_ENV === 'test') return null;
  return resolve(config.DATA_DIR, 'mail');
}

/**
 * Sends mail through nodemailer: SMTP when SMTP_URL is set, else nodemailer's stream transport renders
 * the RFC 822 message and it is written to a .eml file (embedded mode). `send` never rejects: a mail that
 * cannot go out is logged, and whatever the caller was doing has already been committed.
 */
@Injectable()
export class MailService implements OnModuleDestroy {
  private readonly logger = new Logger('Mail');
  private readonly transport: Transporter;
  private readonly dir: string | null;
  private readonly sent: SentMail[] = [];
  private readonly pending = new Set<Promise<void>>();
  private dirReady: Promise<unknown> | null = null;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.dir = mailDirectory(config);
    this.transport = config.SMTP_URL
      ? createTransport(config.SMTP_URL)
      : createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
  }

  get directory(): string | null {
    return this.dir;
  }

  /** Records the mail at once (so callers and tests see it) and delivers it in the background. */
  send(message: MailMessage): Promise<void> {
    const record: SentMail = {
      ...message,
      id: `${Date.now().toString(36)}-${randomBytes(4).toString('hex')}`,
      at: new Date(),
      file: null,
      error: null,
    };
    this.sent.push(record);
    if (this.sent.length > KEEP_IN_MEMORY) this.sent.splice(0, this.sent.length - KEEP_IN_MEMORY);
    const delivery = this.deliver(record).finally(() => this.pending.delete(delivery));
    this.pending.add(delivery);
    return delivery;
  }

  private async deliver(record: SentMail): Promise<void> {
    try {
      const info = (await this.transport.sendMail({
        from: this.config.MAIL_FROM,
        to: record.to,
        subject: record.subject,
        text: record.text,
        headers: { 'X-Yokoten-Kind': record.kind },
      })) as { message?: Buffer | string; messageId?: string };
      if (!this.config.SMTP_URL && this.dir && info.message) {
        this.dirReady ??= mkdir(this.dir, { recursive: true });
        await this.dirReady;
        const stamp = record.at.toISOString().replace(/[-:]/g, '').replace(/\..*$/, '');
        const file = join(this.dir, `${stamp}-${record.kind}-${record.id}.eml`);
        await writeFile(file, info.message);
        record.file = file;
      }
    } catch (e) {
      record.error = e instanceof Error ? e.message : String(e);
      this.logger.error({
        msg: 'mail not sent',
        kind: record.kind,
        subject: record.subject,
        error: record.error,
      });
    }
  }

  /** Mails sent since start, oldest first (at most the last 1000). */
  recent(): readonly SentMail[] {
    return this.sent;
  }

  /** Waits for deliveries in flight (tests, shutdown). */
  async flush(): Promise<void> {
    while (this.pending.size > 0) await Promise.all([...this.pending]);
  }

  async onModuleDestroy(): Promise<void> {
    await this.flush();
    this.transport.close();
  }
}
