import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';
import { mailAppUrl } from '../../common/public-url';
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
}

const KEEP_IN_MEMORY = 1000;

/**
 * Mail texts write links into the app as `${APP_URL}/cases/…`; the address is put in when the mail goes
 * out (mailAppUrl, common/public-url.ts), so a queued mail follows the configuration of the server that sends it.
 */
export const APP_URL = '{{appUrl}}';

export type MailMode = 'smtp' | 'file' | 'not configured';

/**
 * How mail goes out: through SMTP when SMTP_URL is set; in production without it, not at all (mails wait in
 * the outbox until SMTP_URL is set: nobody reads .eml files on a server); otherwise as .eml files.
 */
export function mailMode(config: Pick<AppConfig, 'SMTP_URL' | 'NODE_ENV'>): MailMode {
  if (config.SMTP_URL) return 'smtp';
  return config.NODE_ENV === 'production' ? 'not configured' : 'file';
}

/** Where mail goes without SMTP: DATA_DIR/mail, or MAIL_DIR; tests keep it in memory unless MAIL_DIR is set. */
export function mailDirectory(config: AppConfig): string | null {
  if (mailMode(config) !== 'file') return null;
  if (config.MAIL_DIR) return resolve(config.MAIL_DIR);
  if (config.NODE_ENV === 'test') return null;
  return resolve(config.DATA_DIR, 'mail');
}

/**
 * Sends mail through nodemailer: SMTP when SMTP_URL is set, else nodemailer's stream transport renders
 * the RFC 822 message and it is written to a .eml file (embedded mode). Features do not call it directly
 * for mails their changes cause: they queue them in the same transaction (`enqueueMails`) and the
 * MailOutboxWorker hands them to `deliver`, retrying until they go out.
 */
@Injectable()
export class MailService implements OnApplicationShutdown {
  private readonly transport: Transporter;
  private readonly dir: string | null;
  private readonly sent: SentMail[] = [];
  private dirReady: Promise<unknown> | null = null;

  readonly mode: MailMode;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.mode = mailMode(config);
    this.dir = mailDirectory(config);
    if (this.mode === 'not configured')
      new Logger('Mail').warn({
        msg: 'mail is not configured: set SMTP_URL (and MAIL_FROM). Mails wait in the outbox and nothing is sent until then',
      });
    this.transport = config.SMTP_URL
      ? // Bounded waits (nodemailer's defaults go up to 10 minutes): a stalled server fails the attempt, the
        // outbox retries it later, and a shutdown never waits long for the mail in hand.
        createTransport({
          url: config.SMTP_URL,
          connectionTimeout: 10_000,
          greetingTimeout: 10_000,
          socketTimeout: 30_000,
        })
      : createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
  }

  get directory(): string | null {
    return this.dir;
  }

  /**
   * Sends one mail now and rejects if it cannot go out (the outbox keeps it and retries). On success the
   * mail is listed by `recent()`, with its .eml file in embedded mode.
   */
  async deliver(message: MailMessage): Promise<SentMail> {
    if (this.mode === 'not configured') throw new Error('mail is not configured (SMTP_URL is not set)');
    const record: SentMail = {
      ...message,
      text: message.text.split(APP_URL).join(mailAppUrl(this.config)),
      id: `${Date.now().toString(36)}-${randomBytes(4).toString('hex')}`,
      at: new Date(),
      file: null,
    };
    const info = (await this.transport.sendMail({
      from: this.config.MAIL_FROM,
      to: record.to,
      subject: record.subject,
      text: record.text,
      headers: { 'X-Yokoten-Kind': record.kind },
    })) as { message?: Buffer | string; messageId?: string };
    if (!this.config.SMTP_URL && this.dir && info.message) {
      // A failed mkdir is tried again with the next mail (the outbox retries this one).
      this.dirReady ??= mkdir(this.dir, { recursive: true }).catch((e: unknown) => {
        this.dirReady = null;
        throw e;
      });
      await this.dirReady;
      const stamp = record.at.toISOString().replace(/[-:]/g, '').replace(/\..*$/, '');
      const file = join(this.dir, `${stamp}-${record.kind}-${record.id}.eml`);
      await writeFile(file, info.message);
      record.file = file;
    }
    this.remember(record);
    return record;
  }

  private remember(record: SentMail): void {
    this.sent.push(record);
    if (this.sent.length > KEEP_IN_MEMORY) this.sent.splice(0, this.sent.length - KEEP_IN_MEMORY);
  }

  /** Mails sent since start, oldest first (at most the last 1000). */
  recent(): readonly SentMail[] {
    return this.sent;
  }

  /** After the outbox worker has stopped (it stops before application shutdown, with the mail in hand). */
  onApplicationShutdown(): void {
    this.transport.close();
  }
}
