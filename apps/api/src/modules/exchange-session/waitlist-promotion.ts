import type { ExchangeSessionEntity } from './exchange-session.entity';
import type { LockedSession } from './locked-session';
import type { RegistrationEntity } from './registration.entity';
import { promotionMail } from './session-mails';

/**
 * Moves the first `seats` of the waitlist up and queues their mails, in the transaction that moved them:
 * a freed seat (a cancellation) and more capacity (an edit) both go through here.
 */
export async function promoteFromWaitlist(
  locked: LockedSession,
  session: ExchangeSessionEntity,
  seats: number,
): Promise<RegistrationEntity[]> {
  const promoted = await locked.promote(seats);
  if (!promoted.length) return promoted;
  await locked.queueMailsFor(promoted, (r, u) => promotionMail(session, u, r.checkInCode));
  return promoted;
}
