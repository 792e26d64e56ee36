import { Controller, Get, Inject, Param, ParseUUIDPipe, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  ATTACHMENT_OWNER_TYPES,
  type AttachmentOwnerType,
  type SessionAttachmentPurpose,
} from '@yokoten/case-studies';
import { AppError, BadUserInputError, ForbiddenError } from '../../common/app-error';
import { consumeOrThrow, limiterKey, RateLimits } from '../../common/rate-limits';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { AuthService, tokenFromRequest } from '../auth/auth.service';
import { AttachmentService, type UploadRequest } from './attachment.service';
import { SNIFF_BYTES } from './content-type';
import { toAttachment } from './attachment.resolver';

const HTTP_STATUS: Record<string, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  BAD_USER_INPUT: 400,
  ATTACHMENT_TOO_LARGE: 413,
  ATTACHMENT_TYPE_NOT_ALLOWED: 415,
  ATTACHMENT_QUOTA_EXCEEDED: 409,
  TOO_MANY_REQUESTS: 429,
};

/** The header carrying the file name, percent-encoded UTF-8 (encodeURIComponent). */
export const FILE_NAME_HEADER = 'x-file-name';
/** Uploads per user and hour, on top of the per-address budget every write shares. */
export const UPLOADS_PER_USER_HOUR = 120;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function one(value: unknown): string | undefined {
  const v = Array.isArray(value) ? value[0] : value;
  return typeof v === 'string' ? v : undefined;
}

