import { randomBytes } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import {
  assignTables,
  capacityAlertLevel,
  drawLottery,
  formatNeeds,
  formatTerm,
  isTerm,
  prefectureByCode,
  scoreAssignment,
  REGISTRATION_STATUS_LABELS,
  termRange,
  type ExchangeSessionStatus,
} from '@yokoten/case-studies';
import { AppError, BadUserInputError, NotFoundError } from '../../common/app-error';
import { isUniqueViolation } from '../../database/pg-errors';
import type { Actor } from '../auth/actor';
import { authorize, can } from '../auth/authorization.policy';
import type { UserEntity } from '../auth/user.entity';
import type { MailMessage } from '../mail/mail.service';
import type {
  CreateExchangeSessionInput,
  RegisterInput,
  SessionReportInput,
  UpdateExchangeSessionInput,
} from './dto/exchange-session.input';
import type { AgendaItemValue, ExchangeSessionEntity } from './exchange-session.entity';
import { ExchangeSessionRepository, type LockedSession } from './exchange-session.repository';
import type { RegistrationEntity } from './registration.entity';
import {
  applicationMail,
  capacityAlertMail,
  confirmationMail,
  lotteryWaitlistMail,
  promotionMail,
  registrationCancelledMail,
  reminderMail,
  sessionCancelledMail,
  waitlistMail,
} from './session-mails';
import { formatJstCheckInTime, isSessionDayJst, jstDateLabel } from './check-in-day';
import { csvDateTimeJst, toCsv } from './csv';
import { reportPostedMail, sessionChangedMail, sessionChanges } from './session-change-notice';
import { RegistrationAnswers } from '../questionnaire/registration-answers';

/** A report edited again within this many hours of its last mail to attendees sends no new mail. */
export const REPORT_QUIET_HOURS = 24;

/** Why a registration was refused; clients can branch on `extensions.reason`. */
export type RegistrationRefusal =
  | 'REGISTRATION_NOT_OPEN'
  | 'REGISTRATION_NOT_YET_OPEN'
  | 'REGISTRATION_CLOSED'
  | 'SESSION_CANCELLED'
  | 'SESSION_FINISHED'
  | 'ALREADY_REGISTERED'
  | 'MUNICIPALITY_LIMIT'
  | 'NOT_A_MEMBER'
  | 'NOT_AN_OFFICER'
  | 'UNKNOWN_TABLE'
  | 'CANCELLATION_CLOSED';

function refuse(field: string, reason: RegistrationRefusal, message: string): never {
  throw new BadUserInputError(field, message, { reason });
}

/** The date ranges a session must satisfy, whatever edit produced them. */
function validateSchedule(s: {
  term: string;
  startsAt: Date;
  endsAt: Date;
  registrationOpensAt: Date;
  registrationClosesAt: Date;
}): void {
  if (!isTerm(s.term))
    throw new BadUserInputError('input.term', 'input.term: 2026H1 のような形式で入力してください');
  if (s.endsAt <= s.startsAt)
    throw new BadUserInputError(
      'input.endsAt',
      'input.endsAt: 終了日時は開始日時より後にしてください (must be after startsAt)',
    );
  if (s.registrationClosesAt <= s.registrationOpensAt)
    throw new BadUserInputError(
      'input.registrationClosesAt',
      'input.registrationClosesAt: 申込締切は申込開始より後にしてください (must be after registrationOpensAt)',
    );
  if (s.registrationClosesAt > s.startsAt)
    throw new BadUserInputError(
      'input.registrationClosesAt',
      'input.registrationClosesAt: 申込締切は開催日時までにしてください (must not be after startsAt)',
    );
  const { start, end } = termRange(s.term);
  if (s.startsAt < start || s.startsAt >= end)
    throw new BadUserInputError(
      'input.term',
      `input.term: 開催日時が ${formatTerm(s.term, 'ja')} の期間外です (startsAt is outside the term ${s.term})`,
    );
}

const STATUS_REFUSALS: Partial<Record<ExchangeSessionStatus, [RegistrationRefusal, string]>> = {
  DRAFT: ['REGISTRATION_NOT_OPEN', 'この会はまだ申込受付を開始していません。 (Registration is not open yet)'],
  CLOSED: ['REGISTRATION_CLOSED', 'この会の申込受付は終了しました。 (Registration is closed)'],
  CANCELLED: ['SESSION_CANCELLED', 'この会は開催中止になりました。 (The session was cancelled)'],
  FINISHED: ['SESSION_FINISHED', 'この会は終了しています。 (The session has finished)'],
};

