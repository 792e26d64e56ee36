import { Injectable } from '@nestjs/common';
import type { ExchangeSessionStatus } from '@yokoten/case-studies';
import { NotFoundError } from '../../common/app-error';
import { Clock } from '../../common/clock';
import type { Actor } from '../auth/actor';
import { authorize, can } from '../auth/authorization.policy';
import type { ExchangeSessionEntity } from './exchange-session.entity';
import { ExchangeSessionRepository } from './exchange-session.repository';
import type { LockedSession } from './locked-session';
import type { RegistrationEntity } from './registration.entity';

/**
 * Who may see which session and which of its details, and the two ways the organiser's jobs get hold of one:
 * `requireForManagement` (read) and `locked` (under the session's row lock, in a transaction).
 */
@Injectable()
export class SessionAccessService {
  constructor(
    private readonly repository: ExchangeSessionRepository,
    private readonly clock: Clock,
  ) {}

  list(actor: Actor | null, status?: ExchangeSessionStatus, timeframe?: 'UPCOMING' | 'PAST') {
    return this.repository.list({
      statuses: status ? [status] : undefined,
      timeframe,
      includeNonPublic: can(actor, 'session.manage'),
      now: this.clock.now(),
    });
  }

  /** Drafts are the organiser's; everything else is listed publicly. */
  async get(actor: Actor | null, id: string): Promise<ExchangeSessionEntity | null> {
    const session = await this.repository.findById(id);
    if (!session) return null;
    if (session.status === 'DRAFT' && !can(actor, 'session.manage')) return null;
    return session;
  }

  async requireForManagement(actor: Actor | null, id: string): Promise<ExchangeSessionEntity> {
    authorize(actor, 'session.manage');
    const session = await this.repository.findById(id);
    if (!session) throw new NotFoundError('ExchangeSession', id);
    return session;
  }

  /** Runs `work` holding the session's row lock; a session that does not exist is NOT_FOUND. */
  async locked<T>(sessionId: string, work: (locked: LockedSession) => Promise<T>): Promise<T> {
    const result = await this.repository.withSessionLock(sessionId, async (locked) => ({
      value: await work(locked),
    }));
    if (!result) throw new NotFoundError('ExchangeSession', sessionId);
    return result.value;
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

  /** OPEN and within the registration window now. */
  isRegistrationOpen(
    s: Pick<ExchangeSessionEntity, 'status' | 'registrationOpensAt' | 'registrationClosesAt'>,
  ) {
    const now = this.clock.now();
    return s.status === 'OPEN' && now >= s.registrationOpensAt && now < s.registrationClosesAt;
  }
}
