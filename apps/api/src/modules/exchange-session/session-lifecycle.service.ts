import { randomBytes } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { formatNeeds, formatTerm, isTerm, termRange } from '@yokoten/case-studies';
import { BadUserInputError } from '../../common/app-error';
import { Clock } from '../../common/clock';
import type { Actor } from '../auth/actor';
import { authorize } from '../auth/authorization.policy';
import type { CreateExchangeSessionInput, UpdateExchangeSessionInput } from './dto/exchange-session.input';
import type { AgendaItemValue, ExchangeSessionEntity } from './exchange-session.entity';
import { ExchangeSessionRepository } from './exchange-session.repository';
import type { LockedSession } from './locked-session';
import { SessionAccessService } from './session-access.service';
import { sessionChangedMail, sessionChanges } from './session-change-notice';
import { sessionCancelledMail } from './session-mails';
import { drawAndClose } from './session-lottery';
import { promoteFromWaitlist } from './waitlist-promotion';

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

/**
 * The organiser's session from DRAFT to FINISHED or CANCELLED: create, edit (with change notices), open,
 * close (the lottery draw in LOTTERY mode), cancel, finish with the report. Mails are queued in the
 * transaction of the change that causes them (LockedSession.queueMails) and sent by the mail outbox's
 * consumer: a change that rolls back queues nothing, one that commits always has its mails.
 */
@Injectable()
export class SessionLifecycleService {
  private readonly logger = new Logger('ExchangeSession');

  constructor(
    private readonly sessions: ExchangeSessionRepository,
    private readonly access: SessionAccessService,
    private readonly clock: Clock,
  ) {}

  async create(actor: Actor | null, input: CreateExchangeSessionInput): Promise<ExchangeSessionEntity> {
    const me = authorize(actor, 'session.manage');
    validateSchedule(input);
    const { tables, agenda, ...fields } = input;
    return this.sessions.create(
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
    await this.access.requireForManagement(actor, id);
    return this.access.locked(id, async (locked) => {
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
      if (
        saved.capacity > counts.confirmed &&
        counts.waitlisted > 0 &&
        (saved.status === 'OPEN' || saved.status === 'CLOSED')
      )
        await promoteFromWaitlist(locked, saved, saved.capacity - counts.confirmed);
      return saved;
    });
  }

  async openRegistration(actor: Actor | null, id: string): Promise<ExchangeSessionEntity> {
    await this.access.requireForManagement(actor, id);
    return this.access.locked(id, async (locked) => {
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
    await this.access.requireForManagement(actor, id);
    return this.access.locked(id, async (locked) => {
      const s = locked.session;
      if (s.status !== 'OPEN')
        throw new BadUserInputError('sessionId', `申込受付中の会ではありません (status ${s.status})`);
      if (s.allocationMode === 'LOTTERY') {
        const seed = lotterySeed ?? randomBytes(16).toString('hex');
        const { saved, applications, winners } = await drawAndClose(locked, seed, this.clock.now());
        this.logger.log({ msg: 'lottery drawn', sessionId: s.id, seed, applications, winners });
        return saved;
      }
      return locked.save({ status: 'CLOSED' });
    });
  }

  async cancelSession(actor: Actor | null, id: string, reason: string): Promise<ExchangeSessionEntity> {
    await this.access.requireForManagement(actor, id);
    return this.access.locked(id, async (locked) => {
      const s = locked.session;
      if (s.status === 'FINISHED' || s.status === 'CANCELLED')
        throw new BadUserInputError(
          'sessionId',
          `この会は既に${s.status === 'FINISHED' ? '終了' : '中止'}しています`,
        );
      const registrants = await locked.active();
      const saved = await locked.save({
        status: 'CANCELLED',
        cancelledAt: this.clock.now(),
        cancelReason: reason,
        calendarSequence: s.calendarSequence + 1,
      });
      // Everyone registered is told, whatever their status; their registrations stay as they were, for the record.
      await locked.queueMailsFor(registrants, (_r, u) => sessionCancelledMail(saved, u, reason));
      return saved;
    });
  }

  /** One change notice to each live registrant (confirmed, waitlisted, awaiting the lottery), in its transaction. */
  private async queueChangeNotices(
    locked: LockedSession,
    before: ExchangeSessionEntity,
    saved: ExchangeSessionEntity,
  ): Promise<void> {
    await locked.queueMailsFor(await locked.active(), (r, u) => ({
      ...sessionChangedMail(saved, before, u, r.status === 'CONFIRMED'),
      dedupeKey: `changed:${r.id}:${saved.calendarSequence}`,
    }));
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
