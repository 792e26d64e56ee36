import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import type { EntityManager } from 'typeorm';
import {
  BadUserInputError,
  ConflictError,
  NotFoundError,
  TooManyRequestsError,
} from '../../common/app-error';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import type { Actor } from '../auth/actor';
import { authorize } from '../auth/authorization.policy';
import { DEFAULT_INVITATION_SETTINGS, type InvitationSettingsValue } from '../account/account.repository';
import { isAllowedAddress } from '../account/invitation-domains';
import { InvitationService } from '../account/invitation.service';
import { AuditLogService } from '../audit/audit-log.service';
import { enqueueMails } from '../mail/mail-outbox';
import { MunicipalityService } from '../municipality/municipality.service';
import type { ApplyToJoinInput } from './dto/apply-to-join.input';
import {
  applicationDeclinedMail,
  applicationReceivedMail,
  applicationToDecideMail,
} from './join-application-mails';
import type { JoinApplicationEntity, JoinApplicationStatus } from './join-application.entity';
import { JoinApplicationRepository } from './join-application.repository';

/** The invitation settings as stored, over the defaults (the account module reads them the same way). */
export function invitationSettingsOf(stored: unknown): InvitationSettingsValue {
  return { ...DEFAULT_INVITATION_SETTINGS, ...((stored as Partial<InvitationSettingsValue> | null) ?? {}) };
}

const auditView = (a: JoinApplicationEntity) => ({
  status: a.status,
  applicantName: a.applicantName,
  department: a.department,
  email: a.email,
  message: a.message,
  submissions: a.submissions,
  declineReason: a.declineReason,
});

/** 参加申込: anyone applies for a municipality; the organisers admit (first officer invited) or decline. */
@Injectable()
export class JoinApplicationService implements OnModuleInit {
  private limiter!: RateLimiterPostgres;

  constructor(
    private readonly repository: JoinApplicationRepository,
    private readonly municipalities: MunicipalityService,
    private readonly audit: AuditLogService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly invitations: InvitationService,
  ) {}

  onModuleInit(): void {
    // In PostgreSQL so that every API process counts the same applications.
    this.limiter = new RateLimiterPostgres({
      storeClient: this.repository.source,
      storeType: 'typeorm',
      tableName: 'join_application_limits',
      tableCreated: true,
      keyPrefix: 'apply',
      points: this.config.JOIN_APPLICATIONS_PER_HOUR,
      duration: 3600,
    });
  }

  private async consume(ip: string): Promise<void> {
    try {
      await this.limiter.consume(ip);
    } catch (e) {
      if (!(e instanceof RateLimiterRes)) throw e;
      const retryAfterSeconds = Math.max(1, Math.ceil(e.msBeforeNext / 1000));
      throw new TooManyRequestsError(
        `申込の回数が多すぎます。${Math.ceil(retryAfterSeconds / 60)}分後にもう一度お試しください。 (Too many applications from this network)`,
        retryAfterSeconds,
      );
    }
  }

  /**
   * Stores the application and answers true whether it is new or merged into the one pending (only invalid
   * input is told apart). Limited per client IP.
   */
  async apply(input: ApplyToJoinInput, ip: string): Promise<true> {
    await this.consume(ip);
    const m = await this.municipalities.getByCode(input.municipalityCode);
    if (!m)
      throw new BadUserInputError(
        'input.municipalityCode',
        `input.municipalityCode: ${input.municipalityCode} は団体コードの一覧にありません。 (not in the register of municipalities)`,
        { reason: 'NOT_IN_REGISTER' },
      );
    if (m.membershipStatus === 'MEMBER')
      throw new BadUserInputError(
        'input.municipalityCode',
        `input.municipalityCode: ${m.name} は既に会員です。 (${m.code} is already a member)`,
        { reason: 'ALREADY_MEMBER' },
      );
    const settings = invitationSettingsOf(await this.repository.invitationSetting());
    if (settings.restrictOfficerDomains && !isAllowedAddress(input.email, settings.allowedDomains))
      throw new BadUserInputError(
        'input.email',
        `input.email: ${settings.allowedDomains.join(', ')} のアドレスでお申し込みください。 (use an address under ${settings.allowedDomains.join(', ')})`,
        { reason: 'DOMAIN_NOT_ALLOWED', allowedDomains: settings.allowedDomains },
      );

    await this.repository.transaction(async (manager) => {
      const { row, before } = await this.repository.upsertPending(manager, {
        municipalityId: m.id,
        applicantName: input.applicantName,
        department: input.department,
        email: input.email,
        message: input.message || null,
        priorMembershipStatus: m.membershipStatus,
      });
      // No status yet, or a former member: it is an applicant now (an APPLICANT stays one).
      await this.municipalities.markApplicant(manager, m.id);
      await this.audit.record(manager, {
        actorUserId: null,
        actorLabel: input.email,
        action: 'joinApplication.submit',
        subjectType: 'joinApplication',
        subjectId: row.id,
        subjectLabel: m.name,
        before: before ? auditView(before) : undefined,
        after: auditView(row),
      });
      const mail = {
        applicantName: row.applicantName,
        department: row.department,
        email: row.email,
        message: row.message,
        municipalityName: m.name,
        municipalityCode: m.code,
        submissions: row.submissions,
      };
      const organisers = await this.repository.organiserEmails(manager);
      await enqueueMails(manager, [
        applicationReceivedMail(mail),
        ...(organisers.length ? [applicationToDecideMail(mail, organisers)] : []),
      ]);
    });
    return true;
  }

