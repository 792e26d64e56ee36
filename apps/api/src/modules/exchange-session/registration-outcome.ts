import {
  isExchangeSessionStatus,
  type ExchangeSessionStatus,
  type SessionRefusal,
} from '@yokoten/case-studies';
import { BadUserInputError, NotFoundError } from '../../common/app-error';
import type { Actor } from '../auth/actor';
import { can } from '../auth/authorization.policy';
import type { RegistrationEntity } from './registration.entity';

/**
 * What a registration came to: the seat decision of the PostgreSQL function `session_register` (migration
 * `RegistrationFunction`, and `session_register_autocommit`), read into one type. The function's `outcome`
 * strings are matched here and nowhere else; the refusals it decides under the lock are codes of the shared
 * list (`SESSION_REFUSALS` of @yokoten/case-studies) the web words.
 */
export type RegistrationOutcome =
  | { kind: 'REGISTERED'; registration: RegistrationEntity }
  | { kind: 'NO_SESSION' }
  | { kind: 'NOT_OPEN'; status: Exclude<ExchangeSessionStatus, 'OPEN'> }
  | { kind: 'REFUSED'; reason: LockedRefusal };

export type RegistrationRefused = Exclude<RegistrationOutcome, { kind: 'REGISTERED' }>;

/** The refusals the function decides while it holds the session's lock. */
const LOCKED_REFUSALS = [
  'REGISTRATION_NOT_YET_OPEN',
  'REGISTRATION_CLOSED',
  'ALREADY_REGISTERED',
  'MUNICIPALITY_LIMIT',
] as const satisfies readonly SessionRefusal[];
type LockedRefusal = (typeof LOCKED_REFUSALS)[number];

/** The function's `outcome` column when it is not OK: NOT_FOUND, STATUS_<status>, or a refusal code. */
export function refusedOutcome(outcome: string): RegistrationRefused {
  if (outcome === 'NOT_FOUND') return { kind: 'NO_SESSION' };
  const status = outcome.startsWith('STATUS_') ? outcome.slice('STATUS_'.length) : null;
  if (isExchangeSessionStatus(status) && status !== 'OPEN') return { kind: 'NOT_OPEN', status };
  const reason = LOCKED_REFUSALS.find((r) => r === outcome);
  if (reason) return { kind: 'REFUSED', reason };
  throw new Error(`unexpected registration outcome ${outcome}`);
}

/** A refusal a client can branch on: BAD_USER_INPUT naming the field, with `extensions.reason`. */
export function refuse(field: string, reason: SessionRefusal, message: string): never {
  throw new BadUserInputError(field, message, { reason });
}

const STATUS_REFUSALS: Record<Exclude<ExchangeSessionStatus, 'OPEN'>, [SessionRefusal, string]> = {
  DRAFT: ['REGISTRATION_NOT_OPEN', 'この会はまだ申込受付を開始していません。 (Registration is not open yet)'],
  CLOSED: ['REGISTRATION_CLOSED', 'この会の申込受付は終了しました。 (Registration is closed)'],
  CANCELLED: ['SESSION_CANCELLED', 'この会は開催中止になりました。 (The session was cancelled)'],
  FINISHED: ['SESSION_FINISHED', 'この会は終了しています。 (The session has finished)'],
};

/**
 * The error for a registration that was not made. A draft is not found for anyone but the organiser, as
 * reading it would be.
 */
export function refuseRegistration(
  outcome: RegistrationRefused,
  c: { actor: Actor | null; sessionId: string; targetName: string; municipalityName: string },
): never {
  switch (outcome.kind) {
    case 'NO_SESSION':
      throw new NotFoundError('ExchangeSession', c.sessionId);
    case 'NOT_OPEN':
      if (outcome.status === 'DRAFT' && !can(c.actor, 'session.manage'))
        throw new NotFoundError('ExchangeSession', c.sessionId);
      return refuse('sessionId', ...STATUS_REFUSALS[outcome.status]);
    case 'REFUSED':
      switch (outcome.reason) {
        case 'REGISTRATION_NOT_YET_OPEN':
          return refuse(
            'sessionId',
            outcome.reason,
            '申込受付はまだ始まっていません。 (Registration has not opened yet)',
          );
        case 'REGISTRATION_CLOSED':
          return refuse(
            'sessionId',
            outcome.reason,
            '申込期間は終了しました。 (The registration window has closed)',
          );
        case 'ALREADY_REGISTERED':
          return refuse(
            'input.userId',
            outcome.reason,
            `${c.targetName} さんは既にこの会に登録済みです。 (already registered)`,
          );
        case 'MUNICIPALITY_LIMIT':
          return refuse(
            'input.userId',
            outcome.reason,
            `${c.municipalityName} からの申込は上限に達しています。 (the per-municipality limit is reached)`,
          );
      }
  }
}
