import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Role } from '@yokoten/case-studies';
import { BadUserInputError, ConflictError, ForbiddenError, NotFoundError } from '../../common/app-error';
import { AuditLogService } from '../audit/audit-log.service';
import type { Actor } from '../auth/actor';
import { hashToken } from '../auth/auth.service';
import { authorize, can } from '../auth/authorization.policy';
import { hashPassword } from '../auth/password';
import type { UserEntity } from '../auth/user.entity';
import { enqueueMails } from '../mail/mail-outbox';
import { setPasswordMail } from './account-mails';
import { AccountRepository, type InvitationSettingsValue } from './account.repository';
import type { UpdateMyProfileInput } from './dto/update-my-profile.input';
import type { InvitationSettingsInput, UserFilter } from './dto/users.args';
import { normaliseDomain } from './invitation-domains';
import { newLinkToken, SET_PASSWORD_TTL_HOURS } from './invitation.service';
import type { InvitationEntity } from './invitation.entity';

const encodeCursor = (email: string) => Buffer.from(`u:${email}`).toString('base64url');
function decodeCursor(cursor: string): string {
  const decoded = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!decoded.startsWith('u:'))
    throw new BadUserInputError('after', 'after: not a cursor returned by this API (use pageInfo.endCursor)');
  return decoded.slice(2);
}

const lastAdmin = () =>
  new ConflictError('最後の管理者は変更・停止できません。 (The last active admin must stay)', {
    reason: 'LAST_ADMIN',
  });

/** What changed in a profile: the fields given with their old and new values. */
function diff<T extends object>(before: T, changes: Partial<T>) {
  const b: Record<string, unknown> = {};
  const a: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(changes)) {
    const old = (before as Record<string, unknown>)[k];
    if (old !== v) {
      b[k] = old;
      a[k] = v;
    }
  }
  return { before: b, after: a, changed: Object.keys(a).length > 0 };
}

export interface CreateAdminResult {
  user: UserEntity;
  /** The set-password link's token (link mode); null when a password was given. */
  token: string | null;
  expiresAt: Date | null;
}

/**
 * Account administration (list, disable, enable, roles; the last admin stays), the own profile and mail
 * preferences, the network's invitation settings and the first admin.
 */
@Injectable()
export class UserAdminService {
  constructor(
    private readonly repository: AccountRepository,
    private readonly audit: AuditLogService,
  ) {}

  /** Staff: every account; an officer: those of their own municipality. */
  async list(actor: Actor | null, filter: UserFilter | undefined, first = 50, after?: string) {
    const caller = authorize(actor, 'user.list');
    let municipalityId: string | undefined;
    if (filter?.municipalityCode) {
      const m = await this.repository.findMunicipalityByCode(filter.municipalityCode);
      if (!m)
        throw new BadUserInputError(
          'filter.municipalityCode',
          `自治体が見つかりません: ${filter.municipalityCode}`,
        );
      municipalityId = m.id;
    }
    if (!can(caller, 'user.readAccount')) {
      if (!caller.municipalityId || (municipalityId && municipalityId !== caller.municipalityId))
        throw new ForbiddenError();
      municipalityId = caller.municipalityId;
    }
    const { rows, totalCount, hasNextPage } = await this.repository.findUserPage({
      municipalityId,
      roles: filter?.roles,
      statuses: filter?.statuses,
      query: filter?.query || undefined,
      lastLoginBefore: filter?.lastLoginBefore,
      neverLoggedIn: filter?.neverLoggedIn,
      afterEmail: after ? decodeCursor(after) : undefined,
      limit: first,
    });
    const edges = rows.map((node) => ({ node, cursor: encodeCursor(node.email) }));
    return { edges, totalCount, pageInfo: { hasNextPage, endCursor: edges.at(-1)?.cursor ?? null } };
  }

  private async target(manager: EntityManager, caller: Actor, id: string): Promise<UserEntity> {
    const user = await this.repository.findUserById(id, manager, true);
    if (!user) throw new NotFoundError('User', id);
    if (user.role === 'ADMIN') authorize(caller, 'user.manageAdmins');
    return user;
  }

