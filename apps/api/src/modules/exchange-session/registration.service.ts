import { Injectable } from '@nestjs/common';
import { capacityAlertLevel } from '@yokoten/case-studies';
import { NotFoundError } from '../../common/app-error';
import { Clock } from '../../common/clock';
import { isUniqueViolation } from '../../database/pg-errors';
import type { Actor } from '../auth/actor';
import { authorize, can } from '../auth/authorization.policy';
import { RegistrationAnswers } from '../questionnaire/registration-answers';
import type { RegisterInput } from './dto/exchange-session.input';
import { ExchangeSessionRepository } from './exchange-session.repository';
import type { LockedSession } from './locked-session';
import { refuse, refuseRegistration, type RegistrationOutcome } from './registration-outcome';
import { RegistrationRepository } from './registration.repository';
import type { RegistrationEntity } from './registration.entity';
import { SessionAccessService } from './session-access.service';
import {
  applicationMail,
  capacityAlertMail,
  confirmationMail,
  registrationCancelledMail,
  waitlistMail,
} from './session-mails';
import { promoteFromWaitlist } from './waitlist-promotion';

/**
 * Members taking part: registering (themself or, within the municipality limit, a colleague), cancelling,
 * and reading their registrations. The seat itself is decided by `session_register` under the session's
 * lock (RegistrationRepository.register); what it decided is a RegistrationOutcome (registration-outcome.ts).
 */
@Injectable()
export class RegistrationService {
  constructor(
    private readonly registrations: RegistrationRepository,
    private readonly sessions: ExchangeSessionRepository,
    private readonly access: SessionAccessService,
    private readonly registrationAnswers: RegistrationAnswers,
    private readonly clock: Clock,
  ) {}

  myRegistrations(actor: Actor | null): Promise<RegistrationEntity[]> {
    const me = authorize(actor, 'user.me');
    return this.sessions.allRegistrationsOfUser(me.userId);
  }

  async getRegistration(actor: Actor | null, id: string): Promise<RegistrationEntity | null> {
    const reg = await this.sessions.findRegistration(id);
    if (!reg) return null;
    return actor && (reg.userId === actor.userId || this.access.canReadPrivate(actor, reg)) ? reg : null;
  }

  /** What an officer registered for their municipality (themself and colleagues), to see and cancel. */
  async municipalityRegistrations(actor: Actor | null, sessionId: string): Promise<RegistrationEntity[]> {
    if (!actor || actor.role !== 'OFFICER' || !actor.municipalityId) return [];
    const regs = await this.sessions.registrationsOfSessions([sessionId]);
    return regs
      .filter((r) => r.municipalityId === actor.municipalityId && r.status !== 'CANCELLED')
      .sort((a, b) => Number(a.arrivalSeq) - Number(b.arrivalSeq));
  }

  /**
   * Registers the caller (or, within the municipality limit, a colleague) in arrival order: the session's
   * row lock serialises registrations, so capacity is never exceeded and the waitlist is FIFO.
   */
  async register(actor: Actor | null, sessionId: string, input?: RegisterInput): Promise<RegistrationEntity> {
    const me = authorize(actor, 'user.me');
    const targetId = input?.userId ?? me.userId;
    // The registrant, the session and whether it asks questions, in one query; checked in the order below.
    const basis = await this.registrations.registrationBasis(targetId, sessionId);
    const target = basis.target;
    if (!target) throw new NotFoundError('User', targetId);
    if (target.role !== 'OFFICER' || !target.municipalityId)
      refuse(
        'input.userId',
        'NOT_AN_OFFICER',
        '会員自治体の職員のみ登録できます。 (only officers of member municipalities register)',
      );
    authorize(actor, 'session.register', { municipalityId: target.municipalityId });
    const municipality = target.municipality;
    if (municipality?.membershipStatus !== 'MEMBER')
      refuse(
        'input.userId',
        'NOT_A_MEMBER',
        `${municipality?.name ?? 'この自治体'} は会員ではないため登録できません。 (not a member)`,
      );
    const preferences = input?.tablePreferences ?? [];
    if (new Set(preferences).size !== preferences.length)
      refuse(
        'input.tablePreferences',
        'UNKNOWN_TABLE',
        'input.tablePreferences: 同じテーブルが重複しています (duplicate table)',
      );

    if (preferences.length) {
      const tableIds = new Set((await this.sessions.tablesBySessionIds([sessionId])).map((t) => t.id));
      const bad = preferences.find((p) => !tableIds.has(p));
      if (bad)
        refuse(
          'input.tablePreferences',
          'UNKNOWN_TABLE',
          `input.tablePreferences: この会のテーブルではありません: ${bad}`,
        );
    }
    // Registration questions (questionnaire module): checked before the seat, stored with it. A session that
    // asks none, registered for without answers, has nothing to check (check would answer null).
    const answers =
      basis.asksQuestions || input?.answers?.length
        ? await this.registrationAnswers.check(sessionId, input?.answers)
        : null;
    let outcome: RegistrationOutcome;
    try {
      outcome = await this.registrations.register(
        {
          session: basis.session,
          sessionId,
          userId: target.id,
          municipalityId: target.municipalityId as string,
          registeredByUserId: me.userId,
          preferences,
          now: this.clock.now(),
        },
        // Queued by the statement that takes the seat: the one for the status it decides.
        (session, checkInCode, position) =>
          target.status === 'ACTIVE' && target.sessionNotices
            ? {
                CONFIRMED: confirmationMail(session, target, checkInCode),
                WAITLISTED: waitlistMail(session, target, position),
                APPLIED: applicationMail(session, target, session.registrationClosesAt),
              }
            : null,
        // Still in the registration's transaction.
        async (locked, reg, confirmed) => {
          if (answers)
            await this.registrationAnswers.save(
              locked.manager,
              { sessionId, userId: target.id, registrationId: reg.id },
              answers,
            );
          if (reg.status === 'CONFIRMED') await alertIfThresholdCrossed(locked, confirmed);
        },
        // When the callback above has work: with answers always, else at the seats where an alert is due.
        // Every other registration commits in its one statement (RegistrationAutocommit migration).
        (capacity) => (answers ? 'always' : capacityAlertSeats(capacity)),
      );
    } catch (e) {
      // The partial unique index decides a race the function's check could not see (e.g. a manual insert).
      if (!isUniqueViolation(e)) throw e;
      outcome = { kind: 'REFUSED', reason: 'ALREADY_REGISTERED' };
    }
    if (outcome.kind === 'REGISTERED') return outcome.registration;
    return refuseRegistration(outcome, {
      actor,
      sessionId,
      targetName: target.name,
      municipalityName: municipality.name,
    });
  }

