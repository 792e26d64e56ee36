import { Inject, Injectable, Logger } from '@nestjs/common';
import { PeriodicJob } from '../../common/periodic-job';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { actorOf } from '../auth/auth.service';
import { authorize } from '../auth/authorization.policy';
import type { Actor } from '../auth/actor';
import { CaseSearchService } from '../case-search/case-search.service';
import { SearchUnavailableError } from '../case-search/case-search.errors';
import { nextDigestAt } from './digest-schedule';
import { digestMail } from './watch-mails';
import { WatchRepository, type ClaimedDigest } from './watch.repository';

/** Cases listed in one digest mail; the rest are counted ("ほか3件") and one link away. */
export const DIGEST_MAX_CASES = 20;
/**
 * The window ends this long before the run: a case published a moment ago may not be in the index yet, and
 * a window that has closed is never searched again. It is in the next digest instead.
 */
export const DIGEST_INDEX_GRACE_MS = 60_000;
const CLAIM_BATCH = 20;

export interface DigestRunResult {
  /** Digests whose window moved on (with or without a mail). */
  completed: number;
  mailed: number;
}

/**
 * The weekly digests of saved searches. Each due saved search is claimed with a lease in PostgreSQL (so
 * several API processes, or two runs at once, send each digest once), searched through the real search layer
 * with a publishedAt window, as its owner may read (members-only cases only to those who may see them), and
 * finished in one transaction that queues the mail and moves the window on.
 */
@Injectable()
export class SavedSearchDigests {
  private readonly logger = new Logger('SavedSearchDigests');

  constructor(
    private readonly repository: WatchRepository,
    private readonly search: CaseSearchService,
  ) {}

  /** 「今すぐ送る」 for the organisers (and tests): runs the digests that are due now. */
  runNowAs(actor: Actor | null): Promise<DigestRunResult> {
    authorize(actor, 'watch.runDigests');
    return this.runDue();
  }

  async runDue(now = new Date()): Promise<DigestRunResult> {
    const result: DigestRunResult = { completed: 0, mailed: 0 };
    for (;;) {
      const claims = await this.repository.claimDueDigests(now, CLAIM_BATCH);
      if (claims.length === 0) return result;
      for (const claim of claims) {
        try {
          const mailed = await this.runOne(claim, now);
          if (mailed === null) continue;
          result.completed += 1;
          if (mailed) result.mailed += 1;
        } catch (err) {
          await this.repository.releaseDigest(claim);
          if (err instanceof SearchUnavailableError) {
            // The engine is down: every other digest would fail the same way; the next run tries again.
            this.logger.warn({ msg: 'search unavailable: digests wait for the next run' });
            return result;
          }
          this.logger.error({
            msg: 'saved search digest failed',
            savedSearchId: claim.id,
            error: err instanceof Error ? err.message : String(err),
          });
        }
      }
    }
  }

  /** true: mailed; false: nothing to send (window moved on); null: the lease was lost. */
  private async runOne(claim: ClaimedDigest, now: Date): Promise<boolean | null> {
    const windowEnd = new Date(Math.max(claim.lastDigestAt.getTime(), now.getTime() - DIGEST_INDEX_GRACE_MS));
    const next = nextDigestAt(now);
    const u = claim.user;
    let mail = null;
    // A disabled account or one that turned these mails off gets none; the window still moves on.
    if (u.status === 'ACTIVE' && u.watchNotices && windowEnd > claim.lastDigestAt) {
      const actor = actorOf({
        id: u.id,
        role: u.role,
        municipalityId: u.municipalityId,
        membershipStatus: u.membershipStatus,
      });
      const { cases, total } = await this.search.publishedBetween(
        actor,
        { query: claim.query, filter: claim.filter },
        claim.lastDigestAt,
        windowEnd,
        DIGEST_MAX_CASES,
      );
      if (cases.length > 0) {
        mail = {
          ...digestMail(u.email, u.locale, {
            searchName: claim.name,
            query: claim.query,
            filter: claim.filter,
            cases: cases.map((c) => ({
              id: c.id,
              title: c.title,
              // The search joined each case's municipality.
              municipalityName:
                (u.locale === 'EN' ? c.municipality?.nameEn : null) ?? c.municipality?.name ?? '',
            })),
            more: Math.max(0, total - cases.length),
          }),
          dedupeKey: `digest:${claim.id}:${windowEnd.toISOString()}`,
        };
      }
    }
    const ours = await this.repository.completeDigest(claim, windowEnd, next, mail);
    return ours ? mail !== null : null;
  }
}

const EVERY_MS = 5 * 60_000;

/**
 * Runs the due digests every five minutes in each API process (the claims make that safe). Off in tests,
 * which call SavedSearchDigests.runDue directly.
 */
@Injectable()
export class SavedSearchDigestScheduler extends PeriodicJob {
  constructor(
    private readonly digests: SavedSearchDigests,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    super('SavedSearchDigests', EVERY_MS, config);
  }

  protected async run(): Promise<void> {
    await this.digests.runDue();
  }
}