@Injectable()
export class ExchangeSessionService {
  private readonly logger = new Logger('ExchangeSession');
  /** Injected clock, so tests can move time without sleeping. */
  now: () => Date = () => new Date();

  // Mails are queued in the transaction of the change that causes them (LockedSession.queueMails, or the
  // registration's own statement) and sent by the mail outbox's consumer: a change that rolls back queues
  // nothing, one that commits always has its mails.
  constructor(
    private readonly repository: ExchangeSessionRepository,
    private readonly registrationAnswers: RegistrationAnswers,
  ) {}

  // ---------------------------------------------------------------- reading

  list(actor: Actor | null, status?: ExchangeSessionStatus, timeframe?: 'UPCOMING' | 'PAST') {
    return this.repository.list({
      statuses: status ? [status] : undefined,
      timeframe,
      includeNonPublic: can(actor, 'session.manage'),
      now: this.now(),
    });
  }

  /** Drafts are the organiser's; everything else is listed publicly. */
  async get(actor: Actor | null, id: string): Promise<ExchangeSessionEntity | null> {
    const session = await this.repository.findById(id);
    if (!session) return null;
    if (session.status === 'DRAFT' && !can(actor, 'session.manage')) return null;
    return session;
  }

  private async requireForManagement(actor: Actor | null, id: string): Promise<ExchangeSessionEntity> {
    authorize(actor, 'session.manage');
    const session = await this.repository.findById(id);
    if (!session) throw new NotFoundError('ExchangeSession', id);
    return session;
  }

  canManage(actor: Actor | null): boolean {
    return can(actor, 'session.manage');
  }

  /** Venue and meeting URL: the organiser, or someone holding a confirmed seat. */
  canSeeLogistics(actor: Actor | null, mine: RegistrationEntity | null): boolean {
    return can(actor, 'session.readLogistics', {
      municipalityId: actor?.municipalityId ?? '',
      holdsConfirmedSeat: mine?.status === 'CONFIRMED',
    });
  }

  canReadPrivate(actor: Actor | null, reg: RegistrationEntity): boolean {
    return can(actor, 'registration.readPrivate', { municipalityId: reg.municipalityId });
  }

  async registrationsForConsole(actor: Actor | null, sessionId: string): Promise<RegistrationEntity[]> {
    await this.requireForManagement(actor, sessionId);
    return this.repository.registrationsOfSessions([sessionId]);
  }

  /** What an officer registered for their municipality (themself and colleagues), to see and cancel. */
  async municipalityRegistrations(actor: Actor | null, sessionId: string): Promise<RegistrationEntity[]> {
    if (!actor || actor.role !== 'OFFICER' || !actor.municipalityId) return [];
    const regs = await this.repository.registrationsOfSessions([sessionId]);
    return regs
      .filter((r) => r.municipalityId === actor.municipalityId && r.status !== 'CANCELLED')
      .sort((a, b) => Number(a.arrivalSeq) - Number(b.arrivalSeq));
  }

  myRegistrations(actor: Actor | null): Promise<RegistrationEntity[]> {
    const me = authorize(actor, 'user.me');
    return this.repository.allRegistrationsOfUser(me.userId);
  }

  async getRegistration(actor: Actor | null, id: string): Promise<RegistrationEntity | null> {
    const reg = await this.repository.findRegistration(id);
    if (!reg) return null;
    return actor && (reg.userId === actor.userId || this.canReadPrivate(actor, reg)) ? reg : null;
  }

  // ---------------------------------------------------------------- organiser: sessions

  async create(actor: Actor | null, input: CreateExchangeSessionInput): Promise<ExchangeSessionEntity> {
    const me = authorize(actor, 'session.manage');
    validateSchedule(input);
    const { tables, agenda, ...fields } = input;
    return this.repository.create(
      {
        ...fields,
        agenda: (agenda ?? []).map(toAgendaValue),
        status: 'DRAFT',
        allocationMode: input.allocationMode ?? 'FIRST_COME',
        createdByUserId: me.userId,
      },
      tables.map((t) => ({ name: t.name, theme: t.theme ?? '', seats: t.seats })),
    );
  }

