import { drawLottery } from '@yokoten/case-studies';
import type { ExchangeSessionEntity } from './exchange-session.entity';
import type { LockedSession } from './locked-session';
import { confirmationMail, lotteryWaitlistMail } from './session-mails';

/**
 * The lottery (抽選) at the close of a LOTTERY session, under its row lock: every application is drawn with
 * `seed` (recorded, so the draw can be repeated and checked), winners are CONFIRMED up to the free seats and
 * the others WAITLISTED in drawn order; the session is CLOSED and the results are queued in the same
 * transaction.
 */
export async function drawAndClose(
  locked: LockedSession,
  seed: string,
  drawnAt: Date,
): Promise<{ saved: ExchangeSessionEntity; applications: number; winners: number }> {
  const s = locked.session;
  const applied = await locked.applied();
  const { confirmed } = await locked.counts();
  const { winners, waitlist } = drawLottery(applied, Math.max(0, s.capacity - confirmed), seed);
  await locked.applyDraw(
    winners.map((r) => r.id),
    waitlist.map((r) => r.id),
  );
  const saved = await locked.save({
    status: 'CLOSED',
    lotterySeed: seed,
    lotteryDrawnAt: drawnAt,
  });
  // The results go out with the draw: queued in its transaction.
  // Winners first, then the waitlist with its positions (after any waitlist there was before the draw).
  const before = (await locked.counts()).waitlisted - waitlist.length;
  const position = new Map(waitlist.map((r, i) => [r.id, before + i + 1]));
  await locked.queueMailsFor([...winners, ...waitlist], (r, u) => {
    const at = position.get(r.id);
    return at === undefined ? confirmationMail(saved, u, r.checkInCode) : lotteryWaitlistMail(saved, u, at);
  });
  return { saved, applications: applied.length, winners: winners.length };
}
