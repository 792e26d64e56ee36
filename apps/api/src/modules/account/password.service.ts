import { Injectable } from '@nestjs/common';
import { BadUserInputError, TokenError } from '../../common/app-error';
import { AuditLogService } from '../audit/audit-log.service';
import type { Actor } from '../auth/actor';
import { hashToken } from '../auth/auth.service';
import { authorize } from '../auth/authorization.policy';
import { dummyPasswordHash, hashPassword, verifyPassword } from '../auth/password';
import { enqueueMails } from '../mail/mail-outbox';
import { passwordChangedMail, passwordResetMail } from './account-mails';
import { AccountRepository } from './account.repository';
import type { ChangePasswordInput, ResetPasswordInput } from './dto/password.input';
import { newLinkToken, TOKEN_SHAPE, tokenOf } from './invitation.service';
import { assertPasswordAllowed } from './password-policy';
import { PasswordResetLimits } from './reset-limits';

/** A reset link is valid one hour. */
export const RESET_TTL_MS = 3600_000;
/** A user id that never exists: the unknown-address path does the same statements as the known one. */
const NOBODY = '00000000-0000-0000-0000-000000000000';

/** Password reset by mail and password change; both end sessions (docs/accounts.md "Sessions end"). */
@Injectable()
export class PasswordService {
  constructor(
    private readonly repository: AccountRepository,
    private readonly audit: AuditLogService,
    private readonly limits: PasswordResetLimits,
  ) {}

  /**
   * Always true, after the same work whether or not the address has an account (a token is made and
   * hashed, a transaction runs): no enumeration. Over a limit, or for a disabled account, nothing is sent.
   */
  async requestReset(email: string, ip: string): Promise<boolean> {
    const allowed = await this.limits.consume(email, ip);
    const user = await this.repository.findUserByEmail(email);
    const token = newLinkToken();
    const tokenHash = hashToken(token);
    const expiresAt = new Date(Date.now() + RESET_TTL_MS);
    const send = allowed && user !== null && user.status === 'ACTIVE';
    await this.repository.transaction(async (manager) => {
      await this.repository.revokeOpenResets(manager, send ? user.id : NOBODY);
      if (!send) return;
      await this.repository.insertReset(manager, { userId: user.id, tokenHash, expiresAt });
      await enqueueMails(manager, [
        passwordResetMail({ email: user.email, name: user.name, token, expiresAt }),
      ]);
    });
    return true;
  }

  /** Sets the password from a reset link; every session of the user ends. */
  async reset(input: ResetPasswordInput): Promise<boolean> {
    const token = tokenOf(input.token);
    if (!TOKEN_SHAPE.test(token)) throw new TokenError('TOKEN_INVALID');
    const tokenHash = hashToken(token);
    const check = async (
      manager?: Parameters<AccountRepository['findResetByTokenHash']>[1],
      lock = false,
    ) => {
      const reset = await this.repository.findResetByTokenHash(tokenHash, manager, lock);
      if (!reset) throw new TokenError('TOKEN_INVALID');
      if (reset.usedAt) throw new TokenError('TOKEN_USED');
      if (reset.revokedAt) throw new TokenError('TOKEN_REVOKED');
      if (reset.expiresAt.getTime() <= Date.now()) throw new TokenError('TOKEN_EXPIRED');
      const user = await this.repository.findUserById(reset.userId, manager);
      if (!user || user.status !== 'ACTIVE') throw new TokenError('TOKEN_REVOKED');
      return { reset, user };
    };
    const { user: preview } = await check();
    assertPasswordAllowed(input.password, preview.email, 'input.password');
    const passwordHash = await hashPassword(input.password);
    await this.repository.transaction(async (manager) => {
      const { reset, user } = await check(manager, true);
      const now = new Date();
      await this.repository.markResetUsed(manager, reset.id);
      await this.repository.revokeOpenResets(manager, user.id);
      await this.repository.updateUser(manager, user.id, { passwordHash, passwordChangedAt: now });
      await this.repository.deleteSessions(manager, user.id);
      await enqueueMails(manager, [passwordChangedMail({ email: user.email, name: user.name, at: now })]);
      await this.audit.record(manager, {
        actorUserId: user.id,
        action: 'user.passwordReset',
        subjectType: 'user',
        subjectId: user.id,
        subjectLabel: user.email,
        after: { passwordChangedAt: now, sessionsEnded: 'all' },
      });
    });
    return true;
  }

  /** Needs the current password; every other session of the user ends (the caller's stays). */
  async change(
    actor: Actor | null,
    input: ChangePasswordInput,
    sessionToken: string | undefined,
  ): Promise<boolean> {
    const caller = authorize(actor, 'account.updateOwn');
    const user = await this.repository.findUserWithHash(caller.userId);
    const ok = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), input.currentPassword);
    if (!user || !ok)
      throw new BadUserInputError(
        'input.currentPassword',
        '現在のパスワードが正しくありません。 (The current password is wrong)',
        { reason: 'WRONG_PASSWORD' },
      );
    assertPasswordAllowed(input.newPassword, user.email, 'input.newPassword');
    const passwordHash = await hashPassword(input.newPassword);
    await this.repository.transaction(async (manager) => {
      const now = new Date();
      await this.repository.updateUser(manager, user.id, { passwordHash, passwordChangedAt: now });
      await this.repository.deleteSessions(
        manager,
        user.id,
        sessionToken ? hashToken(sessionToken) : undefined,
      );
      // A reset link asked for earlier must not undo the change.
      await this.repository.revokeOpenResets(manager, user.id);
      await enqueueMails(manager, [passwordChangedMail({ email: user.email, name: user.name, at: now })]);
      await this.audit.record(manager, {
        actorUserId: user.id,
        action: 'user.passwordChanged',
        subjectType: 'user',
        subjectId: user.id,
        subjectLabel: user.email,
        after: { passwordChangedAt: now, sessionsEnded: 'others' },
      });
    });
    return true;
  }
}
