import { Args, Context, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { ArgsType, Field } from '@nestjs/graphql';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { ADOPTION_STATUS_LABELS } from '@yokoten/case-studies';
import type { RequestContext } from '../../graphql/request-context';
import { CaseStudyPerson, CaseStudy } from '../case-study/models/case-study.model';
import type { CaseStudyEntity } from '../case-study/case-study.entity';
import { Municipality } from '../municipality/models/municipality.model';
import type { AdoptionEntity, AdoptionEventEntity } from './adoption.entity';
import { MAX_SPREAD_DEPTH } from './adoption.repository';
import { AdoptionService, countedAdoptions } from './adoption.service';
import { CaseStudyAdoptionArgs, RecordAdoptionArgs } from './dto/record-adoption.input';
import { Adoption, AdoptionEvent, SpreadLink } from './models/adoption.model';

@ArgsType()
export class SpreadChainArgs {
  @Field(() => Int, { nullable: true, defaultValue: 5, description: `1–${MAX_SPREAD_DEPTH}` })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_SPREAD_DEPTH)
  maxDepth?: number;
}

@Resolver(() => Adoption)
export class AdoptionResolver {
  constructor(private readonly service: AdoptionService) {}

  @Mutation(() => Adoption, {
    description:
      '横展開: the caller’s (member) municipality considers, pilots or runs another municipality’s published case; calling again updates the record and its timeline',
  })
  recordAdoption(@Args() { caseStudyId, input }: RecordAdoptionArgs, @Context() ctx: RequestContext) {
    return this.service.record(ctx.actor, caseStudyId, input);
  }

  @Mutation(() => Boolean, {
    description: 'Takes back the caller’s municipality’s record; false when there was none',
  })
  withdrawAdoption(@Args() { caseStudyId }: CaseStudyAdoptionArgs, @Context() ctx: RequestContext) {
    return this.service.withdraw(ctx.actor, caseStudyId);
  }

  @Query(() => [Adoption], {
    description: 'Officers: the cases their municipality follows, latest change first',
  })
  myMunicipalityAdoptions(@Context() ctx: RequestContext) {
    return this.service.listOwn(ctx.actor);
  }

  @ResolveField(() => String, { description: '検討中 / 試行中 / 導入済み' })
  statusLabel(a: AdoptionEntity): string {
    return ADOPTION_STATUS_LABELS[a.status].ja;
  }

  @ResolveField(() => Municipality, { description: 'The follower' })
  municipality(a: AdoptionEntity, _args: unknown, ctx: RequestContext) {
    return ctx.loaders.municipality.load(a.municipalityId);
  }

  @ResolveField(() => CaseStudy, {
    nullable: true,
    description: 'The case followed (null if the caller may not read it)',
  })
  async caseStudy(a: AdoptionEntity, _args: unknown, ctx: RequestContext) {
    const c = await ctx.loaders.caseStudy.load(a.caseStudyId);
    return this.service.canReadCase(ctx.actor, c) ? c : null;
  }

  @ResolveField(() => CaseStudy, {
    nullable: true,
    description: 'The follower’s own case about it, when linked and readable: the next link of the chain',
  })
  async adopterCaseStudy(a: AdoptionEntity, _args: unknown, ctx: RequestContext) {
    if (!a.adopterCaseStudyId) return null;
    const c = await ctx.loaders.caseStudy.load(a.adopterCaseStudyId);
    return this.service.canReadCase(ctx.actor, c) ? c : null;
  }

  @ResolveField(() => String, { nullable: true, description: 'Members and staff only' })
  note(a: AdoptionEntity, _args: unknown, ctx: RequestContext): string | null {
    return this.service.canReadDetails(ctx.actor) ? a.note : null;
  }

  @ResolveField(() => String, { nullable: true, description: 'How it was adapted; members and staff only' })
  adaptation(a: AdoptionEntity, _args: unknown, ctx: RequestContext): string | null {
    return this.service.canReadDetails(ctx.actor) ? a.adaptation : null;
  }

  @ResolveField(() => String, {
    nullable: true,
    description: 'The follower’s own result; members and staff only',
  })
  outcome(a: AdoptionEntity, _args: unknown, ctx: RequestContext): string | null {
    return this.service.canReadDetails(ctx.actor) ? a.outcome : null;
  }

  @ResolveField(() => [AdoptionEvent], { description: 'Timeline, oldest first' })
  timeline(a: AdoptionEntity, _args: unknown, ctx: RequestContext) {
    return ctx.loaders.adoptionEvents.load(a.id);
  }
}

@Resolver(() => AdoptionEvent)
export class AdoptionEventResolver {
  @ResolveField(() => String)
  statusLabel(e: AdoptionEventEntity): string {
    return ADOPTION_STATUS_LABELS[e.status].ja;
  }

  @ResolveField(() => CaseStudyPerson, { nullable: true, description: 'Members and staff only' })
  by(e: AdoptionEventEntity, _args: unknown, ctx: RequestContext) {
    return e.userId && ctx.actor ? ctx.loaders.person.load(e.userId) : null;
  }
}

/** The adoption fields of CaseStudy (kept here so the case-study module does not depend on adoptions). */
@Resolver(() => CaseStudy)
export class CaseStudyAdoptionResolver {
  constructor(private readonly service: AdoptionService) {}

  @ResolveField(() => Int, {
    description:
      'Municipalities that pilot or run this case (PILOTING + ADOPTED; CONSIDERING is listed, not counted)',
  })
  async adoptionCount(c: CaseStudyEntity, _args: unknown, ctx: RequestContext): Promise<number> {
    return countedAdoptions(await ctx.loaders.adoptionsByCase.load(c.id));
  }

  @ResolveField(() => [Adoption], { description: 'Who follows this case, in the order they started' })
  adoptions(c: CaseStudyEntity, _args: unknown, ctx: RequestContext) {
    return ctx.loaders.adoptionsByCase.load(c.id);
  }

  @ResolveField(() => [Adoption], {
    description: 'The adoptions this case is the follower’s write-up of: the cases it follows (upstream)',
  })
  async adoptedFrom(c: CaseStudyEntity, _args: unknown, ctx: RequestContext) {
    const upstream = await ctx.loaders.adoptionsByAdopterCase.load(c.id);
    // Only those whose followed case the caller may read: nothing hints at a hidden case.
    const followed = await ctx.loaders.caseStudy.loadMany(upstream.map((a) => a.caseStudyId));
    return upstream.filter((_a, i) => {
      const f = followed[i];
      return f && !(f instanceof Error) && this.service.canReadCase(ctx.actor, f);
    });
  }

  @ResolveField(() => [SpreadLink], {
    description:
      'The chain of spread below this case: its followers, the followers of their own cases, … (breadth first; cycles cut)',
  })
  async spreadChain(
    @Parent() c: CaseStudyEntity,
    @Args() { maxDepth }: SpreadChainArgs,
    @Context() ctx: RequestContext,
  ): Promise<SpreadLink[]> {
    const rows = await this.service.spread(ctx.actor, c.id, maxDepth ?? 5, (ids) =>
      ctx.loaders.caseStudy.loadMany(ids),
    );
    const adoptions = await ctx.loaders.adoption.loadMany(rows.map((r) => r.adoptionId));
    return rows.flatMap((r, i) => {
      const a = adoptions[i];
      return a && !(a instanceof Error)
        ? [{ depth: r.depth, fromCaseStudyId: r.fromCaseStudyId, adoption: a as unknown as Adoption }]
        : [];
    });
  }
}
