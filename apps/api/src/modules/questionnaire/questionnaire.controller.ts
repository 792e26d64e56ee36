import { Controller, Get, Param, ParseUUIDPipe, Query, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { sendCsvDownload } from '../../common/csv-download';
import { AuthService, tokenFromRequest } from '../auth/auth.service';
import { QuestionnaireService } from './questionnaire.service';

/** The answers as a file a browser downloads (same cookie or Bearer token as /graphql). */
@Controller()
export class QuestionnaireController {
  constructor(
    private readonly service: QuestionnaireService,
    private readonly auth: AuthService,
  ) {}

  /** `GET /sessions/:id/survey.csv`, or `?phase=REGISTRATION` for the registration answers. */
  @Get('sessions/:id/survey.csv')
  async csv(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Query('phase') phase: string | undefined,
    @Req() req: FastifyRequest,
    @Res() res: FastifyReply,
  ): Promise<void> {
    const actor = await this.auth.actorForToken(tokenFromRequest(req));
    await sendCsvDownload(res, () =>
      this.service.csv(actor, id, phase === 'REGISTRATION' ? 'REGISTRATION' : 'SURVEY'),
    );
  }
}