  /** Ends every session of the account at once (its next request is anonymous). */
  async disable(actor: Actor | null, id: string): Promise<UserEntity> {
    const caller = authorize(actor, 'user.manage');
    if (id === caller.userId)
      throw new ConflictError('自分のアカウントは停止できません。 (You cannot disable yourself)', {
        reason: 'SELF',
      });
    return this.repository.transaction(async (manager) => {
      const admins = await this.repository.lockActiveAdmins(manager);
      const user = await this.target(manager, caller, id);
      if (user.status === 'DISABLED') return user;
      if (user.role === 'ADMIN' && admins.length <= 1 && admins.includes(user.id)) throw lastAdmin();
      await this.repository.updateUser(manager, id, { status: 'DISABLED' });
      await this.repository.deleteSessions(manager, id);
      await this.audit.record(manager, {
        actorUserId: caller.userId,
        action: 'user.disable',
        subjectType: 'user',
        subjectId: id,
        subjectLabel: user.email,
        before: { status: 'ACTIVE' },
        after: { status: 'DISABLED' },
      });
      return { ...user, status: 'DISABLED' };
    });
  }

  async enable(actor: Actor | null, id: string): Promise<UserEntity> {
    const caller = authorize(actor, 'user.manage');
    return this.repository.transaction(async (manager) => {
      const user = await this.target(manager, caller, id);
      if (user.status === 'ACTIVE') return user;
      await this.repository.updateUser(manager, id, { status: 'ACTIVE' });
      await this.audit.record(manager, {
        actorUserId: caller.userId,
        action: 'user.enable',
        subjectType: 'user',
        subjectId: id,
        subjectLabel: user.email,
        before: { status: 'DISABLED' },
        after: { status: 'ACTIVE' },
      });
      return { ...user, status: 'ACTIVE' };
    });
  }

  async changeRole(
    actor: Actor | null,
    id: string,
    role: Role,
    municipalityCode: string | undefined,
  ): Promise<UserEntity> {
    const caller = authorize(actor, 'user.manage');
    if (role === 'ADMIN') authorize(caller, 'user.manageAdmins');
    let municipalityId: string | null = null;
    let municipality: { id: string; code: string } | null = null;
    if (role === 'OFFICER') {
      if (!municipalityCode)
        throw new BadUserInputError(
          'municipalityCode',
          '自治体を指定してください。 (An officer needs a municipality)',
        );
      municipality = await this.repository.findMunicipalityByCode(municipalityCode);
      if (!municipality)
        throw new BadUserInputError('municipalityCode', `自治体が見つかりません: ${municipalityCode}`);
      municipalityId = municipality.id;
    }
    return this.repository.transaction(async (manager) => {
      const admins = await this.repository.lockActiveAdmins(manager);
      const user = await this.target(manager, caller, id);
      if (user.role === role && user.municipalityId === municipalityId) return user;
      if (user.role === 'ADMIN' && role !== 'ADMIN' && admins.length <= 1 && admins.includes(user.id))
        throw lastAdmin();
      const oldMunicipality = user.municipalityId
        ? await this.repository.findMunicipalityById(user.municipalityId, manager)
        : null;
      await this.repository.updateUser(manager, id, { role, municipalityId });
      await this.audit.record(manager, {
        actorUserId: caller.userId,
        action: 'user.roleChange',
        subjectType: 'user',
        subjectId: id,
        subjectLabel: user.email,
        before: { role: user.role, municipalityCode: oldMunicipality?.code ?? null },
        after: { role, municipalityCode: municipality?.code ?? null },
      });
      return { ...user, role, municipalityId };
    });
  }

  async updateMyProfile(actor: Actor | null, input: UpdateMyProfileInput): Promise<UserEntity> {
    const caller = authorize(actor, 'account.updateOwn');
    return this.repository.transaction(async (manager) => {
      const user = await this.repository.findUserById(caller.userId, manager, true);
      if (!user) throw new NotFoundError('User', caller.userId);
      const changes: Partial<UserEntity> = {};
      if (input.name !== undefined) changes.name = input.name;
      if (input.title !== undefined) changes.title = input.title || null;
      if (input.department !== undefined) changes.department = input.department || null;
      if (input.phone !== undefined) changes.phone = input.phone || null;
      if (input.locale !== undefined) changes.locale = input.locale;
      const prefs = input.mailPreferences;
      if (prefs?.sessionNotices !== undefined) changes.sessionNotices = prefs.sessionNotices;
      if (prefs?.adoptionNotices !== undefined) changes.adoptionNotices = prefs.adoptionNotices;
      if (prefs?.inquiryNotices !== undefined) changes.inquiryNotices = prefs.inquiryNotices;
      if (prefs?.watchNotices !== undefined) changes.watchNotices = prefs.watchNotices;
      const { before, after, changed } = diff(user, changes);
      if (!changed) return user;
      await this.repository.updateUser(manager, user.id, after as Partial<UserEntity>);
      await this.audit.record(manager, {
        actorUserId: user.id,
        action: 'user.profileUpdate',
        subjectType: 'user',
        subjectId: user.id,
        subjectLabel: user.email,
        before,
        after,
      });
      return { ...user, ...(after as Partial<UserEntity>) };
    });
  }