  async update(
    actor: Actor | null,
    id: string,
    input: UpdateExchangeSessionInput,
  ): Promise<ExchangeSessionEntity> {
    await this.requireForManagement(actor, id);
    return this.locked(id, async (locked) => {
      const s = locked.session;
      if (s.status === 'FINISHED' || s.status === 'CANCELLED')
        throw new BadUserInputError(
          'id',
          `終了・中止した会は編集できません。 (a ${s.status} session cannot be edited)`,
        );
      const { tables, agenda, ...fields } = input;
      const defined = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
      const next = { ...s, ...defined } as ExchangeSessionEntity;
      validateSchedule(next);
      // Registrants were promised a place to go: an open (or closed) session keeps what its format needs,
      // as openRegistration required. A draft is checked when it opens.
      if (next.status === 'OPEN' || next.status === 'CLOSED') {
        const needs = formatNeeds(next.format);
        if (needs.venue && !next.venue)
          throw new BadUserInputError(
            'input.venue',
            'input.venue: 会場開催・ハイブリッドの会では会場を空にできません (venue is required while registration is open or closed)',
          );
        if (needs.meetingUrl && !next.meetingUrl)
          throw new BadUserInputError(
            'input.meetingUrl',
            'input.meetingUrl: オンライン・ハイブリッドの会では参加URLを空にできません (meetingUrl is required while registration is open or closed)',
          );
      }
      const counts = await locked.counts();
      if (
        input.allocationMode &&
        input.allocationMode !== s.allocationMode &&
        counts.confirmed + counts.waitlisted + counts.applied > 0
      )
        throw new BadUserInputError(
          'input.allocationMode',
          'input.allocationMode: 申込がある会の受付方式は変更できません',
        );
      if (input.capacity !== undefined && input.capacity < counts.confirmed)
        throw new BadUserInputError(
          'input.capacity',
          `input.capacity: 参加確定者（${counts.confirmed}名）より少なくはできません (below the ${counts.confirmed} confirmed)`,
        );
      if (tables) {
        const known = new Set((await locked.tables()).map((t) => t.id));
        const unknown = tables.find((t) => t.id && !known.has(t.id));
        if (unknown)
          throw new BadUserInputError(
            'input.tables',
            `input.tables: この会のテーブルではありません: ${unknown.id}`,
          );
        await locked.replaceTables(
          tables.map((t) => ({ id: t.id, name: t.name, theme: t.theme ?? '', seats: t.seats })),
        );
      }
      // Change notices: registrants are told once of a new time, place, format or meeting URL, and the
      // calendar event gets a higher SEQUENCE (same UID). A draft has no registrants yet.
      const before = { ...s };
      const noticed = (s.status === 'OPEN' || s.status === 'CLOSED') && sessionChanges(s, next).length > 0;
      const saved = await locked.save({
        ...defined,
        ...(agenda ? { agenda: agenda.map(toAgendaValue) } : {}),
        ...(noticed ? { calendarSequence: s.calendarSequence + 1 } : {}),
      });
      if (noticed) await this.queueChangeNotices(locked, before, saved);
      // More seats: the waitlist moves up at once, in order.
      const promoted =
        saved.capacity > counts.confirmed &&
        counts.waitlisted > 0 &&
        (saved.status === 'OPEN' || saved.status === 'CLOSED')
          ? await locked.promote(saved.capacity - counts.confirmed)
          : [];
      await this.queuePromotionMails(locked, saved, promoted);
      return saved;
    });
  }

  async openRegistration(actor: Actor | null, id: string): Promise<ExchangeSessionEntity> {
    await this.requireForManagement(actor, id);
    return this.locked(id, async (locked) => {
      const s = locked.session;
      if (s.status !== 'DRAFT' && s.status !== 'CLOSED')
        throw new BadUserInputError(
          'sessionId',
          `この会は申込受付を開始できる状態ではありません (status ${s.status})`,
        );
      if (s.status === 'CLOSED' && s.lotteryDrawnAt)
        throw new BadUserInputError(
          'sessionId',
          '抽選済みの会は申込受付を再開できません (the lottery has been drawn)',
        );
      const needs = formatNeeds(s.format);
      if (needs.venue && !s.venue)
        throw new BadUserInputError(
          'venue',
          '会場開催・ハイブリッドの会は会場を入力してから申込受付を開始してください (venue is required)',
        );
      if (needs.meetingUrl && !s.meetingUrl)
        throw new BadUserInputError(
          'meetingUrl',
          'オンライン・ハイブリッドの会は参加URLを入力してから申込受付を開始してください (meetingUrl is required)',
        );
      return locked.save({ status: 'OPEN' });
    });
  }

