import { Args, Context, Mutation, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Inject } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import type { RequestContext } from '../../graphql/request-context';
import { Municipality } from '../municipality/models/municipality.model';
import { AuthService, SESSION_COOKIE, tokenFromRequest } from './auth.service';
import { LoginArgs } from './dto/login.args';
import { AuthPayload, User } from './models/user.model';

@Resolver(() => User)
export class AuthResolver {
  constructor(
    private readonly auth: AuthService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Mutation(() => AuthPayload, {
    description: 'Token for `Authorization: Bearer`, and an httpOnly session cookie',
  })
  async login(@Args() { email, password }: LoginArgs, @Context() ctx: RequestContext): Promise<AuthPayload> {
    const result = await this.auth.login(email, password, ctx.req.ip ?? 'unknown');
    ctx.res.setCookie(SESSION_COOKIE, result.token, {
      httpOnly: true,
      sameSite: 'lax',
      secure: this.config.COOKIE_SECURE,
      path: '/',
      expires: result.expiresAt,
    });
    return result;
  }

  @Mutation(() => Boolean)
  async logout(@Context() ctx: RequestContext): Promise<boolean> {
    await this.auth.logout(tokenFromRequest(ctx.req));
    ctx.res.clearCookie(SESSION_COOKIE, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: this.config.COOKIE_SECURE,
    });
    return true;
  }

  @Query(() => User, { nullable: true, description: 'The signed-in user, or null' })
  me(@Context() ctx: RequestContext) {
    return ctx.actor ? this.auth.findUser(ctx.actor.userId) : null;
  }

  @Query(() => [User], {
    description: 'Officers of the caller’s municipality (empty for organisers and admins)',
  })
  myColleagues(@Context() ctx: RequestContext) {
    return this.auth.colleagues(ctx.actor);
  }

  @ResolveField(() => Municipality, { nullable: true })
  municipality(user: User, _args: unknown, ctx: RequestContext) {
    return user.municipalityId ? ctx.loaders.municipality.load(user.municipalityId) : null;
  }
}