/** RFC 6266 / RFC 5987: an ASCII fallback for old clients and the exact UTF-8 name in filename*. */
export function contentDisposition(name: string): string {
  const fallback = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(name).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/**
 * The request's body, first the head (up to SNIFF_BYTES, for the type) then the rest as it arrives: only a
 * chunk at a time in memory, the request paused while a chunk is written (for-await's backpressure).
 */
async function splitHead(req: AsyncIterable<Buffer>): Promise<{ head: Buffer; rest: AsyncIterable<Buffer> }> {
  const iterator = req[Symbol.asyncIterator]();
  const parts: Buffer[] = [];
  let held = 0;
  let carry: Buffer | null = null;
  while (held < SNIFF_BYTES) {
    const next = await iterator.next();
    if (next.done) break;
    const piece = next.value;
    const room = SNIFF_BYTES - held;
    if (piece.length > room) {
      parts.push(piece.subarray(0, room));
      carry = piece.subarray(room);
      held += room;
    } else {
      parts.push(piece);
      held += piece.length;
    }
  }
  const head = Buffer.concat(parts, held);
  async function* rest(): AsyncGenerator<Buffer> {
    if (carry) yield carry;
    for (;;) {
      const next = await iterator.next();
      if (next.done) return;
      yield next.value;
    }
  }
  return { head, rest: rest() };
}

/**
 * Uploads and downloads of files (docs/attachments.md). An upload is the raw file as the request body
 * (`Content-Type: application/octet-stream`, the name in `X-File-Name`), streamed into PostgreSQL; not
 * multipart, because the one file needs no form parsing, the browser reports upload progress for it alike,
 * and the custom header makes any cross-site attempt a CORS preflight this server never grants (the session
 * cookie is SameSite=Lax besides, and an Origin other than ours is refused).
 */
@Controller('attachments')
export class AttachmentController {
  constructor(
    private readonly service: AttachmentService,
    private readonly auth: AuthService,
    private readonly rateLimits: RateLimits,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post()
  async upload(@Req() req: FastifyRequest, @Res() res: FastifyReply): Promise<void> {
    try {
      this.checkSameOrigin(req);
      const actor = await this.auth.actorForToken(tokenFromRequest(req));
      const input = this.uploadRequest(req);
      if (this.config.GRAPHQL_RATE_LIMIT_PER_MINUTE > 0)
        await consumeOrThrow(
          this.rateLimits.limiter('graphql-ip', {
            points: this.config.GRAPHQL_RATE_LIMIT_PER_MINUTE,
            durationSeconds: 60,
          }),
          limiterKey(req.ip ?? 'unknown'),
          'リクエストが多すぎます。しばらくしてからもう一度お試しください。 (Too many requests)',
        );
      const length = req.headers['content-length'];
      const declared = length !== undefined && /^\d+$/.test(length) ? Number(length) : null;
      // Everything that can be refused before a byte of the body is read, is.
      await this.service.prepareUpload(actor, input, declared);
      if (actor)
        await consumeOrThrow(
          this.rateLimits.limiter('attachment-upload-user', {
            points: UPLOADS_PER_USER_HOUR,
            durationSeconds: 3600,
          }),
          limiterKey(actor.userId),
          'アップロードが多すぎます。しばらくしてからもう一度お試しください。 (Too many uploads)',
        );
      // The body as it arrives: app.setup.ts leaves application/octet-stream unread for this route.
      const { head, rest } = await splitHead(req.raw);
      const file = await this.service.upload(actor, input, head, rest);
      res
        .code(201)
        .header('Cache-Control', 'no-store')
        .send({ attachment: toAttachment(file) });
    } catch (e) {
      this.fail(req, res, e);
    }
  }

  @Get(':id/download')
  async download(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Req() req: FastifyRequest,
    @Res() res: FastifyReply,
  ): Promise<void> {
    let opened;
    try {
      const actor = await this.auth.actorForToken(tokenFromRequest(req));
      opened = await this.service.open(actor, id);
    } catch (e) {
      return this.fail(req, res, e);
    }
    const { file, bytes } = opened;
    res.code(200);
    res.headers({
      'Content-Type': file.mimeType.startsWith('text/') ? `${file.mimeType}; charset=utf-8` : file.mimeType,
      'Content-Length': String(file.sizeBytes),
      'Content-Disposition': contentDisposition(file.name),
      'X-Content-Type-Options': 'nosniff',
      // Opened in a tab anyway (a PDF viewer), the file runs nothing and reaches nothing.
      'Content-Security-Policy': "default-src 'none'; sandbox",
      // no-transform: the compression plugin leaves it alone (app.setup.ts), so Content-Length stays the file's.
      'Cache-Control': 'private, no-store, no-transform',
      ETag: `"${file.sha256}"`,
    });
    // Fastify pipes it; if the client goes away mid-download, or PostgreSQL fails, the response is cut.
    res.send(bytes);
  }

  private uploadRequest(req: FastifyRequest): UploadRequest {
    const query = req.query as Record<string, unknown>;
    const ownerType = one(query.ownerType);
    if (!ownerType || !(ATTACHMENT_OWNER_TYPES as readonly string[]).includes(ownerType))
      throw new BadUserInputError('ownerType', `ownerType: one of ${ATTACHMENT_OWNER_TYPES.join(', ')}`);
    const ownerId = one(query.ownerId);
    if (!ownerId || !UUID.test(ownerId)) throw new BadUserInputError('ownerId', 'ownerId: an id (UUID)');
    const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
    if (type !== 'application/octet-stream')
      throw new BadUserInputError(
        'Content-Type',
        'Content-Type: application/octet-stream (the file itself as the body, its name in X-File-Name)',
      );
    const rawName = req.headers[FILE_NAME_HEADER];
    let name: string;
    try {
      name = decodeURIComponent(typeof rawName === 'string' ? rawName : '');
    } catch {
      throw new BadUserInputError(
        'name',
        'name: X-File-Name must be percent-encoded UTF-8 (encodeURIComponent)',
      );
    }
    const membersOnly = one(query.membersOnly);
    if (membersOnly !== undefined && membersOnly !== 'true' && membersOnly !== 'false')
      throw new BadUserInputError('membersOnly', 'membersOnly: true or false');
    const purpose = one(query.purpose);
    return {
      ownerType: ownerType as AttachmentOwnerType,
      ownerId,
      name,
      caption: one(query.caption),
      membersOnly: membersOnly === 'true',
      purpose: (purpose || null) as SessionAttachmentPurpose | null,
    };
  }

  /** A browser's cross-site request says where it comes from: only our own origin may upload. */
  private checkSameOrigin(req: FastifyRequest): void {
    const site = req.headers['sec-fetch-site'];
    if (site !== undefined && site !== 'same-origin' && site !== 'none')
      throw new ForbiddenError('別のサイトからのアップロードはできません。 (Cross-site upload refused)');
    const origin = req.headers.origin;
    if (origin !== undefined && origin !== 'null') {
      let host: string;
      try {
        host = new URL(origin).host;
      } catch {
        throw new ForbiddenError('別のサイトからのアップロードはできません。 (Cross-site upload refused)');
      }
      const forwarded = one(req.headers['x-forwarded-host']);
      const ours = [req.headers.host, this.config.trustProxy ? forwarded : undefined].filter(Boolean);
      if (!ours.includes(host))
        throw new ForbiddenError('別のサイトからのアップロードはできません。 (Cross-site upload refused)');
    } else if (origin === 'null') {
      throw new ForbiddenError('別のサイトからのアップロードはできません。 (Cross-site upload refused)');
    }
  }

  private fail(req: FastifyRequest, res: FastifyReply, e: unknown): void {
    if (!(e instanceof AppError)) throw e;
    const status = HTTP_STATUS[e.code] ?? 400;
    if (e.code === 'TOO_MANY_REQUESTS' && typeof e.extensions.retryAfterSeconds === 'number')
      res.header('Retry-After', String(e.extensions.retryAfterSeconds));
    // A refused upload's body is not read: close the connection after answering rather than drain it.
    if (req.method === 'POST' && !req.raw.readableEnded) res.header('Connection', 'close');
    res
      .code(status)
      .header('Cache-Control', 'no-store')
      .send({
        error: { code: e.code, message: e.message, ...e.extensions },
      });
  }
}
