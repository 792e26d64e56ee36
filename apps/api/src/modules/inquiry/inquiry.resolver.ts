import { Args, Context, Mutation, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { RequestContext } from '../../graphql/request-context';
import type { CaseStudyEntity } from '../case-study/case-study.entity';
import { CaseStudy, CaseStudyPerson } from '../case-study/models/case-study.model';
import { Municipality } from '../municipality/models/municipality.model';
import { AnswerInquiryArgs, AskInquiryArgs, InquiryIdArgs, SetInquiryPublicArgs } from './dto/inquiry.input';
import type { InquiryEntity, InquiryMessageEntity } from './inquiry.entity';
import { InquiryService } from './inquiry.service';
import { Inquiry, InquiryMessage } from './models/inquiry.model';

@Resolver(() => Inquiry)
export class InquiryResolver {
  constructor(private readonly service: InquiryService) {}

  @Query(() => Inquiry, {
    nullable: true,
    description: 'A thread, or null when it does not exist or the caller may not read it',
  })
  inquiry(@Args() { id }: InquiryIdArgs, @Context() ctx: RequestContext) {
    return this.service.get(ctx.actor, id);
  }

  @Query(() => [Inquiry], {
    description: 'Officers: threads their municipality asked or was asked, latest activity first',
  })
  myMunicipalityInquiries(@Context() ctx: RequestContext) {
    return this.service.listOwn(ctx.actor);
  }

  @Mutation(() => Inquiry, {
    description:
      'An officer of a member municipality asks the publisher of a case; its officers are told by mail',
  })
  askInquiry(@Args() { caseStudyId, input }: AskInquiryArgs, @Context() ctx: RequestContext) {
    return this.service.ask(ctx.actor, caseStudyId, input);
  }

  @Mutation(() => Inquiry, {
    description:
      'A message in the thread: the publisher’s officers answer, the asker’s officers follow up; the other side is told by mail',
  })
  answerInquiry(@Args() { inquiryId, input }: AnswerInquiryArgs, @Context() ctx: RequestContext) {
    return this.service.reply(ctx.actor, inquiryId, input);
  }

  @Mutation(() => Inquiry, {
    description:
      'The publisher’s officers: show an answered thread to every member as a FAQ of the case (or stop)',
  })
  setInquiryPublic(@Args() { inquiryId, isPublic }: SetInquiryPublicArgs, @Context() ctx: RequestContext) {
    return this.service.setPublic(ctx.actor, inquiryId, isPublic);
  }

  @ResolveField(() => CaseStudy, {
    nullable: true,
    description: 'null when the caller may no longer read the case',
  })
  async caseStudy(t: InquiryEntity, _args: unknown, ctx: RequestContext) {
    const c = await ctx.loaders.caseStudy.load(t.caseStudyId);
    return this.service.canReadCase(ctx.actor, c) ? c : null;
  }

  @ResolveField(() => Municipality, { description: 'Who asked' })
  askerMunicipality(t: InquiryEntity, _args: unknown, ctx: RequestContext) {
    return ctx.loaders.municipality.load(t.askerMunicipalityId);
  }

  @ResolveField(() => Municipality, { description: 'The publisher of the case' })
  publisherMunicipality(t: InquiryEntity, _args: unknown, ctx: RequestContext) {
    return ctx.loaders.municipality.load(t.publisherMunicipalityId);
  }

  @ResolveField(() => [InquiryMessage], { description: 'The thread, oldest first' })
  messages(t: InquiryEntity, _args: unknown, ctx: RequestContext) {
    return ctx.loaders.inquiryMessages.load(t.id);
  }
}

@Resolver(() => InquiryMessage)
export class InquiryMessageResolver {
  @ResolveField(() => Municipality, { description: 'The side that wrote it' })
  municipality(m: InquiryMessageEntity, _args: unknown, ctx: RequestContext) {
    return ctx.loaders.municipality.load(m.authorMunicipalityId);
  }

  @ResolveField(() => CaseStudyPerson, { nullable: true, description: 'null when the account was removed' })
  author(m: InquiryMessageEntity, _args: unknown, ctx: RequestContext) {
    return m.authorUserId ? ctx.loaders.person.load(m.authorUserId) : null;
  }
}

/** CaseStudy.inquiries, kept in this module. */
@Resolver(() => CaseStudy)
export class CaseStudyInquiryResolver {
  constructor(private readonly service: InquiryService) {}

  @ResolveField(() => [Inquiry], {
    description:
      'Threads about this case the caller may read: its own municipality’s, public FAQs for members, all for the publisher and organisers; empty for anonymous callers',
  })
  async inquiries(c: CaseStudyEntity, _args: unknown, ctx: RequestContext) {
    if (!ctx.actor) return [];
    return this.service.readable(ctx.actor, await ctx.loaders.inquiriesByCase.load(c.id));
  }
}
