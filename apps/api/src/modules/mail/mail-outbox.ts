import type { EntityManager } from 'typeorm';
import { UserEntity } from '../auth/user.entity';
import { MailOutboxEntity } from './mail-outbox.entity';
import type { MailMessage } from './mail.service';

export interface QueuedMail extends MailMessage {
  /** Queue this mail at most once while it waits (e.g. `reminder:<registration id>`); a repeat is ignored. */
  dedupeKey?: string;
}

/**
 * Queues rendered mails inside the caller's transaction: if the change that causes them commits, they are
 * durably queued and will be sent; if it rolls back, nothing is queued. One INSERT for all of them.
 */
export async function enqueueMails(manager: EntityManager, mails: readonly QueuedMail[]): Promise<void> {
  if (mails.length === 0) return;
  await manager
    .createQueryBuilder()
    .insert()
    .into(MailOutboxEntity)
    .values(
      mails.map((m) => ({
        kind: m.kind,
        recipients: m.to,
        subject: m.subject,
        text: m.text,
        dedupeKey: m.dedupeKey ?? null,
      })),
    )
    // Only the dedupe key can conflict: a mail already queued under it stays as it is.
    .orIgnore()
    .execute();
}

/** The mail preference a kind of notice obeys (docs/accounts.md "Mail preferences"). */
export type NoticeKind = 'sessionNotices' | 'adoptionNotices' | 'inquiryNotices' | 'watchNotices';

/**
 * The officers of a municipality who are told by mail of `notice` (an adoption, an inquiry …), in address
 * order: ACTIVE accounts that have not turned that kind of mail off.
 */
export function officersOf(
  manager: EntityManager,
  municipalityId: string,
  notice: NoticeKind,
): Promise<Array<Pick<UserEntity, 'id' | 'name' | 'email'>>> {
  return manager.getRepository(UserEntity).find({
    select: { id: true, name: true, email: true },
    where: { municipalityId, role: 'OFFICER', status: 'ACTIVE', [notice]: true },
    order: { email: 'ASC' },
  });
}