  list(actor: Actor | null, statuses?: JoinApplicationStatus[]): Promise<JoinApplicationEntity[]> {
    authorize(actor, 'joinApplication.manage');
    return this.repository.list(statuses);
  }

  private async lockPending(manager: EntityManager, id: string): Promise<JoinApplicationEntity> {
    const a = await this.repository.lockById(manager, id);
    if (!a) throw new NotFoundError('JoinApplication', id);
    if (a.status !== 'PENDING')
      throw new ConflictError(
        `この申込は既に${a.status === 'ADMITTED' ? '承認' : '見送り'}されています。 (already ${a.status.toLowerCase()})`,
        { reason: 'ALREADY_DECIDED', status: a.status },
      );
    return a;
  }

  /** The municipality becomes a member and the applicant is invited as its first officer, in one transaction. */
  async admit(actor: Actor | null, id: string): Promise<JoinApplicationEntity> {
    const staff = authorize(actor, 'joinApplication.manage');
    return this.repository.transaction(async (manager) => {
      const a = await this.lockPending(manager, id);
      const [m] = await this.repository.municipalitiesByIds([a.municipalityId]);
      await this.municipalities.admitInTransaction(manager, staff, m);
      const decided = await this.repository.decide(manager, a.id, {
        status: 'ADMITTED',
        decidedByUserId: staff.userId,
      });
      try {
        await this.invitations.createInTransaction(manager, {
          email: a.email,
          role: 'OFFICER',
          municipalityId: m.id,
          name: a.applicantName,
          invitedByUserId: staff.userId,
          skipDomainCheck: true,
        });
      } catch (e) {
        // The applicant already has an account (e.g. an officer of this municipality from before it left):
        // thrown before anything was written, so the admission goes on; they sign in as they always did.
        if (!(e instanceof ConflictError && e.extensions.field === 'input.email')) throw e;
      }
      await this.audit.record(manager, {
        actorUserId: staff.userId,
        action: 'joinApplication.admit',
        subjectType: 'joinApplication',
        subjectId: a.id,
        subjectLabel: m.name,
        before: auditView(a),
        after: auditView(decided),
      });
      return decided;
    });
  }

  /** Declined with a reason the applicant is mailed; the municipality goes back to its status before. */
  async decline(actor: Actor | null, id: string, reason: string): Promise<JoinApplicationEntity> {
    const staff = authorize(actor, 'joinApplication.manage');
    return this.repository.transaction(async (manager) => {
      const a = await this.lockPending(manager, id);
      const [m] = await this.repository.municipalitiesByIds([a.municipalityId]);
      const decided = await this.repository.decide(manager, a.id, {
        status: 'DECLINED',
        decidedByUserId: staff.userId,
        declineReason: reason,
      });
      await this.repository.restoreMembership(manager, m.id, a.priorMembershipStatus);
      await this.audit.record(manager, {
        actorUserId: staff.userId,
        action: 'joinApplication.decline',
        subjectType: 'joinApplication',
        subjectId: a.id,
        subjectLabel: m.name,
        before: auditView(a),
        after: auditView(decided),
      });
      await enqueueMails(manager, [
        applicationDeclinedMail(
          { applicantName: a.applicantName, email: a.email, municipalityName: m.name },
          reason,
        ),
      ]);
      return decided;
    });
  }
}
