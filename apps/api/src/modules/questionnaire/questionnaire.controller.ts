import { Controller, Get, Param, ParseUUIDPipe, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { AppError } from '../../common/app-error';
import { AuthService, tokenFromRequest } from '../auth/auth.service';
import { QuestionnaireService } from './questionnaire.service';

const HTTP_STATUS: Record<string, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  BAD_USER_INPUT: 400,
};

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
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const actor = await this.auth.actorForToken(tokenFromRequest(req));
    try {
      const { filename, csv } = await this.service.csv(
        actor,
        id,
        phase === 'REGISTRATION' ? 'REGISTRATION' : 'SURVEY',
      );
      res
        .type('text/csv; charset=utf-8')
        .set('Content-Disposition', `attachment; filename="${filename}"`)
        .set('Cache-Control', 'private, no-store')
        .send(csv);
    } catch (e) {
      if (e instanceof AppError)
        res.status(HTTP_STATUS[e.code] ?? 400).json({ error: { code: e.code, message: e.message } });
      else throw e;
    }
  }
}
