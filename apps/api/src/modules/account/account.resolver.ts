import { Args, Context, Mutation, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { ForbiddenError } from '../../common/app-error';
import type { RequestContext } from '../../graphql/request-context';
import { tokenFromRequest } from '../auth/auth.service';
import { authorize, can } from '../auth/authorization.policy';
import { User } from '../auth/models/user.model';
import type { UserEntity, UserLocale, UserStatus } from '../auth/user.entity';
import { ChangePasswordInput, RequestPasswordResetArgs, ResetPasswordInput } from './dto/password.input';
import { UpdateMyProfileInput } from './dto/update-my-profile.input';
import { ChangeUserRoleArgs, InvitationSettingsInput, UserIdArgs, UsersArgs } from './dto/users.args';
import { LocaleEnum, UserStatusEnum } from './models/account-enums';
import { InvitationSettings } from './models/invitation.model';
import { MailPreferences, UserConnection } from './models/user-connection.model';
import { PasswordService } from './password.service';
import { UserAdminService } from './user-admin.service';

/** Own account (password, profile), password reset, account administration and the invitation settings. */
@Resolver(() => User)
export class AccountResolver {
  constructor(
    private readonly passwords: PasswordService,
    private readonly admin: UserAdminService,
  ) {}

  @Mutation(() => Boolean, {
    description: 'Always true (no enumeration); a link is mailed when the address has an active account',
  })
  requestPasswordReset(@Args() { email }: RequestPasswordResetArgs, @Context() ctx: RequestContext) {
    return this.passwords.requestReset(email, ctx.req.ip ?? 'unknown');
  }

  @Mutation(() => Boolean, {
    description: 'Sets the password from a reset link; every session of the user ends',
  })
  resetPassword(@Args('input') input: ResetPasswordInput) {
    return this.passwords.reset(input);
  }

  @Mutation(() => Boolean, {
    description: 'Needs the current password; every other session of the user ends',
  })
  changePassword(@Args('input') input: ChangePasswordInput, @Context() ctx: RequestContext) {
    return this.passwords.change(ctx.actor, input, tokenFromRequest(ctx.req));
  }

  @Mutation(() => User)
  updateMyProfile(@Args('input') input: UpdateMyProfileInput, @Context() ctx: RequestContext) {
    return this.admin.updateMyProfile(ctx.actor, input);
  }

  @Query(() => UserConnection, { description: 'Staff: every account; an officer: their own municipality’s' })
  users(@Args() { filter, first, after }: UsersArgs, @Context() ctx: RequestContext) {
    return this.admin.list(ctx.actor, filter, first ?? 50, after);
  }

  @Mutation(() => User, { description: 'Ends every session of the account at once' })
  disableUser(@Args() { id }: UserIdArgs, @Context() ctx: RequestContext) {
    return this.admin.disable(ctx.actor, id);
  }

  @Mutation(() => User)
  enableUser(@Args() { id }: UserIdArgs, @Context() ctx: RequestContext) {
    return this.admin.enable(ctx.actor, id);
  }

  @Mutation(() => User, { description: 'Only an admin makes or unmakes admins; the last active admin stays' })
  changeUserRole(@Args() { id, role, municipalityCode }: ChangeUserRoleArgs, @Context() ctx: RequestContext) {
    return this.admin.changeRole(ctx.actor, id, role, municipalityCode);
  }

  @Query(() => InvitationSettings)
  invitationSettings(@Context() ctx: RequestContext) {
    return this.admin.invitationSettings(ctx.actor);
  }

  @Mutation(() => InvitationSettings)
  updateInvitationSettings(@Args('input') input: InvitationSettingsInput, @Context() ctx: RequestContext) {
    return this.admin.updateInvitationSettings(ctx.actor, input);
  }

  // ---- account fields of User: who sees what (docs/accounts.md) ----------------------------------------

  @ResolveField(() => String, {
    nullable: true,
    description: 'The user, colleagues of the same municipality and the organisers; null for others',
  })
  phone(user: UserEntity, _args: unknown, ctx: RequestContext, info: GraphQLResolveInfo): string | null {
    const actor = ctx.actor;
    if (isSelf(user, ctx, info)) return user.phone ?? null;
    const subject = user.municipalityId ? { municipalityId: user.municipalityId } : undefined;
    return can(actor, 'user.readContact', subject) || can(actor, 'user.readAccount')
      ? (user.phone ?? null)
      : null;
  }

  @ResolveField(() => LocaleEnum, { description: 'The user and the organisers' })
  locale(user: UserEntity, _args: unknown, ctx: RequestContext, info: GraphQLResolveInfo): UserLocale {
    selfOrStaff(user, ctx, info);
    return user.locale;
  }

  @ResolveField(() => MailPreferences, { description: 'The user only (others: FORBIDDEN)' })
  mailPreferences(
    user: UserEntity,
    _args: unknown,
    ctx: RequestContext,
    info: GraphQLResolveInfo,
  ): MailPreferences {
    if (!isSelf(user, ctx, info)) {
      authorize(ctx.actor, 'user.me');
      throw new ForbiddenError();
    }
    return {
      sessionNotices: user.sessionNotices,
      adoptionNotices: user.adoptionNotices,
      inquiryNotices: user.inquiryNotices,
      watchNotices: user.watchNotices,
    };
  }

  @ResolveField(() => UserStatusEnum, { description: 'The user and the organisers' })
  status(user: UserEntity, _args: unknown, ctx: RequestContext, info: GraphQLResolveInfo): UserStatus {
    selfOrStaff(user, ctx, info);
    return user.status;
  }

  @ResolveField(() => Date, { nullable: true, description: 'The user and the organisers' })
  lastLoginAt(user: UserEntity, _args: unknown, ctx: RequestContext, info: GraphQLResolveInfo): Date | null {
    selfOrStaff(user, ctx, info);
    return user.lastLoginAt ?? null;
  }

  @ResolveField(() => Date, { description: 'The user and the organisers' })
  createdAt(user: UserEntity, _args: unknown, ctx: RequestContext, info: GraphQLResolveInfo): Date {
    selfOrStaff(user, ctx, info);
    return user.createdAt;
  }
}

/** Mutations whose payload's `user` is the person who has just logged in (the request itself is anonymous). */
const SIGN_IN_FIELDS = new Set(['login', 'acceptInvitation']);

/**
 * The caller reads their own account: the signed-in user, or the `user` of a payload that has just signed
 * them in (`login { user { locale } }`), which the request's (anonymous) actor cannot know yet.
 */
function isSelf(user: UserEntity, ctx: RequestContext, info: GraphQLResolveInfo): boolean {
  if (ctx.actor?.userId === user.id) return true;
  const userKey = info.path.prev;
  const rootKey = userKey?.prev;
  if (!userKey || !rootKey || rootKey.prev) return false;
  const root = info.operation.selectionSet.selections.find(
    (s) => s.kind === 'Field' && (s.alias?.value ?? s.name.value) === rootKey.key,
  );
  return (
    info.operation.operation === 'mutation' && root?.kind === 'Field' && SIGN_IN_FIELDS.has(root.name.value)
  );
}

function selfOrStaff(user: UserEntity, ctx: RequestContext, info: GraphQLResolveInfo): void {
  if (isSelf(user, ctx, info)) return;
  authorize(ctx.actor, 'user.readAccount');
}
