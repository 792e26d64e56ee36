import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Role } from '@yokoten/case-studies';
import {
  BadUserInputError,
  ConflictError,
  ForbiddenError,
  NotFoundError,
  TokenError,
} from '../../common/app-error';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { AuditLogService } from '../audit/audit-log.service';
import type { Actor } from '../auth/actor';
import { hashToken } from '../auth/auth.service';
import { authorize, can } from '../auth/authorization.policy';
import { hashPassword } from '../auth/password';
import type { UserEntity } from '../auth/user.entity';
import { enqueueMails } from '../mail/mail-outbox';
import type { MunicipalityEntity } from '../municipality/municipality.entity';
import { invitationMail, setPasswordMail } from './account-mails';
import { AccountRepository } from './account.repository';
import type { AcceptInvitationInput } from './dto/accept-invitation.input';
import type { InviteUserInput } from './dto/invite-user.input';
import { isAllowedAddress } from './invitation-domains';
import { invitationStatus, type InvitationEntity, type InvitationStatus } from './invitation.entity';
import { assertPasswordAllowed } from './password-policy';

/** An invitation is valid 7 days; the first admin's set-password link 24 hours. */
export const INVITATION_TTL_HOURS = 24 * 7;
export const SET_PASSWORD_TTL_HOURS = 24;

/** 32 random bytes, base64url: the link's last path segment. Only its SHA-256 is stored. */
export const newLinkToken = (): string => randomBytes(32).toString('base64url');
/** A token as a link carries it; anything else is refused before a query. */
export const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

/**
 * The token of what a person pasted: the token itself, or the whole link (its `token` query parameter, else
 * its last path segment).
 */