  async invitationSettings(actor: Actor | null): Promise<InvitationSettingsValue> {
    authorize(actor, 'settings.manage');
    return this.repository.invitationSettings();
  }

  async updateInvitationSettings(
    actor: Actor | null,
    input: InvitationSettingsInput,
  ): Promise<InvitationSettingsValue> {
    const caller = authorize(actor, 'settings.manage');
    const domains: string[] = [];
    for (const [i, raw] of input.allowedDomains.entries()) {
      const d = normaliseDomain(raw);
      if (!d)
        throw new BadUserInputError(
          'input.allowedDomains',
          `ドメインの形式が正しくありません: ${raw} (not a domain name, e.g. lg.jp)`,
          { index: i },
        );
      if (!domains.includes(d)) domains.push(d);
    }
    if (input.restrictOfficerDomains && domains.length === 0)
      throw new BadUserInputError(
        'input.allowedDomains',
        '制限を有効にするには、ドメインを1つ以上指定してください。 (Name at least one domain, or turn the restriction off)',
      );
    const value = { restrictOfficerDomains: input.restrictOfficerDomains, allowedDomains: domains };
    await this.repository.transaction(async (manager) => {
      const before = await this.repository.invitationSettings(manager);
      await this.repository.saveInvitationSettings(manager, value);
      await this.audit.record(manager, {
        actorUserId: caller.userId,
        action: 'settings.invitationDomains',
        subjectType: 'settings',
        subjectId: 'invitation',
        subjectLabel: '招待できるドメイン (invitation domains)',
        before,
        after: value,
      });
    });
    return value;
  }

  /**
   * The first admin (`users:create-admin`): refused when an admin exists unless `another`. With a password
   * (checked by the caller against the policy) the account is ready; without, it gets an unusable hash and
   * a one-time set-password link (an invitation-style token, 24 h) that the accept page uses.
   */
  async createAdmin(input: {
    email: string;
    name: string;
    password?: string;
    another?: boolean;
  }): Promise<CreateAdminResult> {
    const email = input.email.trim().toLowerCase();
    const name = input.name.trim();
    const passwordHash = await hashPassword(input.password ?? randomBytes(32).toString('base64url'));
    return this.repository.transaction(async (manager) => {
      // One creation at a time: two runs at once cannot both find no admin.
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('yokoten:create-admin'))`);
      const admins = await manager.query<Array<{ email: string }>>(
        `SELECT email FROM users WHERE role = 'ADMIN' ORDER BY email`,
      );
      if (admins.length > 0 && !input.another) throw new AdminExistsError(admins.map((a) => a.email));
      if (await this.repository.findUserByEmail(email, manager))
        throw new ConflictError(
          `このメールアドレスのアカウントはすでにあります: ${email} (An account with this e-mail exists)`,
          {
            field: 'email',
          },
        );
      const user = await this.repository.insertUser(manager, {
        email,
        name,
        role: 'ADMIN',
        municipalityId: null,
        passwordHash,
        passwordChangedAt: input.password ? new Date() : null,
      });
      let token: string | null = null;
      let expiresAt: Date | null = null;
      let invitation: InvitationEntity | null = null;
      if (!input.password) {
        token = newLinkToken();
        expiresAt = new Date(Date.now() + SET_PASSWORD_TTL_HOURS * 3600_000);
        await this.repository.revokeOpenInvitations(manager, email);
        invitation = await this.repository.insertInvitation(manager, {
          email,
          role: 'ADMIN',
          municipalityId: null,
          name,
          purpose: 'SET_PASSWORD',
          tokenHash: hashToken(token),
          invitedBy: null,
          userId: user.id,
          expiresAt,
          acceptedAt: null,
          revokedAt: null,
        });
        // Also by mail, for an operator who cannot copy the link from the terminal.
        await enqueueMails(manager, [setPasswordMail({ email, name, token, expiresAt })]);
      }
      await this.audit.record(manager, {
        actorUserId: null,
        actorLabel: 'users:create-admin',
        action: 'user.createAdmin',
        subjectType: 'user',
        subjectId: user.id,
        subjectLabel: email,
        after: {
          email,
          name,
          role: 'ADMIN',
          passwordSet: Boolean(input.password),
          setPasswordInvitationId: invitation?.id ?? null,
        },
      });
      return { user, token, expiresAt };
    });
  }
}

/** `users:create-admin` without --another when an admin exists. */
export class AdminExistsError extends Error {
  constructor(readonly admins: string[]) {
    super(`An admin already exists: ${admins.join(', ')}. Run with --another to add one more on purpose.`);
    this.name = 'AdminExistsError';
  }
}
