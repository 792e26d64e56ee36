import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { BadUserInputError } from '../../common/app-error';
import { sendCsvDownload } from '../../common/csv-download';
import { AuthService, tokenFromRequest } from '../auth/auth.service';
import type { AuditLogQuery } from './audit-log.repository';
import { AuditLogService } from './audit-log.service';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function one(value: unknown): string | undefined {
  const v = Array.isArray(value) ? value[0] : value;
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
}

function time(name: string, value: unknown): Date | undefined {
  const s = one(value);
  if (s === undefined) return undefined;
  const d = new Date(s);
  if (Number.isNaN(d.getTime()))
    throw new BadUserInputError(name, `${name}: an ISO 8601 time, e.g. 2026-12-01T00:00:00+09:00`);
  return d;
}

/** The query's filters as query parameters: ?actions=a,b&actorUserId=&subjectType=&subjectId=&from=&to= */
export function auditFilterFromQuery(q: Record<string, unknown>): AuditLogQuery {
  const actions = (Array.isArray(q.actions) ? q.actions : [q.actions])
    .flatMap((v) => (typeof v === 'string' ? v.split(',') : []))
    .map((s) => s.trim())
    .filter(Boolean);
  if (actions.length > 50 || actions.some((a) => !/^[A-Za-z]+\.[A-Za-z]+$/.test(a)))
    throw new BadUserInputError('actions', 'actions: names like user.invite, comma separated');
  const actorUserId = one(q.actorUserId);
  if (actorUserId && !UUID.test(actorUserId))
    throw new BadUserInputError('actorUserId', 'actorUserId: a user id');
  const subjectType = one(q.subjectType)?.slice(0, 40);
  const subjectId = one(q.subjectId)?.slice(0, 100);
  return {
    actions: actions.length ? actions : undefined,
    actorUserId,
    subjectType,
    subjectId,
    from: time('from', q.from),
    to: time('to', q.to),
  };
}

/** The audit log as a CSV file a browser downloads (same cookie or Bearer token as /graphql). */
@Controller()
export class AuditLogController {
  constructor(
    private readonly service: AuditLogService,
    private readonly auth: AuthService,
  ) {}

  @Get('audit-log.csv')
  async csv(
    @Query() query: Record<string, unknown>,
    @Req() req: FastifyRequest,
    @Res() res: FastifyReply,
  ): Promise<void> {
    await sendCsvDownload(res, async () => {
      const actor = await this.auth.actorForToken(tokenFromRequest(req));
      return this.service.csv(actor, auditFilterFromQuery(query));
    });
  }
}
