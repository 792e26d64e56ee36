import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type EntityManager } from 'typeorm';
import type { CaseSearchFilter, MembershipStatus, Role } from '@yokoten/case-studies';
import type { UserLocale } from '../auth/user.entity';
import { enqueueMails, type QueuedMail } from '../mail/mail-outbox';
import { enqueueIndexUpdate } from '../../search/search-outbox';
import { CaseHelpfulVoteEntity, CaseWatchEntity, SavedSearchEntity } from './watch.entity';

/** How long a worker holds a digest it claimed (the search and the queueing take well under a second). */
export const DIGEST_LEASE_SECONDS = 300;

/** A claimed digest: the saved search, its owner and the lease that must still be ours to finish it. */
export interface ClaimedDigest {
  id: string;
  name: string;
  query: string;
  filter: CaseSearchFilter;
  lastDigestAt: Date;
  lockedUntil: Date;
  user: {
    id: string;
    email: string;
    role: Role;
    locale: UserLocale;
    status: string;
    watchNotices: boolean;
    municipalityId: string | null;
    membershipStatus: MembershipStatus | null;
  };
}

/** TypeORM hands back `[rows, affected]` for an UPDATE … RETURNING, plain rows for a SELECT. */
function returnedRows<T>(result: unknown): T[] {
  if (
    Array.isArray(result) &&
    result.length === 2 &&
    Array.isArray(result[0]) &&
    typeof result[1] === 'number'
  )
    return result[0] as T[];
  return result as T[];
}

