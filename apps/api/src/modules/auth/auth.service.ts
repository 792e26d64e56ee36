import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { RateLimiterRes, type RateLimiterPostgres } from 'rate-limiter-flexible';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { TooManyRequestsError, UnauthenticatedError } from '../../common/app-error';
import { limiterKey, RateLimits, retryAfterSeconds } from '../../common/rate-limits';
import type { Actor } from './actor';
import { authorize } from './authorization.policy';
import { configurePasswordWork, dummyPasswordHash, PasswordWorkBusyError, verifyPassword } from './password';
import { UserRepository, type SessionActor } from './user.repository';
import type { UserEntity } from './user.entity';

export const SESSION_COOKIE = 'yokoten_session';

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** The Actor of a session's user; only officers carry a membership status (their municipality's). */
export function actorOf(user: SessionActor): Actor {
  return {
    userId: user.id,
    role: user.role,
    municipalityId: user.municipalityId,
    membershipStatus: user.role === 'OFFICER' ? user.membershipStatus : null,
  };
}

/**
 * Logins and sessions. Failed attempts are limited per email+IP (LOGIN_MAX_ATTEMPTS per window: one
 * account guessed from one address) and per IP (10 × LOGIN_MAX_ATTEMPTS distinct accounts failing from one
 * address: credential stuffing), in PostgreSQL (rate-limiter-flexible's RateLimiterPostgres), so every API
 * process shares the counters and a restart keeps them. The per-IP counter counts accounts, not attempts:
 * one person mistyping their password from an office's shared address never blocks their colleagues. A
 * success clears the per-email counter.
 */
@Injectable()
export class AuthService {
  private readonly failuresByEmailAndIp: RateLimiterPostgres;
  private readonly failedAccountsByIp: RateLimiterPostgres;

  constructor(
    private readonly users: UserRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    rateLimits: RateLimits,
  ) {
    this.failuresByEmailAndIp = rateLimits.limiter('login-email-ip', {
      points: config.LOGIN_MAX_ATTEMPTS,
      durationSeconds: config.LOGIN_WINDOW_SECONDS,
    });
    this.failedAccountsByIp = rateLimits.limiter('login-ip', {
      points: config.LOGIN_MAX_ATTEMPTS * 10,
      durationSeconds: config.LOGIN_WINDOW_SECONDS,
    });
    configurePasswordWork({ concurrency: config.ARGON2_CONCURRENCY, maxQueue: config.ARGON2_QUEUE });
  }

  private tooMany(blocked: RateLimiterRes): TooManyRequestsError {
    const retryAfter = retryAfterSeconds(blocked);
    return new TooManyRequestsError(
      `ログインの試行回数が多すぎます。${Math.ceil(retryAfter / 60)}分後にもう一度お試しください。 (Too many login attempts)`,
      retryAfter,
    );
  }

  /**
   * Takes one attempt for this email and address before the password is checked: an atomic increment in
   * PostgreSQL, so attempts sent at the same moment (to one process or several) cannot all pass a check
   * made before any of them is counted. Measured by `npm run test:scale`: 15 wrong passwords sent at once
   * over three processes were all checked against a limit of 5 when the check read the counter and the
   * failure added to it afterwards. Returns how many attempts the key has made in the window.
   */
  private async reserveAttempt(emailKey: string, ip: string): Promise<number> {
    const byIp = await this.failedAccountsByIp.get(limiterKey(ip));
    if (byIp && byIp.consumedPoints >= this.config.LOGIN_MAX_ATTEMPTS * 10) throw this.tooMany(byIp);
    try {
      return (await this.failuresByEmailAndIp.consume(emailKey, 1)).consumedPoints;
    } catch (e) {
      if (e instanceof RateLimiterRes) throw this.tooMany(e);
      throw e;
    }
  }

  async login(
    email: string,
    password: string,
    ip: string,
  ): Promise<{ token: string; user: UserEntity; expiresAt: Date }> {
    const emailKey = limiterKey(email.toLowerCase(), ip);
    const attempt = await this.reserveAttempt(emailKey, ip);
    const user = await this.users.findByEmailWithHash(email);
    let ok: boolean;
    try {
      ok = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), password);
    } catch (e) {
      // Too many checks waiting in this process: the password was not checked, so the attempt is given back.
      if (e instanceof PasswordWorkBusyError) await this.failuresByEmailAndIp.reward(emailKey, 1);
      throw e;
    }
    // A disabled account is refused exactly like a wrong password (docs/accounts.md).
    if (!user || !ok || user.status !== 'ACTIVE') {
      // The attempt stays counted. The address is charged once per account that fails from it in the
      // window, not once per attempt.
      if (attempt === 1) await this.failedAccountsByIp.penalty(limiterKey(ip), 1);
      throw new UnauthenticatedError(
        'メールアドレスまたはパスワードが正しくありません。 (Wrong email or password)',
      );
    }
    await this.failuresByEmailAndIp.delete(emailKey);
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(Date.now() + this.config.SESSION_TTL_HOURS * 3600_000);
    await this.users.createSession(user.id, hashToken(token), expiresAt);
    const { passwordHash: _hash, ...safe } = user;
    return { token, user: safe as UserEntity, expiresAt };
  }

  async logout(token: string | undefined): Promise<void> {
    if (token) await this.users.deleteSession(hashToken(token));
  }

  /**
   * Resolves the caller; an unknown or expired token is simply anonymous. One query per request, nothing
   * cached: the officer's membership status is as of this request.
   */
  async actorForToken(token: string | undefined): Promise<Actor | null> {
    if (!token) return null;
    const user = await this.users.findSessionActor(hashToken(token));
    return user ? actorOf(user) : null;
  }

  /** The caller's fellow officers (themselves included), e.g. to register a colleague for a session. */
  async colleagues(actor: Actor | null): Promise<UserEntity[]> {
    const caller = authorize(actor, 'user.colleagues');
    return caller.municipalityId ? this.users.findOfficersOfMunicipality(caller.municipalityId) : [];
  }

  findUser(id: string): Promise<UserEntity | null> {
    return this.users.findById(id);
  }
}

/** The session token of a request: `Authorization: Bearer` for API clients, else the httpOnly cookie. */
export function tokenFromRequest(req: {
  headers: Record<string, string | string[] | undefined>;
  cookies?: Record<string, string | undefined>;
}): string | undefined {
  const header = req.headers.authorization;
  const value = Array.isArray(header) ? header[0] : header;
  if (value?.startsWith('Bearer ')) return value.slice(7).trim() || undefined;
  return req.cookies?.[SESSION_COOKIE] || undefined;
}
