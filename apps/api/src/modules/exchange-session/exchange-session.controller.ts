import { Controller, Get, Inject, NotFoundException, Param, ParseUUIDPipe, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { sendCsvDownload } from '../../common/csv-download';
import { publicBaseUrl } from '../../common/public-url';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { AuthService, tokenFromRequest } from '../auth/auth.service';
import { ExchangeSessionRepository } from './exchange-session.repository';
import { SessionAccessService } from './session-access.service';
import { SessionExportService } from './session-export.service';
import { sessionsToIcs } from './session-calendar';

/**
 * Files that are better as URLs than as GraphQL fields: calendar files a calendar app subscribes to, and
 * the registrations CSV a browser downloads (same cookie or Bearer token as /graphql).
 */
@Controller()
export class ExchangeSessionController {
  constructor(
    private readonly access: SessionAccessService,
    private readonly exports: SessionExportService,
    private readonly repository: ExchangeSessionRepository,
    private readonly auth: AuthService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** iCal feed of upcoming public sessions: no venue or meeting URL, whoever asks. */
  @Get('calendar/upcoming.ics')
  async upcoming(@Req() req: FastifyRequest, @Res() res: FastifyReply): Promise<void> {
    const sessions = (await this.access.list(null, undefined, 'UPCOMING')).filter(
      (s) => s.status !== 'CANCELLED',
    );
    res
      .type('text/calendar; charset=utf-8')
      .header('Cache-Control', 'public, max-age=300')
      .send(
        sessionsToIcs(sessions, {
          baseUrl: publicBaseUrl(this.config, req),
          withLogistics: false,
          calName: '横展 定期共有会',
        }),
      );
  }

  /** One session; a confirmed registrant (or the organiser) signed in gets the venue and meeting URL too. */
  @Get('calendar/sessions/:id.ics')
  async one(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Req() req: FastifyRequest,
    @Res() res: FastifyReply,
  ): Promise<void> {
    const actor = await this.auth.actorForToken(tokenFromRequest(req));
    const session = await this.access.get(actor, id);
    if (!session) throw new NotFoundException();
    const [mine] = actor ? await this.repository.registrationsOfUser(actor.userId, [id]) : [];
    const withLogistics = this.access.canManage(actor) || this.access.canSeeLogistics(actor, mine ?? null);
    res
      .type('text/calendar; charset=utf-8')
      .header('Content-Disposition', `attachment; filename="yokoten-session-${session.term}.ics"`)
      .header('Cache-Control', 'private, no-store')
      .send(
        sessionsToIcs([session], {
          baseUrl: publicBaseUrl(this.config, req),
          withLogistics,
          calName: session.title,
        }),
      );
  }

  @Get('sessions/:id/registrations.csv')
  async csv(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Req() req: FastifyRequest,
    @Res() res: FastifyReply,
  ): Promise<void> {
    const actor = await this.auth.actorForToken(tokenFromRequest(req));
    await sendCsvDownload(res, () => this.exports.registrationsCsv(actor, id));
  }
}
