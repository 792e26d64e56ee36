import { Injectable } from '@nestjs/common';
import { REGISTRATION_STATUS_LABELS } from '@yokoten/case-studies';
import { AppError, BadUserInputError, NotFoundError } from '../../common/app-error';
import { Clock } from '../../common/clock';
import type { Actor } from '../auth/actor';
import { authorize } from '../auth/authorization.policy';
import { formatJstCheckInTime, isSessionDayJst, jstDateLabel } from './check-in-day';
import { ExchangeSessionRepository } from './exchange-session.repository';
import { refuse } from './registration-outcome';
import { RegistrationRepository } from './registration.repository';
import type { RegistrationEntity } from './registration.entity';

/** 当日受付 (check-in at the door): by the code a registrant shows, or from the console's per-person button. */
@Injectable()
export class CheckInService {
  constructor(
    private readonly registrations: RegistrationRepository,
    private readonly sessions: ExchangeSessionRepository,
    private readonly clock: Clock,
  ) {}

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
    const reg = await this.registrations.findRegistrationByCode(code);
    if (!reg) refuse('code', 'UNKNOWN_CODE', 'この受付コードは見つかりません (unknown check-in code)');
    return this.checkIn(reg, { byCode: true, allowOtherDay: options.allowOtherDay === true });
  }

  async checkInRegistration(actor: Actor | null, registrationId: string): Promise<RegistrationEntity> {
    authorize(actor, 'session.manage');
    const reg = await this.sessions.findRegistration(registrationId);
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
      refuse(
        'code',
        'NOT_CONFIRMED',
        `参加確定ではないため当日受付できません (${REGISTRATION_STATUS_LABELS[reg.status].ja})`,
      );
    const session = await this.sessions.findById(reg.sessionId);
    if (!session || session.status === 'CANCELLED' || session.status === 'DRAFT')
      throw new BadUserInputError(
        'code',
        'この会では当日受付できません (the session is not taking attendance)',
      );
    if (byCode && reg.checkedInAt) {
      throw new AppError(
        'ALREADY_CHECKED_IN',
        `${formatJstCheckInTime(reg.checkedInAt, this.clock.now())}に当日受付済みです (already checked in)`,
        { field: 'code', checkedInAt: reg.checkedInAt.toISOString(), registrationId: reg.id },
      );
    }
    if (byCode && !allowOtherDay && !isSessionDayJst(session, this.clock.now())) {
      throw new AppError(
        'CHECK_IN_NOT_TODAY',
        `この受付コードは${jstDateLabel(session.startsAt)}の会のものです。当日受付は開催日にだけできます (the code is for a session on another day)`,
        { field: 'code', startsAt: session.startsAt.toISOString(), endsAt: session.endsAt.toISOString() },
      );
    }
    return this.registrations.checkIn(reg.id);
  }
}
