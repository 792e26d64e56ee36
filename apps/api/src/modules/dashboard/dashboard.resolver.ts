import { Context, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { RequestContext } from '../../graphql/request-context';
import { CaseStudy } from '../case-study/models/case-study.model';
import { Municipality } from '../municipality/models/municipality.model';
import { DashboardService, type DashboardView } from './dashboard.service';
import { FollowedCase, NetworkDashboard, SessionParticipation } from './models/network-dashboard.model';

@Resolver(() => NetworkDashboard)
export class DashboardResolver {
  constructor(private readonly service: DashboardService) {}

  @Query(() => NetworkDashboard, {
    description:
      'The network at a glance: cases by theme, prefecture and year; adoptions; membership; participation',
  })
  networkDashboard(@Context() ctx: RequestContext) {
    return this.service.networkDashboard(ctx.actor);
  }

  @ResolveField(() => [FollowedCase])
  async topFollowedCases(d: DashboardView, _args: unknown, ctx: RequestContext) {
    const cases = await ctx.loaders.caseStudy.loadMany(d.topFollowed.map((t) => t.caseStudyId));
    return d.topFollowed.flatMap((t, i) => {
      const c = cases[i];
      return c && !(c instanceof Error) ? [{ ...t, caseStudy: c as unknown as CaseStudy }] : [];
    });
  }
}

@Resolver(() => SessionParticipation)
export class SessionParticipationResolver {
  @ResolveField(() => Municipality)
  municipality(p: SessionParticipation, _args: unknown, ctx: RequestContext) {
    return ctx.loaders.municipality.load(p.municipalityId);
  }
}