  /** Cancels a registration; a freed seat goes to the first on the waitlist, who is told. */
  async cancelRegistration(actor: Actor | null, registrationId: string): Promise<RegistrationEntity> {
    const existing = await this.sessions.findRegistration(registrationId);
    if (!existing) throw new NotFoundError('Registration', registrationId);
    authorize(actor, 'registration.cancel', { municipalityId: existing.municipalityId });
    const staff = can(actor, 'session.manage');
    return this.access.locked(existing.sessionId, async (locked) => {
      const s = locked.session;
      const reg = await locked.findRegistration(registrationId);
      if (!reg) throw new NotFoundError('Registration', registrationId);
      if (reg.status === 'CANCELLED')
        refuse(
          'registrationId',
          'ALREADY_CANCELLED',
          'このお申し込みは既にキャンセルされています。 (already cancelled)',
        );
      if (s.status === 'FINISHED' || s.status === 'CANCELLED')
        refuse(
          'registrationId',
          s.status === 'FINISHED' ? 'SESSION_FINISHED' : 'SESSION_CANCELLED',
          `この会は既に${s.status === 'FINISHED' ? '終了' : '中止'}しています`,
        );
      if (!staff && this.clock.now() >= s.registrationClosesAt)
        refuse(
          'registrationId',
          'CANCELLATION_CLOSED',
          '申込期間が終了したため、キャンセルは事務局にご連絡ください。 (The window has closed: ask the organiser)',
        );
      const wasConfirmed = reg.status === 'CONFIRMED';
      const cancelled = await locked.cancel(reg);
      const [u] = await locked.noticeRecipientsByIds([cancelled.userId]);
      if (u) await locked.queueMails([registrationCancelledMail(s, u)]);
      if (wasConfirmed) await promoteFromWaitlist(locked, s, 1);
      return cancelled;
    });
  }
}

/**
 * Tells the organiser when confirmed seats cross 50 %, 80 % or 100 % of capacity, once per threshold:
 * the level is raised and the alert queued in the registration's transaction.
 */
export async function alertIfThresholdCrossed(locked: LockedSession, confirmed: number): Promise<void> {
  const session = locked.session;
  const level = capacityAlertLevel(confirmed, session.capacity);
  if (level === 0 || capacityAlertLevel(confirmed - 1, session.capacity) === level) return;
  if (!(await locked.raiseCapacityAlertLevel(level))) return;
  const organisers = await locked.organiserEmails();
  if (organisers.length)
    await locked.queueMails([
      {
        ...capacityAlertMail(session, organisers, level, confirmed),
        dedupeKey: `capacity:${session.id}:${level}`,
      },
    ]);
}

/** The confirmed counts at which alertIfThresholdCrossed has an alert to consider (the level changes there). */
export function capacityAlertSeats(capacity: number): number[] {
  const seats: number[] = [];
  for (let n = 1; n <= capacity; n += 1) {
    const level = capacityAlertLevel(n, capacity);
    if (level !== 0 && capacityAlertLevel(n - 1, capacity) !== level) seats.push(n);
  }
  return seats;
}
