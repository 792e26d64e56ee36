import { Inject } from '@nestjs/common';
import { Args, Context, Mutation, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import type { RequestContext } from '../../graphql/request-context';
import { AuditUserLoaderFactory } from '../audit/user-loader';
import { SESSION_COOKIE } from '../auth/auth.service';
import { AuthPayload, User } from '../auth/models/user.model';
import { Municipality } from '../municipality/models/municipality.model';
import { AcceptInvitationInput } from './dto/accept-invitation.input';
import { InviteUserInput } from './dto/invite-user.input';
import { InvitationIdArgs } from './dto/users.args';
import { invitationStatus, type InvitationStatus } from './invitation.entity';
import { InvitationService } from './invitation.service';
import { InvitationStatusEnum } from './models/account-enums';
import { Invitation, InvitationPreview } from './models/invitation.model';

@Resolver(() => Invitation)
export class InvitationResolver {
  constructor(
    private readonly service: InvitationService,
    private readonly users: AuditUserLoaderFactory,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Query(() => [Invitation], {
    description: 'Staff: every invitation; an officer: their own municipality’s. Newest first, at most 1000.',
  })
  invitations(
    @Context() ctx: RequestContext,
    @Args('statuses', { type: () => [InvitationStatusEnum], nullable: true }) statuses?: InvitationStatus[],
  ) {
    return this.service.list(ctx.actor, statuses ?? undefined);
  }

  @Query(() => InvitationPreview, {
    description:
      'Anyone: what an invitation link stands for; TOKEN_INVALID | TOKEN_EXPIRED | TOKEN_USED | TOKEN_REVOKED',
  })
  invitationByToken(@Args('token') token: string) {
    return this.service.byToken(token.trim());
  }

  @Mutation(() => Invitation, {
    description:
      'Organisers: officers and organisers; admins: also admins; an officer of a member: colleagues',
  })
  inviteUser(@Args('input') input: InviteUserInput, @Context() ctx: RequestContext) {
    return this.service.invite(ctx.actor, input);
  }

  @Mutation(() => Invitation, {
    description: 'A new link and a new 7-day window; the old link stops working',
  })
  resendInvitation(@Args() { id }: InvitationIdArgs, @Context() ctx: RequestContext) {
    return this.service.resend(ctx.actor, id);
  }

  @Mutation(() => Invitation)
  revokeInvitation(@Args() { id }: InvitationIdArgs, @Context() ctx: RequestContext) {
    return this.service.revoke(ctx.actor, id);
  }

  @Mutation(() => AuthPayload, {
    description:
      'Makes the account (or sets the first admin’s password) and logs in: token and session cookie',
  })
  async acceptInvitation(
    @Args('input') input: AcceptInvitationInput,
    @Context() ctx: RequestContext,
  ): Promise<AuthPayload> {
    const result = await this.service.accept(input);
    // The same cookie as `login` (auth.resolver.ts).
    ctx.res.setCookie(SESSION_COOKIE, result.token, {
      httpOnly: true,
      sameSite: 'lax',
      secure: this.config.COOKIE_SECURE,
      path: '/',
      expires: result.expiresAt,
    });
    return result;
  }

  @ResolveField(() => InvitationStatusEnum)
  status(invitation: Invitation): InvitationStatus {
    return invitationStatus(invitation);
  }

  @ResolveField(() => Municipality, { nullable: true })
  municipality(invitation: Invitation, _args: unknown, ctx: RequestContext) {
    return invitation.municipalityId ? ctx.loaders.municipality.load(invitation.municipalityId) : null;
  }

  @ResolveField(() => User, { nullable: true })
  invitedBy(invitation: Invitation, _args: unknown, ctx: RequestContext) {
    return invitation.invitedBy ? this.users.for(ctx).load(invitation.invitedBy) : null;
  }
}

@Resolver(() => InvitationPreview)
export class InvitationPreviewResolver {
  constructor(private readonly users: AuditUserLoaderFactory) {}

  @ResolveField(() => String, {
    nullable: true,
    description:
      'Who sent the invitation (their name only: the link is read before any login); null from the command line',
  })
  async inviterName(preview: InvitationPreview, _args: unknown, ctx: RequestContext) {
    if (!preview.invitedBy) return null;
    return (await this.users.for(ctx).load(preview.invitedBy))?.name ?? null;
  }

  @ResolveField(() => Municipality, { nullable: true })
  municipality(preview: InvitationPreview, _args: unknown, ctx: RequestContext) {
    return preview.municipalityId ? ctx.loaders.municipality.load(preview.municipalityId) : null;
  }
}
