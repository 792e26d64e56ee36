import { Args, Context, Mutation, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { formatFiscalYear, renderMarkdown } from '@yokoten/case-studies';
import type { RequestContext } from '../../graphql/request-context';
import { Municipality } from '../municipality/models/municipality.model';
import { CaseStudyService } from './case-study.service';
import {
  CaseStudyIdArgs,
  MyMunicipalityCaseStudiesArgs,
  UnpublishCaseStudyArgs,
  UpdateCaseStudyArgs,
} from './dto/case-study.args';
import { CreateCaseStudyInput } from './dto/create-case-study.input';
import type { CaseStudyEntity } from './case-study.entity';
import {
  CaseStudy,
  CaseStudyContact,
  CaseStudyPerson,
  CaseStudyRevision,
  DeletedCaseStudy,
  PublishChecklistItem,
} from './models/case-study.model';

@Resolver(() => CaseStudy)
export class CaseStudyResolver {
  constructor(private readonly service: CaseStudyService) {}

  @Query(() => CaseStudy, {
    nullable: true,
    description: 'A case, or null when it does not exist or the caller may not see it',
  })
  caseStudy(@Args() { id }: CaseStudyIdArgs, @Context() ctx: RequestContext) {
    return this.service.findVisible(ctx.actor, id);
  }

  @Query(() => [CaseStudy], {
    description:
      'Officers: the cases of their own municipality, drafts included, most recently changed first',
  })
  myMunicipalityCaseStudies(
    @Args() { status }: MyMunicipalityCaseStudiesArgs,
    @Context() ctx: RequestContext,
  ) {
    return this.service.listOwn(ctx.actor, status);
  }

  @Mutation(() => CaseStudy, { description: 'A DRAFT of the caller’s municipality' })
  createCaseStudy(@Args('input') input: CreateCaseStudyInput, @Context() ctx: RequestContext) {
    return this.service.create(ctx.actor, input);
  }

  @Mutation(() => CaseStudy, {
    description: 'Changes only the fields sent; CONFLICT when expectedVersion is stale',
  })
  updateCaseStudy(@Args() { id, input }: UpdateCaseStudyArgs, @Context() ctx: RequestContext) {
    return this.service.update(ctx.actor, id, input);
  }

  @Mutation(() => CaseStudy, {
    description:
      'BAD_USER_INPUT with extensions.missing when required parts are missing (see publishChecklist)',
  })
  publishCaseStudy(@Args() { id }: CaseStudyIdArgs, @Context() ctx: RequestContext) {
    return this.service.publish(ctx.actor, id);
  }

  @Mutation(() => CaseStudy, { description: 'The owners retire a case; it leaves search and public view' })
  archiveCaseStudy(@Args() { id }: CaseStudyIdArgs, @Context() ctx: RequestContext) {
    return this.service.archive(ctx.actor, id);
  }

  @Mutation(() => DeletedCaseStudy, {
    description:
      'The owners delete a draft that was never published (CONFLICT, reason EVER_PUBLISHED, otherwise: archive it); recorded in the audit log',
  })
  deleteCaseStudyDraft(@Args() { id }: CaseStudyIdArgs, @Context() ctx: RequestContext) {
    return this.service.deleteDraft(ctx.actor, id);
  }

  @Mutation(() => CaseStudy, {
    description: 'Organisers (moderation): a published case goes back to DRAFT with a reason the owners see',
  })
  unpublishCaseStudy(@Args() { id, reason }: UnpublishCaseStudyArgs, @Context() ctx: RequestContext) {
    return this.service.unpublish(ctx.actor, id, reason);
  }

  @ResolveField(() => String, {
    description:
      'body rendered to HTML: raw HTML escaped, unsafe links dropped, external images as placeholders',
  })
  bodyHtml(c: CaseStudyEntity): string {
    return renderMarkdown(c.body);
  }

  @ResolveField(() => [String], { description: 'e.g. 令和7年度（2025年度）' })
  fiscalYearLabels(c: CaseStudyEntity): string[] {
    return c.fiscalYears.map((fy) => formatFiscalYear(fy, 'ja'));
  }

  @ResolveField(() => CaseStudyContact)
  contact(c: CaseStudyEntity, _args: unknown, ctx: RequestContext): CaseStudyContact {
    return this.service.contactFor(ctx.actor, c);
  }

  @ResolveField(() => Municipality)
  municipality(c: CaseStudyEntity, _args: unknown, ctx: RequestContext) {
    return ctx.loaders.municipality.load(c.municipalityId);
  }

  @ResolveField(() => CaseStudyPerson, { nullable: true, description: 'Members and staff only' })
  author(c: CaseStudyEntity, _args: unknown, ctx: RequestContext) {
    if (!c.authorId || !this.service.canSeeAuthor(ctx.actor)) return null;
    return ctx.loaders.person.load(c.authorId);
  }

  @ResolveField(() => String, {
    nullable: true,
    description: 'Why an organiser unpublished it; the owning municipality and organisers only',
  })
  unpublishedReason(c: CaseStudyEntity, _args: unknown, ctx: RequestContext): string | null {
    return this.service.unpublishedReasonFor(ctx.actor, c);
  }

  @ResolveField(() => [CaseStudyRevision], {
    nullable: true,
    description: 'Newest first; the owning municipality’s officers and organisers only (null for others)',
  })
  revisions(c: CaseStudyEntity, _args: unknown, ctx: RequestContext) {
    return this.service.canReadRevisions(ctx.actor, c) ? ctx.loaders.caseStudyRevisions.load(c.id) : null;
  }

  @ResolveField(() => [PublishChecklistItem], {
    nullable: true,
    description:
      'Required parts for publishing and whether each is there; for those who may edit or moderate',
  })
  publishChecklist(c: CaseStudyEntity, _args: unknown, ctx: RequestContext): PublishChecklistItem[] | null {
    return this.service.checklistFor(ctx.actor, c);
  }
}

@Resolver(() => CaseStudyRevision)
export class CaseStudyRevisionResolver {
  @ResolveField(() => CaseStudyPerson, { nullable: true, description: 'null when the account was removed' })
  editor(r: CaseStudyRevision, _args: unknown, ctx: RequestContext) {
    return r.editorId ? ctx.loaders.person.load(r.editorId) : null;
  }
}