  /** Ends registration; in lottery mode draws every application with a recorded seed. */
  async closeRegistration(
    actor: Actor | null,
    id: string,
    lotterySeed?: string,
  ): Promise<ExchangeSessionEntity> {
    await this.requireForManagement(actor, id);
    return this.locked(id, async (locked) => {
      const s = locked.session;
      if (s.status !== 'OPEN')
        throw new BadUserInputError('sessionId', `申込受付中の会ではありません (status ${s.status})`);
      if (s.allocationMode === 'LOTTERY') {
        const seed = lotterySeed ?? randomBytes(16).toString('hex');
        const applied = await locked.applied();
        const { confirmed } = await locked.counts();
        const { winners, waitlist } = drawLottery(applied, Math.max(0, s.capacity - confirmed), seed);
        await locked.applyDraw(
          winners.map((r) => r.id),
          waitlist.map((r) => r.id),
        );
        const saved = await locked.save({ status: 'CLOSED', lotterySeed: seed, lotteryDrawnAt: this.now() });
        this.logger.log({
          msg: 'lottery drawn',
          sessionId: s.id,
          seed,
          applications: applied.length,
          winners: winners.length,
        });
        // The results go out with the draw: queued in its transaction.
        const users = await this.usersIn(
          locked,
          [...winners, ...waitlist].map((r) => r.userId),
        );
        let position = (await locked.counts()).waitlisted - waitlist.length;
        const mails: MailMessage[] = [];
        for (const reg of winners) {
          const u = users.get(reg.userId);
          if (u) mails.push(confirmationMail(saved, u, reg.checkInCode));
        }
        for (const reg of waitlist) {
          const u = users.get(reg.userId);
          position++;
          if (u) mails.push(lotteryWaitlistMail(saved, u, position));
        }
        await locked.queueMails(mails);
        return saved;
      }
      return locked.save({ status: 'CLOSED' });
    });
  }

  async cancelSession(actor: Actor | null, id: string, reason: string): Promise<ExchangeSessionEntity> {
    await this.requireForManagement(actor, id);
    return this.locked(id, async (locked) => {
      const s = locked.session;
      if (s.status === 'FINISHED' || s.status === 'CANCELLED')
        throw new BadUserInputError(
          'sessionId',
          `この会は既に${s.status === 'FINISHED' ? '終了' : '中止'}しています`,
        );
      const registrants = await locked.active();
      const saved = await locked.save({
        status: 'CANCELLED',
        cancelledAt: this.now(),
        cancelReason: reason,
        calendarSequence: s.calendarSequence + 1,
      });
      // Everyone registered is told, whatever their status; their registrations stay as they were, for the record.
      const users = await this.usersIn(
        locked,
        registrants.map((r) => r.userId),
      );
      await locked.queueMails(
        registrants.flatMap((r) => {
          const u = users.get(r.userId);
          return u ? [sessionCancelledMail(saved, u, reason)] : [];
        }),
      );
      return saved;
    });
  }

  async finish(actor: Actor | null, id: string, report: SessionReportInput): Promise<ExchangeSessionEntity> {
    await this.requireForManagement(actor, id);
    return this.locked(id, async (locked) => {
      const s = locked.session;
      if (s.status === 'CANCELLED' || s.status === 'DRAFT')
        throw new BadUserInputError('sessionId', `この会は終了にできません (status ${s.status})`);
      if (s.startsAt > this.now())
        throw new BadUserInputError(
          'sessionId',
          '開催前の会は終了にできません (the session has not started yet)',
        );
      const confirmed = await locked.confirmed();
      const attended = confirmed.filter((r) => r.checkedInAt !== null);
      const materials = report.materials.map((m) => ({ title: m.title, url: m.url }));
      const reportChanged =
        s.reportMinutes !== report.minutes || JSON.stringify(s.materials) !== JSON.stringify(materials);
      const now = this.now();
      // The report stays editable after FINISHED. Attendees are mailed when it is posted, and when it is
      // edited again after REPORT_QUIET_HOURS since their last mail; edits within that window are silent.
      const notify =
        reportChanged &&
        (!s.reportNotifiedAt ||
          now.getTime() - s.reportNotifiedAt.getTime() >= REPORT_QUIET_HOURS * 3600_000);
      const updated = s.reportNotifiedAt !== null;
      const saved = await locked.save({
        status: 'FINISHED',
        finishedAt: s.finishedAt ?? now,
        reportMinutes: report.minutes,
        reportAttendeeCount: report.attendeeCount ?? attended.length,
        reportMunicipalityCount:
          report.municipalityCount ?? new Set(attended.map((r) => r.municipalityId)).size,
        materials,
        ...(notify ? { reportNotifiedAt: now } : {}),
      });
      if (notify) {
        // Attendees: those checked in; a session with no check-in data counts its confirmed registrants.
        const attendees = attended.length ? attended : confirmed;
        const users = await this.usersIn(
          locked,
          attendees.map((r) => r.userId),
        );
        await locked.queueMails(
          attendees.flatMap((r) => {
            const u = users.get(r.userId);
            return u
              ? [
                  {
                    ...reportPostedMail(saved, u, updated),
                    dedupeKey: `report:${r.id}:${now.toISOString()}`,
                  },
                ]
              : [];
          }),
        );
      }
      return saved;
    });
  }

