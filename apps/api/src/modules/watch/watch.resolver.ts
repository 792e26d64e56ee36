import { Args, Context, Int, Mutation, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { RequestContext } from '../../graphql/request-context';
import { CaseStudyIdArgs } from '../case-study/dto/case-study.args';
import type { CaseStudyEntity } from '../case-study/case-study.entity';
import { CaseStudy } from '../case-study/models/case-study.model';
import { SaveSearchInput, SavedSearchIdArgs, SetDigestArgs, SetHelpfulArgs } from './dto/save-search.input';
import { CaseWatch, SavedSearch } from './models/watch.model';
import { SavedSearchDigests } from './saved-search-digest';
import { WatchLoaderFactory } from './watch-loaders';
import { WatchService } from './watch.service';

@Resolver(() => CaseStudy)
export class CaseStudyWatchResolver {
  constructor(
    private readonly service: WatchService,
    private readonly loaders: WatchLoaderFactory,
  ) {}

  @ResolveField(() => Boolean, { description: 'The caller watches this case (false when signed out)' })
  viewerWatching(c: CaseStudyEntity, _args: unknown, ctx: RequestContext): Promise<boolean> | boolean {
    return ctx.actor ? this.loaders.for(ctx).watching.load(c.id) : false;
  }

  @ResolveField(() => Boolean, {
    description: 'The caller marked this case 参考になった (false when signed out)',
  })
  viewerFoundHelpful(c: CaseStudyEntity, _args: unknown, ctx: RequestContext): Promise<boolean> | boolean {
    return ctx.actor ? this.loaders.for(ctx).helpfulMine.load(c.id) : false;
  }

  @ResolveField(() => Boolean, {
    description: 'The caller may mark this case 参考になった (signed in, not an officer of its municipality)',
  })
  viewerCanMarkHelpful(c: CaseStudyEntity, _args: unknown, ctx: RequestContext): boolean {
    return c.status === 'PUBLISHED' && this.service.canMarkHelpful(ctx.actor, c);
  }

  @ResolveField(() => Int, {
    nullable: true,
    description:
      '「参考になった」 marks (one per user): for the officers of the publishing municipality and the organisers; null for everyone else',
  })
  helpfulCount(c: CaseStudyEntity, _args: unknown, ctx: RequestContext): Promise<number> | null {
    return this.service.canReadHelpfulCount(ctx.actor, c)
      ? this.loaders.for(ctx).helpfulCount.load(c.id)
      : null;
  }
}

@Resolver(() => SavedSearch)
export class WatchResolver {
  constructor(
    private readonly service: WatchService,
    private readonly digests: SavedSearchDigests,
  ) {}

  @Query(() => [CaseWatch], {
    description: 'The cases the caller watches (those they may still read), newest first',
  })
  myWatches(@Context() ctx: RequestContext) {
    return this.service.myWatches(ctx.actor);
  }

  @Query(() => [SavedSearch], { description: 'The caller’s saved searches, newest first' })
  mySavedSearches(@Context() ctx: RequestContext) {
    return this.service.mySavedSearches(ctx.actor);
  }

  @Mutation(() => CaseStudy, {
    description: 'Watch a published case: mail when it is updated, followed or gets a public FAQ',
  })
  watchCaseStudy(@Args() { id }: CaseStudyIdArgs, @Context() ctx: RequestContext) {
    return this.service.watch(ctx.actor, id);
  }

  @Mutation(() => Boolean, { description: 'Stop watching a case; false when it was not watched' })
  unwatchCaseStudy(@Args() { id }: CaseStudyIdArgs, @Context() ctx: RequestContext) {
    return this.service.unwatch(ctx.actor, id);
  }

  @Mutation(() => CaseStudy, {
    description: '「参考になった」 on (helpful: true) or off; one per user and case',
  })
  setCaseStudyHelpful(@Args() { id, helpful }: SetHelpfulArgs, @Context() ctx: RequestContext) {
    return this.service.setHelpful(ctx.actor, id, helpful);
  }

  @Mutation(() => SavedSearch, {
    description: '「この条件を保存」: a search with a weekly digest (Monday 08:00 JST)',
  })
  saveSearch(@Args('input') input: SaveSearchInput, @Context() ctx: RequestContext) {
    return this.service.saveSearch(ctx.actor, input);
  }

  @Mutation(() => SavedSearch, { description: 'Turn a saved search’s weekly digest on or off' })
  setSavedSearchDigest(@Args() { id, enabled }: SetDigestArgs, @Context() ctx: RequestContext) {
    return this.service.setDigestEnabled(ctx.actor, id, enabled);
  }

  @Mutation(() => Boolean)
  deleteSavedSearch(@Args() { id }: SavedSearchIdArgs, @Context() ctx: RequestContext) {
    return this.service.deleteSavedSearch(ctx.actor, id);
  }

  @Mutation(() => Int, {
    description: 'Organisers: send the saved-search digests that are due now (returns how many were mailed)',
  })
  async runSavedSearchDigests(@Context() ctx: RequestContext): Promise<number> {
    return (await this.digests.runNowAs(ctx.actor)).mailed;
  }
}
