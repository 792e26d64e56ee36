import { Controller, Get, Inject, Res } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FastifyReply } from 'fastify';
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

  /**
   * The whole picture for people and monitoring. 200 unless PostgreSQL is down (503): without search the
   * app still works (`degraded`, SPEC), so a load balancer must not take the process out for it. Load
   * balancers use /health/ready, process supervisors /health/live (docs/operations.md).
   */
  @Get()
  async health(@Res({ passthrough: true }) res: FastifyReply): Promise<HealthReport> {
    const [database, search, pending, mails] = await Promise.all([
      this.databaseState(),
      this.searchState(),
      // Index updates queued in PostgreSQL and not yet applied (the search sync's backlog).
      within(2000, this.outbox.backlog()).catch(() => null),
      // Mails queued and not yet sent (the mail outbox's backlog).
      within(2000, this.mailOutbox.backlog()).catch(() => null),
    ]);
    const pendingIndexUpdates = pending ?? 0;
    const pendingMails = mails ?? 0;
    const status = database === 'up' && search === 'up' ? 'ok' : 'degraded';
    res.code(database === 'up' ? 200 : 503);
    res.header('Cache-Control', 'no-store');
    return { status, database, search, pendingIndexUpdates, pendingMails, mail: this.mailService.mode };
  }

  /** Liveness: the process answers (a supervisor restarts it when this stops answering). No I/O. */
  @Get('live')
  live(@Res({ passthrough: true }) res: FastifyReply): { status: 'ok' } {
    res.header('Cache-Control', 'no-store');
    return { status: 'ok' };
  }

  /**
   * Readiness, for load balancers: 200 while PostgreSQL answers (`degraded` when search is down: the app
   * still serves everything but search), 503 when it does not.
   */
  @Get('ready')
  async ready(
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<Pick<HealthReport, 'status' | 'database' | 'search'>> {
    const [database, search] = await Promise.all([this.databaseState(), this.searchState()]);
    res.code(database === 'up' ? 200 : 503);
    res.header('Cache-Control', 'no-store');
    return { status: database === 'up' && search === 'up' ? 'ok' : 'degraded', database, search };
  }

  private databaseState(): Promise<'up' | 'down'> {
    return within(2000, this.dataSource.query('SELECT 1')).then(
      () => 'up' as const,
      () => 'down' as const,
    );
  }

  private searchState(): Promise<'up' | 'down'> {
    return within(2000, this.meili.health()).then(
      (h: { status: string }) => (h.status === 'available' ? ('up' as const) : ('down' as const)),
      () => 'down' as const,
    );
  }
}
