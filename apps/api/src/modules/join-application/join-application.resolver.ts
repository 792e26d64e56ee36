import { Args, Context, Mutation, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { RequestContext } from '../../graphql/request-context';
import { AuditUserLoaderFactory } from '../audit/user-loader';
import { User } from '../auth/models/user.model';
import { Municipality } from '../municipality/models/municipality.model';
import { ApplyToJoinInput } from './dto/apply-to-join.input';
import {
  DeclineJoinApplicationArgs,
  JoinApplicationIdArgs,
  JoinApplicationsArgs,
} from './dto/join-applications.args';
import type { JoinApplicationEntity } from './join-application.entity';
import { JoinApplicationService } from './join-application.service';
import { JoinApplication } from './models/join-application.model';

@Resolver(() => JoinApplication)
export class JoinApplicationResolver {
  constructor(
    private readonly service: JoinApplicationService,
    private readonly users: AuditUserLoaderFactory,
  ) {}

  @Mutation(() => Boolean, {
    description:
      '参加申込 (anyone): true once stored; applying again while one is pending updates it. Limited per client IP.',
  })
  applyToJoin(@Args('input') input: ApplyToJoinInput, @Context() ctx: RequestContext): Promise<true> {
    return this.service.apply(input, ctx.req.ip ?? 'unknown');
  }

  @Query(() => [JoinApplication], {
    description: '参加申込 (organisers): pending oldest first, then decided',
  })
  joinApplications(@Args() { statuses }: JoinApplicationsArgs, @Context() ctx: RequestContext) {
    return this.service.list(ctx.actor, statuses);
  }

  @Mutation(() => JoinApplication, {
    description:
      'Admit (organisers): the municipality becomes a member, the applicant is invited as its first officer',
  })
  admitJoinApplication(@Args() { id }: JoinApplicationIdArgs, @Context() ctx: RequestContext) {
    return this.service.admit(ctx.actor, id);
  }

  @Mutation(() => JoinApplication, {
    description: 'Decline (organisers), with a reason mailed to the applicant',
  })
  declineJoinApplication(@Args() { id, reason }: DeclineJoinApplicationArgs, @Context() ctx: RequestContext) {
    return this.service.decline(ctx.actor, id, reason);
  }

  @ResolveField(() => Municipality)
  municipality(a: JoinApplicationEntity, _args: unknown, ctx: RequestContext) {
    return ctx.loaders.municipality.load(a.municipalityId);
  }

  @ResolveField(() => User, { nullable: true })
  decidedBy(a: JoinApplicationEntity, _args: unknown, ctx: RequestContext) {
    return a.decidedByUserId ? this.users.for(ctx).load(a.decidedByUserId) : null;
  }
}
