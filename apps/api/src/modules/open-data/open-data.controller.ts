import { Controller, Get, Inject, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { formatIsoJst, OPEN_DATA_LICENCE, OPEN_DATA_LICENCE_URL } from '@yokoten/case-studies';
import { publicBaseUrl } from '../../common/public-url';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { casesAtom, casesCsv, toRecord } from './open-data.format';
import { OpenDataRepository } from './open-data.repository';

/** Entries in the Atom feed: the newest ones; the CSV and JSON carry every public case. */
export const FEED_SIZE = 50;
const CACHE = 'public, max-age=300';

/**
 * オープンデータ: the published PUBLIC cases as CSV, JSON and an Atom feed of new cases, under CC BY 4.0, so
 * prefectures and researchers can reuse them. Never MEMBERS or DRAFT cases (OpenDataRepository).
 */
@Controller('open-data')
export class OpenDataController {
  constructor(
    private readonly repository: OpenDataRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get('cases.csv')
  async csv(@Req() req: FastifyRequest, @Res() res: FastifyReply): Promise<void> {
    const records = (await this.repository.publicCases()).map((r) =>
      toRecord(r, publicBaseUrl(this.config, req)),
    );
    res
      .type('text/csv; charset=utf-8')
      .header('Content-Disposition', 'attachment; filename="yokoten-cases.csv"')
      .header('Cache-Control', CACHE)
      .send(casesCsv(records));
  }

  @Get('cases.json')
  async json(@Req() req: FastifyRequest, @Res() res: FastifyReply): Promise<void> {
    const cases = (await this.repository.publicCases()).map((r) =>
      toRecord(r, publicBaseUrl(this.config, req)),
    );
    res
      .type('application/json; charset=utf-8')
      .header('Cache-Control', CACHE)
      .send(
        JSON.stringify({
          licence: OPEN_DATA_LICENCE,
          licenceUrl: OPEN_DATA_LICENCE_URL,
          generatedAt: formatIsoJst(new Date()),
          count: cases.length,
          cases,
        }),
      );
  }

  @Get('cases.atom')
  async atom(@Req() req: FastifyRequest, @Res() res: FastifyReply): Promise<void> {
    const base = publicBaseUrl(this.config, req);
    const records = (await this.repository.publicCases(FEED_SIZE)).map((r) => toRecord(r, base));
    res
      .type('application/atom+xml; charset=utf-8')
      .header('Cache-Control', CACHE)
      .send(casesAtom(records, base, new Date()));
  }
}
