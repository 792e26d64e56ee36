import { Controller, Get, Inject, Res } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Response } from 'express';
import type { Meilisearch } from 'meilisearch';
import { DataSource } from 'typeorm';
import { MEILI_CLIENT } from '../../search/search.constants';
import { SearchOutboxProcessor } from '../../search/search-outbox.processor';
import { MailOutboxProcessor } from '../mail/mail-outbox.processor';
import { MailService, type MailMode } from '../mail/mail.service';

async function within<T>(ms: number, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      work,
      new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error('timeout')), ms))),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

export interface HealthReport {
  status: 'ok' | 'degraded';
  database: 'up' | 'down';
  search: 'up' | 'down';
  pendingIndexUpdates: number;
  /** Mails queued in PostgreSQL and not yet sent (waiting, or backing off after a failure). */
  pendingMails: number;
  /** How mail goes out: SMTP, .eml files (development), or not at all (production without SMTP_URL). */
  mail: MailMode;
}

@Controller('health')
export class HealthController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(MEILI_CLIENT) private readonly meili: Meilisearch,
    private readonly outbox: SearchOutboxProcessor,
    private readonly mailOutbox: MailOutboxProcessor,
    private readonly mailService: MailService,
  ) {}

  /** 200 when everything is up, 503 (same body) when degraded, so load balancers and humans agree. */
  @Get()
  async health(@Res({ passthrough: true }) res: Response): Promise<HealthReport> {
    const [database, search, pending, mails] = await Promise.all([
      within(2000, this.dataSource.query('SELECT 1')).then(
        () => 'up' as const,
        () => 'down' as const,
      ),
      within(2000, this.meili.health()).then(
        (h: { status: string }) => (h.status === 'available' ? ('up' as const) : ('down' as const)),
        () => 'down' as const,
      ),
      // Index updates queued in PostgreSQL and not yet applied (the search sync's backlog).
      within(2000, this.outbox.backlog()).catch(() => null),
      // Mails queued and not yet sent (the mail outbox's backlog).
      within(2000, this.mailOutbox.backlog()).catch(() => null),
    ]);
    const pendingIndexUpdates = pending ?? 0;
    const pendingMails = mails ?? 0;
    const status = database === 'up' && search === 'up' ? 'ok' : 'degraded';
    res.status(status === 'ok' ? 200 : 503);
    res.setHeader('Cache-Control', 'no-store');
    return { status, database, search, pendingIndexUpdates, pendingMails, mail: this.mailService.mode };
  }
}
