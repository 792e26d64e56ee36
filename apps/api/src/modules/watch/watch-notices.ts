import type { EntityManager } from 'typeorm';
import type { MembershipStatus, Role, Visibility } from '@yokoten/case-studies';
import { can } from '../auth/authorization.policy';
import { actorOf } from '../auth/auth.service';
import type { UserLocale } from '../auth/user.entity';
import { MailOutboxEntity } from '../mail/mail-outbox.entity';
import { watchMail, type WatchEvent } from './watch-mails';

/**
 * An update's mail waits this long, and later saves of the same case within it join the waiting mail (its
 * dedupe key is per case and watcher): an officer who fixes three typos in a row sends one notice, not three.
 */
export const UPDATE_NOTICE_DELAY_SECONDS = 600;

interface WatcherRow {
  id: string;
  email: string;
  role: Role;
  locale: UserLocale;
  municipality_id: string | null;
  membership_status: MembershipStatus | null;
}

/**
 * Queues the mails to the watchers of a case, inside the transaction of the change that causes them (a
 * published update, an adoption, a public FAQ), so they go out if, and only if, it commits. Only ACTIVE
 * accounts with watch notices on, never the user who made the change, and only watchers who may still read
 * the case (and, for a FAQ, the network's public FAQs): a watcher whose municipality left gets nothing about
 * a members-only case. One mail per watcher, in their language.
 */
export async function queueWatchNotices(
  manager: EntityManager,
  caseStudyId: string,
  causedByUserId: string | null,
  event: WatchEvent,
): Promise<number> {
  const watchers = (await manager.query(
    `SELECT u.id, u.email, u.role, u.locale, u.municipality_id, m.membership_status
       FROM case_watches w
       JOIN users u ON u.id = w.user_id
       LEFT JOIN municipalities m ON m.id = u.municipality_id
      WHERE w.case_study_id = $1 AND u.status = 'ACTIVE' AND u.watch_notices
        AND ($2::uuid IS NULL OR u.id <> $2::uuid)
      ORDER BY u.email`,
    [caseStudyId, causedByUserId],
  )) as WatcherRow[];
  if (watchers.length === 0) return 0;
  const [c] = (await manager.query(`SELECT title, status, visibility FROM case_studies WHERE id = $1`, [
    caseStudyId,
  ])) as Array<{ title: string; status: string; visibility: Visibility }>;
  if (!c || c.status !== 'PUBLISHED') return 0;
  const readers = watchers.filter((w) => {
    const actor = actorOf({
      id: w.id,
      role: w.role,
      municipalityId: w.municipality_id,
      membershipStatus: w.membership_status,
    });
    if (c.visibility === 'MEMBERS' && !can(actor, 'caseStudy.readMembersOnly')) return false;
    return event.kind !== 'faq' || can(actor, 'inquiry.readPublic');
  });
  if (readers.length === 0) return 0;
  const delayed = event.kind === 'updated';
  const eventKey =
    event.kind === 'updated'
      ? 'updated'
      : event.kind === 'faq'
        ? `faq:${event.inquiryId}`
        : `adopted:${event.followerName}:${event.status}`;
  await manager
    .createQueryBuilder()
    .insert()
    .into(MailOutboxEntity)
    .values(
      readers.map((w) => {
        const mail = watchMail(w.email, w.locale, { caseId: caseStudyId, caseTitle: c.title, event });
        return {
          kind: mail.kind,
          recipients: mail.to,
          subject: mail.subject,
          text: mail.text,
          dedupeKey: `watch:${caseStudyId}:${eventKey}:${w.id}`.slice(0, 200),
          ...(delayed
            ? { availableAt: () => `now() + interval '${UPDATE_NOTICE_DELAY_SECONDS} seconds'` }
            : {}),
        };
      }),
    )
    // A mail already waiting under the same key (an update within the delay) stays as it is.
    .orIgnore()
    .execute();
  return readers.length;
}