export function tokenOf(input: string): string {
  const value = input.trim();
  if (!value.includes('/') && !value.includes('?')) return value;
  const query = /[?&]token=([^&#]*)/.exec(value);
  if (query) return decodeURIComponent(query[1]);
  return (
    value
      .replace(/[?#].*$/, '')
      .replace(/\/+$/, '')
      .split('/')
      .pop() ?? ''
  );
}

export interface CreateInvitationInput {
  email: string;
  role: Role;
  municipalityId: string | null;
  name?: string | null;
  invitedByUserId: string | null;
  /** An admitted join applicant: the organiser has looked at them, the domain allow-list does not apply. */
  skipDomainCheck?: boolean;
  ttlHours?: number;
}

/** What `acceptInvitation` hands the resolver: the new session (the cookie is set like `login`'s). */
export interface AcceptedSession {
  token: string;
  user: UserEntity;
  expiresAt: Date;
}

/**
 * Invitations: who may invite whom, the domain allow-list, one open invitation per address, the token
 * lifecycle (resend, revoke, accept), the invitation mail and the audit entry, each in one transaction.
 */
@Injectable()
export class InvitationService {
  constructor(
    private readonly repository: AccountRepository,
    private readonly audit: AuditLogService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Creates an invitation in the caller's transaction (e.g. admitting a join application): validates the
   * address (no account yet; an OFFICER's under the allowed domains unless `skipDomainCheck`), replaces an
   * open invitation of the same address, stores the token's hash, queues the mail and writes the audit
   * entry. Who may invite is the caller's business (the resolvers go through `invite`).
   */
  async createInTransaction(
    manager: EntityManager,
    input: CreateInvitationInput,
  ): Promise<{ invitation: InvitationEntity; token: string }> {
    const email = input.email.trim().toLowerCase();
    if (input.role === 'OFFICER' && !input.municipalityId)
      throw new BadUserInputError(
        'input.municipalityCode',
        '自治体を指定してください。 (An officer needs a municipality)',
      );
    const municipalityId = input.role === 'OFFICER' ? input.municipalityId : null;
    if (await this.repository.findUserByEmail(email, manager))
      throw new ConflictError(
        'このメールアドレスのアカウントはすでにあります。 (An account with this e-mail exists)',
        {
          field: 'input.email',
        },
      );
    if (input.role === 'OFFICER' && !input.skipDomainCheck) {
      const settings = await this.repository.invitationSettings(manager);
      if (settings.restrictOfficerDomains && !isAllowedAddress(email, settings.allowedDomains))
        throw new BadUserInputError(
          'input.email',
          `自治体職員の招待は、許可されたドメイン（${settings.allowedDomains.join('、')}）のアドレスに限られています。 (Officers are invited at the allowed domains only)`,
          { reason: 'DOMAIN_NOT_ALLOWED', allowedDomains: settings.allowedDomains },
        );
    }
    const municipality = municipalityId
      ? await this.repository.findMunicipalityById(municipalityId, manager)
      : null;
    if (municipalityId && !municipality) throw new NotFoundError('Municipality', municipalityId);
    const inviter = input.invitedByUserId
      ? await this.repository.findUserById(input.invitedByUserId, manager)
      : null;

    await this.repository.revokeOpenInvitations(manager, email);
    const token = newLinkToken();
    const invitation = await this.repository
      .insertInvitation(manager, {
        email,
        role: input.role,
        municipalityId,
        name: input.name?.trim() || null,
        purpose: 'INVITATION',
        tokenHash: hashToken(token),
        invitedBy: input.invitedByUserId,
        userId: null,
        expiresAt: new Date(Date.now() + (input.ttlHours ?? INVITATION_TTL_HOURS) * 3600_000),
        acceptedAt: null,
        revokedAt: null,
      })
      .catch((e: unknown) => {
        // Two invitations of one address at the same moment: the open-invitation index lets one through.
        if ((e as { code?: string }).code === '23505')
          throw new ConflictError('このアドレスへの招待が同時に行われました。 (Invited at the same moment)', {
            field: 'input.email',
          });
        throw e;
      });
    await enqueueMails(manager, [
      invitationMail({
        email,
        name: invitation.name,
        role: input.role,
        municipalityName: municipality?.name ?? null,
        inviterName: inviter?.name ?? null,
        token,
        expiresAt: invitation.expiresAt,
      }),
    ]);
    await this.audit.record(manager, {
      actorUserId: input.invitedByUserId,
      action: 'user.invite',
      subjectType: 'invitation',
      subjectId: invitation.id,
      subjectLabel: email,
      after: auditView(invitation, municipality),
    });
    return { invitation, token };
  }

  /** `inviteUser`: the caller's rights, then `createInTransaction`. */
  async invite(actor: Actor | null, input: InviteUserInput): Promise<InvitationEntity> {
    const caller = authorize(actor, 'user.me');
    let municipality: MunicipalityEntity | null = null;
    if (input.role === 'OFFICER') {
      const code = input.municipalityCode;
      if (code) {
        municipality = await this.repository.findMunicipalityByCode(code);
        if (!municipality)
          throw new BadUserInputError(
            'input.municipalityCode',
            `自治体が見つかりません: ${code} (Unknown municipality)`,
          );
      } else if (caller.role === 'OFFICER' && caller.municipalityId) {
        municipality = await this.repository.findMunicipalityById(caller.municipalityId);
      } else {
        throw new BadUserInputError(
          'input.municipalityCode',
          '自治体を指定してください。 (An officer needs a municipality)',
        );
      }
      if (municipality!.membershipStatus !== 'MEMBER' && caller.role !== 'OFFICER')
        throw new BadUserInputError(
          'input.municipalityCode',
          `${municipality!.name}はネットワークの会員ではありません。先に加入を承認してください。 (Officers are invited to member municipalities)`,
          { reason: 'NOT_A_MEMBER' },
        );
      authorize(caller, 'invitation.inviteOfficer', {
        municipalityId: municipality!.id,
        membershipStatus: municipality!.membershipStatus,
      });
    } else if (input.role === 'ORGANISER') {
      authorize(caller, 'invitation.inviteOrganiser');
    } else {
      authorize(caller, 'user.manageAdmins');
    }
    const { invitation } = await this.repository.transaction((manager) =>
      this.createInTransaction(manager, {
        email: input.email,
        role: input.role,
        municipalityId: municipality?.id ?? null,
        name: input.name ?? null,
        invitedByUserId: caller.userId,
      }),
    );
    return invitation;
  }

  /** Staff: every invitation; an officer: their own municipality's. */
  async list(actor: Actor | null, statuses?: InvitationStatus[]): Promise<InvitationEntity[]> {
    const caller = authorize(actor, 'user.me');
    if (can(caller, 'invitation.manage')) return this.repository.findInvitations({ statuses });
    if (!caller.municipalityId) throw new ForbiddenError();
    authorize(caller, 'invitation.manage', {
      municipalityId: caller.municipalityId,
      membershipStatus: caller.membershipStatus,
    });
    return this.repository.findInvitations({ municipalityId: caller.municipalityId, statuses });
  }

  private async authorizeManage(caller: Actor, invitation: InvitationEntity): Promise<void> {
    if (invitation.role === 'ADMIN') authorize(caller, 'user.manageAdmins');
    if (!invitation.municipalityId) {
      authorize(caller, 'invitation.manage');
      return;
    }
    const municipality = await this.repository.findMunicipalityById(invitation.municipalityId);
    authorize(caller, 'invitation.manage', {
      municipalityId: invitation.municipalityId,
      membershipStatus: municipality?.membershipStatus ?? null,
    });
  }

  /** A new token and a new window; the old link stops working (its hash is gone). */
  async resend(actor: Actor | null, id: string): Promise<InvitationEntity> {
    const caller = authorize(actor, 'user.me');
    return this.repository.transaction(async (manager) => {
      const invitation = await this.repository.findInvitationById(id, manager, true);
      if (!invitation) throw new NotFoundError('Invitation', id);
      await this.authorizeManage(caller, invitation);
      const status = invitationStatus(invitation);
      if (status === 'ACCEPTED' || status === 'REVOKED')
        throw new ConflictError(
          status === 'ACCEPTED'
            ? 'この招待はすでに承諾されています。 (This invitation was accepted)'
            : 'この招待は取り消されています。 (This invitation was revoked)',
          { reason: status },
        );
      const token = newLinkToken();
      const ttl = invitation.purpose === 'SET_PASSWORD' ? SET_PASSWORD_TTL_HOURS : INVITATION_TTL_HOURS;
      const expiresAt = new Date(Date.now() + ttl * 3600_000);
      await this.repository.updateInvitation(manager, id, { tokenHash: hashToken(token), expiresAt });
      const municipality = invitation.municipalityId
        ? await this.repository.findMunicipalityById(invitation.municipalityId, manager)
        : null;
      const inviter = await this.repository.findUserById(caller.userId, manager);
      await enqueueMails(manager, [
        invitation.purpose === 'SET_PASSWORD'
          ? setPasswordMail({
              email: invitation.email,
              name: invitation.name ?? invitation.email,
              token,
              expiresAt,
            })
          : invitationMail({
              email: invitation.email,
              name: invitation.name,
              role: invitation.role,
              municipalityName: municipality?.name ?? null,
              inviterName: inviter?.name ?? null,
              token,
              expiresAt,
            }),
      ]);
      await this.audit.record(manager, {
        actorUserId: caller.userId,
        action: 'user.invitationResent',
        subjectType: 'invitation',
        subjectId: id,
        subjectLabel: invitation.email,
        before: { expiresAt: invitation.expiresAt },
        after: { expiresAt },
      });
      return { ...invitation, expiresAt };
    });
  }

  async revoke(actor: Actor | null, id: string): Promise<InvitationEntity> {
    const caller = authorize(actor, 'user.me');
    return this.repository.transaction(async (manager) => {
      const invitation = await this.repository.findInvitationById(id, manager, true);
      if (!invitation) throw new NotFoundError('Invitation', id);
      await this.authorizeManage(caller, invitation);
      const status = invitationStatus(invitation);
      if (status === 'ACCEPTED')
        throw new ConflictError('この招待はすでに承諾されています。 (This invitation was accepted)', {
          reason: status,
        });
      if (status === 'REVOKED') return invitation;
      const revokedAt = new Date();
      await this.repository.updateInvitation(manager, id, { revokedAt });
      await this.audit.record(manager, {
        actorUserId: caller.userId,
        action: 'user.invitationRevoked',
        subjectType: 'invitation',
        subjectId: id,
        subjectLabel: invitation.email,
        before: { status },
        after: { status: 'REVOKED' },
      });
      return { ...invitation, revokedAt };
    });
  }

  /** The invitation a link stands for, or the TOKEN_* error that says why it cannot be used. */
  async byToken(link: string, manager?: EntityManager, lock = false): Promise<InvitationEntity> {
    const token = tokenOf(link);
    if (!TOKEN_SHAPE.test(token)) throw new TokenError('TOKEN_INVALID');
    const invitation = await this.repository.findInvitationByTokenHash(hashToken(token), manager, lock);
    if (!invitation) throw new TokenError('TOKEN_INVALID');
    const status = invitationStatus(invitation);
    if (status === 'ACCEPTED') throw new TokenError('TOKEN_USED');
    if (status === 'REVOKED') throw new TokenError('TOKEN_REVOKED');
    if (status === 'EXPIRED') throw new TokenError('TOKEN_EXPIRED');
    return invitation;
  }

  /**
   * Makes the account (or sets the first admin's password), marks the invitation used and starts a
   * session, in one transaction; the resolver sets the cookie as `login` does.
   */
  async accept(input: AcceptInvitationInput): Promise<AcceptedSession> {
    const preview = await this.byToken(input.token);
    assertPasswordAllowed(input.password, preview.email, 'input.password');
    // argon2id outside the transaction: it takes a while and needs no lock.
    const passwordHash = await hashPassword(input.password);
    return this.repository.transaction(async (manager) => {
      const invitation = await this.byToken(input.token, manager, true);
      const profile = {
        name: input.name,
        title: input.title?.trim() || null,
        department: input.department?.trim() || null,
      };
      const now = new Date();
      let userId: string;
      if (invitation.purpose === 'SET_PASSWORD') {
        if (!invitation.userId) throw new TokenError('TOKEN_INVALID');
        const user = await this.repository.findUserById(invitation.userId, manager, true);
        if (!user || user.status !== 'ACTIVE') throw new TokenError('TOKEN_REVOKED');
        await this.repository.updateUser(manager, user.id, { ...profile, passwordHash, lastLoginAt: now });
        userId = user.id;
      } else {
        if (await this.repository.findUserByEmail(invitation.email, manager))
          throw new ConflictError(
            'このメールアドレスのアカウントはすでにあります。 (An account with this e-mail exists)',
            {
              field: 'input.token',
            },
          );
        const user = await this.repository.insertUser(manager, {
          email: invitation.email,
          role: invitation.role,
          municipalityId: invitation.role === 'OFFICER' ? invitation.municipalityId : null,
          passwordHash,
          ...profile,
          lastLoginAt: now,
        });
        userId = user.id;
      }
      await this.repository.updateInvitation(manager, invitation.id, { acceptedAt: now, userId });
      const token = newLinkToken();
      const expiresAt = new Date(Date.now() + this.config.SESSION_TTL_HOURS * 3600_000);
      await this.repository.insertSession(manager, userId, hashToken(token), expiresAt);
      await this.audit.record(manager, {
        actorUserId: userId,
        action: 'user.invitationAccepted',
        subjectType: 'user',
        subjectId: userId,
        subjectLabel: invitation.email,
        after: {
          invitationId: invitation.id,
          purpose: invitation.purpose,
          role: invitation.role,
          ...profile,
        },
      });
      const user = (await this.repository.findUserById(userId, manager)) as UserEntity;
      return { token, user, expiresAt };
    });
  }
}

function auditView(invitation: InvitationEntity, municipality: MunicipalityEntity | null) {
  return {
    email: invitation.email,
    role: invitation.role,
    municipalityCode: municipality?.code ?? null,
    name: invitation.name,
    expiresAt: invitation.expiresAt,
  };
}