/** The only code that touches case_watches, case_helpful_votes and saved_searches. */
@Injectable()
export class WatchRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  // ---- watches ----------------------------------------------------------------------------------

  async watch(userId: string, caseStudyId: string): Promise<void> {
    await this.dataSource
      .createQueryBuilder()
      .insert()
      .into(CaseWatchEntity)
      .values({ userId, caseStudyId })
      .orIgnore()
      .execute();
  }

  async unwatch(userId: string, caseStudyId: string): Promise<boolean> {
    const result = await this.dataSource.getRepository(CaseWatchEntity).delete({ userId, caseStudyId });
    return (result.affected ?? 0) > 0;
  }

  countWatches(userId: string): Promise<number> {
    return this.dataSource.getRepository(CaseWatchEntity).count({ where: { userId } });
  }

  /** A user's watches, newest first. */
  watchesOf(userId: string, limit: number): Promise<CaseWatchEntity[]> {
    return this.dataSource.getRepository(CaseWatchEntity).find({
      where: { userId },
      order: { createdAt: 'DESC', caseStudyId: 'ASC' },
      take: limit,
    });
  }

  /** Which of these cases the user watches (one query for a page of cases). */
  async watchedAmong(userId: string, caseIds: readonly string[]): Promise<Set<string>> {
    if (caseIds.length === 0) return new Set();
    const rows = await this.dataSource.getRepository(CaseWatchEntity).find({
      select: { caseStudyId: true },
      where: { userId, caseStudyId: In([...caseIds]) },
    });
    return new Set(rows.map((r) => r.caseStudyId));
  }

  // ---- 参考になった ---------------------------------------------------------------------------------

  /**
   * Marks or unmarks a case as helpful for a user, and queues the case's search-index update (the count
   * sorts results) in the same transaction. Returns whether anything changed.
   */
  setHelpful(userId: string, caseStudyId: string, helpful: boolean): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      let changed: boolean;
      if (helpful) {
        const result = (await manager.query(
          `INSERT INTO case_helpful_votes (case_study_id, user_id) VALUES ($1, $2)
           ON CONFLICT DO NOTHING RETURNING case_study_id`,
          [caseStudyId, userId],
        )) as unknown[];
        changed = result.length > 0;
      } else {
        const result = await manager.getRepository(CaseHelpfulVoteEntity).delete({ userId, caseStudyId });
        changed = (result.affected ?? 0) > 0;
      }
      if (changed) await enqueueIndexUpdate(manager, 'case_study', caseStudyId);
      return changed;
    });
  }

  async helpfulCounts(caseIds: readonly string[]): Promise<Map<string, number>> {
    if (caseIds.length === 0) return new Map();
    const rows = (await this.dataSource.query(
      `SELECT case_study_id AS id, count(*)::int AS n FROM case_helpful_votes
        WHERE case_study_id = ANY($1::uuid[]) GROUP BY case_study_id`,
      [caseIds],
    )) as Array<{ id: string; n: number }>;
    return new Map(rows.map((r) => [r.id, r.n]));
  }

  async helpfulAmong(userId: string, caseIds: readonly string[]): Promise<Set<string>> {
    if (caseIds.length === 0) return new Set();
    const rows = await this.dataSource.getRepository(CaseHelpfulVoteEntity).find({
      select: { caseStudyId: true },
      where: { userId, caseStudyId: In([...caseIds]) },
    });
    return new Set(rows.map((r) => r.caseStudyId));
  }

  // ---- saved searches ---------------------------------------------------------------------------

  countSavedSearches(userId: string): Promise<number> {
    return this.dataSource.getRepository(SavedSearchEntity).count({ where: { userId } });
  }

  createSavedSearch(values: Omit<SavedSearchEntity, 'id' | 'createdAt' | 'user' | 'digestLockedUntil'>) {
    const repo = this.dataSource.getRepository(SavedSearchEntity);
    return repo.save(repo.create({ ...values, digestLockedUntil: null }));
  }

  savedSearchesOf(userId: string): Promise<SavedSearchEntity[]> {
    return this.dataSource.getRepository(SavedSearchEntity).find({
      where: { userId },
      order: { createdAt: 'DESC', id: 'ASC' },
    });
  }

  async deleteSavedSearch(userId: string, id: string): Promise<boolean> {
    const result = await this.dataSource.getRepository(SavedSearchEntity).delete({ id, userId });
    return (result.affected ?? 0) > 0;
  }

  async setDigestEnabled(userId: string, id: string, enabled: boolean): Promise<SavedSearchEntity | null> {
    const repo = this.dataSource.getRepository(SavedSearchEntity);
    const row = await repo.findOne({ where: { id, userId } });
    if (!row) return null;
    row.digestEnabled = enabled;
    return repo.save(row);
  }

  /**
   * Claims up to `limit` saved searches whose digest is due at `now`: one short statement that sets a lease
   * (`FOR UPDATE SKIP LOCKED` inside, so two workers claiming at once take different rows, and a row whose
   * lease runs is nobody else's until it expires) and commits before any search runs.
   */
  async claimDueDigests(now: Date, limit: number): Promise<ClaimedDigest[]> {
    const rows = returnedRows<{
      id: string;
      name: string;
      query: string;
      filter: CaseSearchFilter;
      last_digest_at: Date;
      digest_locked_until: Date;
      user_id: string;
    }>(
      await this.dataSource.query(
        `WITH due AS (
         SELECT id FROM saved_searches
          WHERE digest_enabled AND next_digest_at <= $1
            AND (digest_locked_until IS NULL OR digest_locked_until < now())
          ORDER BY next_digest_at
          LIMIT $2
          FOR UPDATE SKIP LOCKED
       )
       UPDATE saved_searches s
          -- Whole milliseconds: the lease is compared with the JavaScript Date the claim hands back.
          SET digest_locked_until = date_trunc('milliseconds', now()) + make_interval(secs => $3)
         FROM due
        WHERE s.id = due.id
       RETURNING s.id, s.name, s.query, s.filter, s.last_digest_at, s.digest_locked_until, s.user_id`,
        [now, limit, DIGEST_LEASE_SECONDS],
      ),
    );
    if (rows.length === 0) return [];
    const users = (await this.dataSource.query(
      `SELECT u.id, u.email, u.role, u.locale, u.status, u.watch_notices, u.municipality_id,
              m.membership_status
         FROM users u LEFT JOIN municipalities m ON m.id = u.municipality_id
        WHERE u.id = ANY($1::uuid[])`,
      [[...new Set(rows.map((r) => r.user_id))]],
    )) as Array<{
      id: string;
      email: string;
      role: Role;
      locale: UserLocale;
      status: string;
      watch_notices: boolean;
      municipality_id: string | null;
      membership_status: MembershipStatus | null;
    }>;
    const byId = new Map(users.map((u) => [u.id, u]));
    return rows.flatMap((r) => {
      const u = byId.get(r.user_id);
      if (!u) return [];
      return [
        {
          id: r.id,
          name: r.name,
          query: r.query,
          filter: r.filter,
          lastDigestAt: new Date(r.last_digest_at),
          lockedUntil: new Date(r.digest_locked_until),
          user: {
            id: u.id,
            email: u.email,
            role: u.role,
            locale: u.locale,
            status: u.status,
            watchNotices: u.watch_notices,
            municipalityId: u.municipality_id,
            membershipStatus: u.membership_status,
          },
        },
      ];
    });
  }

  /**
   * Finishes a claimed digest in one transaction: its mail (if any) is queued together with the move of the
   * window and the next due time, and only while the lease is still the one claimed (a worker that stalled
   * past it finds the row taken over and queues nothing). Returns whether it was still ours.
   */
  completeDigest(
    claim: Pick<ClaimedDigest, 'id' | 'lockedUntil'>,
    windowEnd: Date,
    nextDigestAt: Date,
    mail: QueuedMail | null,
  ): Promise<boolean> {
    return this.dataSource.transaction(async (manager: EntityManager) => {
      const rows = returnedRows<{ id: string }>(
        await manager.query(
          `UPDATE saved_searches
            SET last_digest_at = $3, next_digest_at = $4, digest_locked_until = NULL
          WHERE id = $1 AND digest_locked_until = $2
          RETURNING id`,
          [claim.id, claim.lockedUntil, windowEnd, nextDigestAt],
        ),
      );
      if (rows.length === 0) return false;
      if (mail) await enqueueMails(manager, [mail]);
      return true;
    });
  }

  /** Gives a claimed digest back at once (the engine was down): the next run tries again. */
  async releaseDigest(claim: Pick<ClaimedDigest, 'id' | 'lockedUntil'>): Promise<void> {
    await this.dataSource.query(
      `UPDATE saved_searches SET digest_locked_until = NULL WHERE id = $1 AND digest_locked_until = $2`,
      [claim.id, claim.lockedUntil],
    );
  }
}
