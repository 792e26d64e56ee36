import { Args, Context, ID, Mutation, ResolveField, Resolver } from '@nestjs/graphql';
import { attachmentTypeOf, highlightTerms } from '@yokoten/case-studies';
import type { RequestContext } from '../../graphql/request-context';
import { CaseStudyHit } from '../case-search/models/case-study-search-result.model';
import type { SearchHitResult } from '../case-search/case-search.service';
import type { CaseStudyEntity } from '../case-study/case-study.entity';
import { CaseStudy } from '../case-study/models/case-study.model';
import type { ExchangeSessionEntity } from '../exchange-session/exchange-session.entity';
import { ExchangeSession } from '../exchange-session/models/exchange-session.model';
import type { AttachmentEntity } from './attachment.entity';
import { AttachmentLoaderFactory } from './attachment-loaders';
import { AttachmentService } from './attachment.service';
import { UpdateAttachmentInput } from './dto/update-attachment.input';
import { Attachment, MatchedAttachment } from './models/attachment.model';

/** The URL the controller serves a file from (relative: the web client and the API share an origin). */
export function downloadUrlOf(id: string): string {
  return `/attachments/${id}/download`;
}

export function toAttachment(f: AttachmentEntity): Attachment {
  return {
    id: f.id,
    name: f.name,
    caption: f.caption,
    mimeType: f.mimeType,
    kind: attachmentTypeOf(f.mimeType)?.kind ?? 'PDF',
    sizeBytes: f.sizeBytes,
    membersOnly: f.membersOnly,
    purpose: f.purpose,
    textStatus: f.textStatus,
    downloadUrl: downloadUrlOf(f.id),
    createdAt: f.createdAt,
  };
}

@Resolver(() => Attachment)
export class AttachmentResolver {
  constructor(private readonly service: AttachmentService) {}

  @Mutation(() => Attachment, {
    description:
      "A file's caption, members-only flag or (session files) purpose: the case's editors or the organisers",
  })
  async updateAttachment(
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: UpdateAttachmentInput,
    @Context() ctx: RequestContext,
  ): Promise<Attachment> {
    return toAttachment(await this.service.update(ctx.actor, id, input));
  }

  @Mutation(() => Attachment, { description: 'Deletes a file and its bytes; answers what was deleted' })
  async deleteAttachment(
    @Args('id', { type: () => ID }) id: string,
    @Context() ctx: RequestContext,
  ): Promise<Attachment> {
    return toAttachment(await this.service.delete(ctx.actor, id));
  }
}

/** CaseStudy.attachments: the case is already one the caller may read; members-only files for members. */
@Resolver(() => CaseStudy)
export class CaseStudyAttachmentsResolver {
  constructor(
    private readonly service: AttachmentService,
    private readonly loaders: AttachmentLoaderFactory,
  ) {}

  @ResolveField(() => [Attachment], {
    description: '添付ファイル, oldest first (at most 20); members-only ones for members and organisers',
  })
  async attachments(c: CaseStudyEntity, _args: unknown, ctx: RequestContext): Promise<Attachment[]> {
    const files = await this.loaders.for(ctx).byCase.load(c.id);
    return this.service.visibleFiles(ctx.actor, files).map(toAttachment);
  }
}

/** ExchangeSession.attachments: agenda and preparation material before, slides and report files after. */
@Resolver(() => ExchangeSession)
export class ExchangeSessionAttachmentsResolver {
  constructor(
    private readonly service: AttachmentService,
    private readonly loaders: AttachmentLoaderFactory,
  ) {}

  @ResolveField(() => [Attachment], {
    description:
      '資料: files of the session, oldest first (at most 20); members-only ones for members and organisers',
  })
  async attachments(s: ExchangeSessionEntity, _args: unknown, ctx: RequestContext): Promise<Attachment[]> {
    const files = await this.loaders.for(ctx).bySession.load(s.id);
    return this.service.visibleFiles(ctx.actor, files).map(toAttachment);
  }
}

/** CaseStudyHit.matchedAttachment: which file of the hit holds the query's words. */
@Resolver(() => CaseStudyHit)
export class CaseStudyHitAttachmentResolver {
  constructor(private readonly loaders: AttachmentLoaderFactory) {}

  @ResolveField(() => MatchedAttachment, {
    nullable: true,
    description:
      "The first file (not members-only) whose text contains one of the query's words, e.g. for 「添付ファイル『…』に一致」; null without a query or such a file",
  })
  async matchedAttachment(
    hit: SearchHitResult,
    _args: unknown,
    ctx: RequestContext,
  ): Promise<MatchedAttachment | null> {
    const query = hit.query?.trim();
    if (!query) return null;
    const terms = highlightTerms(query).terms;
    if (terms.length === 0) return null;
    return this.loaders.for(ctx).matchedFile.load(`${hit.caseStudy.id}\u0000${terms.join('\u0001')}`);
  }
}

export const ATTACHMENT_RESOLVERS = [
  AttachmentResolver,
  CaseStudyAttachmentsResolver,
  ExchangeSessionAttachmentsResolver,
  CaseStudyHitAttachmentResolver,
];