  // ---------------------------------------------------------------- members: registrations

  /**
   * Registers the caller (or, within the municipality limit, a colleague) in arrival order: the session's
   * row lock serialises registrations, so capacity is never exceeded and the waitlist is FIFO.
   */
  async register(actor: Actor | null, sessionId: string, input?: RegisterInput): Promise<RegistrationEntity> {
    const me = authorize(actor, 'user.me');
    const targetId = input?.userId ?? me.userId;
    const target = await this.repository.findUserWithMunicipality(targetId);
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
      const tableIds = new Set((await this.repository.tablesBySessionIds([sessionId])).map((t) => t.id));
      const bad = preferences.find((p) => !tableIds.has(p));
      if (bad)
        refuse(
          'input.tablePreferences',
          'UNKNOWN_TABLE',
          `input.tablePreferences: この会のテーブルではありません: ${bad}`,
        );
    }
    // Registration questions (questionnaire module): checked before the seat, stored with it.
    const answers = await this.registrationAnswers.check(sessionId, input?.answers);
    let result: Awaited<ReturnType<ExchangeSessionRepository['register']>>;
    try {
      result = await this.repository.register(
        {
          sessionId,
          userId: target.id,
          municipalityId: target.municipalityId as string,
          registeredByUserId: me.userId,
          preferences,
          now: this.now(),
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
          if (reg.status === 'CONFIRMED') await this.alertIfThresholdCrossed(locked, confirmed);
        },
        // When the callback above has work: with answers always, else at the seats where an alert is due.
        // Every other registration commits in its one statement (RegistrationAutocommit migration).
        (capacity) => (answers ? 'always' : capacityAlertSeats(capacity)),
      );
    } catch (e) {
      // The partial unique index decides a race the function's check could not see (e.g. a manual insert).
      if (isUniqueViolation(e))
        refuse(
          'input.userId',
          'ALREADY_REGISTERED',
          `${target.name} さんは既にこの会に登録済みです。 (already registered)`,
        );
      throw e;
    }
    if (result.outcome !== 'OK' || !result.registration)
      this.refuseRegistration(actor, sessionId, result.outcome, target, municipality.name);
    return result.registration;
  }

  private refuseRegistration(
    actor: Actor | null,
    sessionId: string,
    outcome: string,
    target: UserEntity,
    municipalityName: string,
  ): never {
    if (outcome === 'NOT_FOUND' || (outcome === 'STATUS_DRAFT' && !can(actor, 'session.manage')))
      throw new NotFoundError('ExchangeSession', sessionId);
    const byStatus = outcome.startsWith('STATUS_')
      ? STATUS_REFUSALS[outcome.slice('STATUS_'.length) as ExchangeSessionStatus]
      : undefined;
    if (byStatus) refuse('sessionId', byStatus[0], byStatus[1]);
    const refusals: Record<string, [string, RegistrationRefusal, string]> = {
      REGISTRATION_NOT_YET_OPEN: [
        'sessionId',
        'REGISTRATION_NOT_YET_OPEN',
        '申込受付はまだ始まっていません。 (Registration has not opened yet)',
      ],
      REGISTRATION_CLOSED: [
        'sessionId',
        'REGISTRATION_CLOSED',
        '申込期間は終了しました。 (The registration window has closed)',
      ],
      ALREADY_REGISTERED: [
        'input.userId',
        'ALREADY_REGISTERED',
        `${target.name} さんは既にこの会に登録済みです。 (already registered)`,
      ],
      MUNICIPALITY_LIMIT: [
        'input.userId',
        'MUNICIPALITY_LIMIT',
        `${municipalityName} からの申込は上限に達しています。 (the per-municipality limit is reached)`,
      ],
    };
    const known = refusals[outcome];
    if (!known) throw new Error(`unexpected registration outcome ${outcome}`);
    refuse(...known);
  }

  /** Cancels a registration; a freed seat goes to the first on the waitlist, who is told. */
  async cancelRegistration(actor: Actor | null, registrationId: string): Promise<RegistrationEntity> {
    const existing = await this.repository.findRegistration(registrationId);
    if (!existing) throw new NotFoundError('Registration', registrationId);
    authorize(actor, 'registration.cancel', { municipalityId: existing.municipalityId });
    const staff = can(actor, 'session.manage');
    return this.locked(existing.sessionId, async (locked) => {
      const s = locked.session;
      const reg = await locked.findRegistration(registrationId);
      if (!reg) throw new NotFoundError('Registration', registrationId);
      if (reg.status === 'CANCELLED')
        throw new BadUserInputError(
          'registrationId',
          'このお申し込みは既にキャンセルされています。 (already cancelled)',
          {
            reason: 'ALREADY_CANCELLED',
          },
        );
      if (s.status === 'FINISHED' || s.status === 'CANCELLED')
        refuse(
          'registrationId',
          s.status === 'FINISHED' ? 'SESSION_FINISHED' : 'SESSION_CANCELLED',
          `この会は既に${s.status === 'FINISHED' ? '終了' : '中止'}しています`,
        );
      if (!staff && this.now() >= s.registrationClosesAt)
        refuse(
          'registrationId',
          'CANCELLATION_CLOSED',
          '申込期間が終了したため、キャンセルは事務局にご連絡ください。 (The window has closed: ask the organiser)',
        );
      const wasConfirmed = reg.status === 'CONFIRMED';
      const cancelled = await locked.cancel(reg);
      const promoted = wasConfirmed ? await locked.promote(1) : [];
      const [u] = await locked.noticeRecipientsByIds([cancelled.userId]);
      if (u) await locked.queueMails([registrationCancelledMail(s, u)]);
      await this.queuePromotionMails(locked, s, promoted);
      return cancelled;
    });
  }

  /** One change notice to each live registrant (confirmed, waitlisted, awaiting the lottery), in its transaction. */
  private async queueChangeNotices(
    locked: LockedSession,
    before: ExchangeSessionEntity,
    saved: ExchangeSessionEntity,
  ): Promise<void> {
    const registrants = await locked.active();
    const users = await this.usersIn(
      locked,
      registrants.map((r) => r.userId),
    );
    await locked.queueMails(
      registrants.flatMap((r) => {
        const u = users.get(r.userId);
        return u
          ? [
              {
                ...sessionChangedMail(saved, before, u, r.status === 'CONFIRMED'),
                dedupeKey: `changed:${r.id}:${saved.calendarSequence}`,
              },
            ]
          : [];
      }),
    );
  }

  /** Queues the mail of everyone moved up from the waitlist, in the transaction that moved them. */
  private async queuePromotionMails(
    locked: LockedSession,
    session: ExchangeSessionEntity,
    promoted: RegistrationEntity[],
  ): Promise<void> {
    if (!promoted.length) return;
    const users = await this.usersIn(
      locked,
      promoted.map((r) => r.userId),
    );
    await locked.queueMails(
      promoted.flatMap((r) => {
        const u = users.get(r.userId);
        return u ? [promotionMail(session, u, r.checkInCode)] : [];
      }),
    );
  }

  /**
   * Tells the organiser when confirmed seats cross 50 %, 80 % or 100 % of capacity, once per threshold:
   * the level is raised and the alert queued in the registration's transaction.
   */
  private async alertIfThresholdCrossed(locked: LockedSession, confirmed: number): Promise<void> {
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

  // ---------------------------------------------------------------- tables

  async assignTables(actor: Actor | null, sessionId: string) {
    await this.requireForManagement(actor, sessionId);
    return this.locked(sessionId, async (locked) => {
      const [tables, confirmed] = await Promise.all([locked.tables(), locked.confirmed()]);
      if (!tables.length)
        throw new BadUserInputError(
          'sessionId',
          'この会にはテーブルがありません (the session has no tables)',
        );
      const result = assignTables(
        tables.map((t) => ({ id: t.id, seats: t.seats })),
        confirmed.map((r) => ({
          id: r.id,
          municipalityId: r.municipalityId,
          preferences: r.tablePreferences,
        })),
      );
      await locked.setAssignments(
        result.assignments.map((a) => ({ registrationId: a.participantId, tableId: a.tableId })),
      );
      this.logger.log({ msg: 'tables assigned', sessionId, ...result.score });
      return { score: result.score, registrations: await locked.confirmed() };
    });
  }

  async tableScore(actor: Actor | null, sessionId: string) {
    await this.requireForManagement(actor, sessionId);
    const [tables, regs] = await Promise.all([
      this.repository.tablesBySessionIds([sessionId]),
      this.repository.confirmedOf(sessionId),
    ]);
    return scoreAssignment(
      tables,
      regs.map((r) => ({ id: r.id, municipalityId: r.municipalityId, preferences: r.tablePreferences })),
      regs.map((r) => ({ participantId: r.id, tableId: r.assignedTableId })),
    );
  }

  /** The organiser seats someone by hand; a full table refuses. */
  async setTableAssignment(actor: Actor | null, registrationId: string, tableId: string | null) {
    authorize(actor, 'session.manage');
    const existing = await this.repository.findRegistration(registrationId);
    if (!existing) throw new NotFoundError('Registration', registrationId);
    return this.locked(existing.sessionId, async (locked) => {
      const reg = await locked.findRegistration(registrationId);
      if (!reg) throw new NotFoundError('Registration', registrationId);
      if (reg.status !== 'CONFIRMED')
        throw new BadUserInputError(
          'registrationId',
          '参加確定者のみテーブルに割り当てられます (only confirmed registrants sit at tables)',
        );
      if (tableId) {
        const table = (await locked.tables()).find((t) => t.id === tableId);
        if (!table)
          throw new BadUserInputError(
            'tableId',
            'tableId: この会のテーブルではありません (not a table of this session)',
          );
        if (reg.assignedTableId !== tableId && (await locked.seatedAt(tableId)) >= table.seats)
          throw new BadUserInputError(
            'tableId',
            `${table.name} は満席です (the table is full: ${table.seats} seats)`,
          );
      }
      await locked.setAssignments([{ registrationId, tableId }]);
      return (await locked.findRegistration(registrationId)) as RegistrationEntity;
    });
  }

  // ---------------------------------------------------------------- attendance

  /**
   * 当日受付 by the code a registrant shows: only on the session's day (JST, any day of a multi-day session)
   * unless the organiser says `allowOtherDay`; a code checked in before is ALREADY_CHECKED_IN with its time,
   * so the desk does not tell a second person with the same code that all is well.
   */
  async checkInByCode(
    actor: Actor | null,
    code: string,
    options: { allowOtherDay?: boolean | null } = {},
  ): Promise<RegistrationEntity> {
    authorize(actor, 'session.manage');
    const reg = await this.repository.findRegistrationByCode(code);
    if (!reg)
      throw new BadUserInputError('code', 'この受付コードは見つかりません (unknown check-in code)', {
        reason: 'UNKNOWN_CODE',
      });
    return this.checkIn(reg, { byCode: true, allowOtherDay: options.allowOtherDay === true });
  }

  async checkInRegistration(actor: Actor | null, registrationId: string): Promise<RegistrationEntity> {
    authorize(actor, 'session.manage');
    const reg = await this.repository.findRegistration(registrationId);
    if (!reg) throw new NotFoundError('Registration', registrationId);
    return this.checkIn(reg);
  }

  /**
   * `byCode`: the desk typed or scanned a code (a repeat is reported, and the day is checked unless
   * `allowOtherDay`); the console's per-person button is itself a deliberate act and stays idempotent.
   */
  private async checkIn(
    reg: RegistrationEntity,
    { byCode = false, allowOtherDay = false }: { byCode?: boolean; allowOtherDay?: boolean } = {},
  ): Promise<RegistrationEntity> {
    if (reg.status !== 'CONFIRMED')
      throw new BadUserInputError(
        'code',
        `参加確定ではないため当日受付できません (${REGISTRATION_STATUS_LABELS[reg.status].ja})`,
        {
          reason: 'NOT_CONFIRMED',
        },
      );
    const session = await this.repository.findById(reg.sessionId);
    if (!session || session.status === 'CANCELLED' || session.status === 'DRAFT')
      throw new BadUserInputError(
        'code',
        'この会では当日受付できません (the session is not taking attendance)',
      );
    if (byCode && reg.checkedInAt) {
      throw new AppError(
        'ALREADY_CHECKED_IN',
        `${formatJstCheckInTime(reg.checkedInAt, this.now())}に当日受付済みです (already checked in)`,
        { field: 'code', checkedInAt: reg.checkedInAt.toISOString(), registrationId: reg.id },
      );
    }
    if (byCode && !allowOtherDay && !isSessionDayJst(session, this.now())) {
      throw new AppError(
        'CHECK_IN_NOT_TODAY',
        `この受付コードは${jstDateLabel(session.startsAt)}の会のものです。当日受付は開催日にだけできます (the code is for a session on another day)`,
        { field: 'code', startsAt: session.startsAt.toISOString(), endsAt: session.endsAt.toISOString() },
      );
    }
    return this.repository.checkIn(reg.id);
  }

  // ---------------------------------------------------------------- console

  async countsByPrefecture(actor: Actor | null, sessionId: string) {
    await this.requireForManagement(actor, sessionId);
    const rows = await this.repository.countsByPrefecture(sessionId);
    return rows.map((r) => ({
      ...r,
      prefectureName: prefectureByCode(r.prefectureCode)?.name ?? r.prefectureCode,
    }));
  }

  /** Excel-friendly CSV: UTF-8 with a BOM, CRLF, Japanese headers. */
  async registrationsCsv(actor: Actor | null, sessionId: string): Promise<{ filename: string; csv: string }> {
    const session = await this.requireForManagement(actor, sessionId);
    const rows = await this.repository.exportRows(sessionId);
    const time = (d: Date | null) => (d ? csvDateTimeJst(d) : '');
    const csv = toCsv(
      [
        '状態',
        'キャンセル待ち順',
        '申込順',
        '氏名',
        'メールアドレス',
        '団体コード',
        '自治体',
        '都道府県',
        'テーブル',
        '希望テーブル',
        '当日受付',
        '申込日時',
        'キャンセル日時',
      ],
      rows.map((r) => [
        REGISTRATION_STATUS_LABELS[r.status].ja,
        r.waitlistPosition ?? '',
        r.arrivalSeq,
        r.name,
        r.email,
        r.municipalityCode,
        r.municipalityName,
        prefectureByCode(r.prefectureCode)?.name ?? r.prefectureCode,
        r.tableName ?? '',
        r.preferences.join(' > '),
        time(r.checkedInAt),
        time(r.registeredAt),
        time(r.cancelledAt),
      ]),
    );
    return { filename: `registrations-${session.term}-${session.id.slice(0, 8)}.csv`, csv };
  }

  // ---------------------------------------------------------------- reminders

  /**
   * Queues the reminder of every session starting within `hoursBefore` hours, once per session: the
   * session is claimed (reminder_sent_at) and its reminders queued in one transaction, so concurrent runs
   * and restarts never send twice and a crash never loses them. Called every minute in-process.
   */
  async sendDueReminders(hoursBefore = 24): Promise<number> {
    const now = this.now();
    let queued = 0;
    const counts: Array<{ sessionId: string; count: number }> = [];
    await this.repository.claimDueReminders(
      now,
      new Date(now.getTime() + hoursBefore * 3600_000),
      async (locked) => {
        const session = locked.session;
        const regs = await locked.confirmed();
        const users = await this.usersIn(
          locked,
          regs.map((r) => r.userId),
        );
        const mails = regs.flatMap((r) => {
          const u = users.get(r.userId);
          return u ? [{ ...reminderMail(session, u, r.checkInCode), dedupeKey: `reminder:${r.id}` }] : [];
        });
        await locked.queueMails(mails);
        queued += mails.length;
        counts.push({ sessionId: session.id, count: mails.length });
      },
    );
    for (const c of counts) this.logger.log({ msg: 'reminders queued', ...c });
    return queued;
  }

  // ---------------------------------------------------------------- helpers

  private async locked<T>(sessionId: string, work: (locked: LockedSession) => Promise<T>): Promise<T> {
    const result = await this.repository.withSessionLock(sessionId, async (locked) => ({
      value: await work(locked),
    }));
    if (!result) throw new NotFoundError('ExchangeSession', sessionId);
    return result.value;
  }

  private async usersIn(locked: LockedSession, ids: string[]): Promise<Map<string, UserEntity>> {
    // Only those who get session mail: active, session notices on.
    const users = await locked.noticeRecipientsByIds(ids);
    return new Map(users.map((u) => [u.id, u]));
  }
}

function toAgendaValue(a: {
  kind: AgendaItemValue['kind'];
  title: string;
  speaker?: string | null;
  affiliation?: string | null;
  startsAt?: Date | null;
  durationMinutes?: number | null;
  caseStudyId?: string | null;
}): AgendaItemValue {
  return {
    kind: a.kind,
    title: a.title,
    speaker: a.speaker ?? null,
    affiliation: a.affiliation ?? null,
    startsAt: a.startsAt ? a.startsAt.toISOString() : null,
    durationMinutes: a.durationMinutes ?? null,
    caseStudyId: a.caseStudyId ?? null,
  };
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
