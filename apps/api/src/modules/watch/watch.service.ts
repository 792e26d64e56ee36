import { Injectable } from '@nestjs/common';
import { BadUserInputError, ConflictError, NotFoundError } from '../../common/app-error';
import type { Actor } from '../auth/actor';
import { authorize, can } from '../auth/authorization.policy';
import type { CaseStudyEntity } from '../case-study/case-study.entity';
import { CaseStudyRepository } from '../case-study/case-study.repository';
import { CaseStudyService } from '../case-study/case-study.service';
import type { SaveSearchInput } from './dto/save-search.input';
import { nextDigestAt } from './digest-schedule';
import type { CaseWatchEntity, SavedSearchEntity } from './watch.entity';
import { WatchRepository } from './watch.repository';

/** Bounds per user: a watch list and a set of saved searches a person can still read. */
export const MAX_WATCHES = 500;
export const MAX_SAVED_SEARCHES = 20;

/** Filter fields a saved search keeps (the CaseStudyFilter input's, nothing else). */
const FILTER_FIELDS = [
  'themes',
  'targets',
  'prefectureCodes',
  'populationBands',
  'municipalityKinds',
  'stages',
  'fiscalYearFrom',
  'fiscalYearTo',
  'budgetYenMax',
  'municipalityCode',
  'adoptionCountMin',
] as const;

/** Watching cases, 「参考になった」 and saved searches: rules and permission checks. */
@Injectable()
export class WatchService {
  constructor(
    private readonly repository: WatchRepository,
    private readonly cases: CaseStudyService,
    private readonly caseRows: CaseStudyRepository,
  ) {}

  /** A published case the caller may read, or NOT_FOUND (nothing hints at a case they cannot see). */
  private async readablePublished(actor: Actor, id: string): Promise<CaseStudyEntity> {
    const c = await this.cases.findVisible(actor, id);
    if (!c || c.status !== 'PUBLISHED') throw new NotFoundError('CaseStudy', id);
    return c;
  }

  async watch(actor: Actor | null, caseStudyId: string): Promise<CaseStudyEntity> {
    const user = authorize(actor, 'watch.manage');
    const c = await this.readablePublished(user, caseStudyId);
    if ((await this.repository.countWatches(user.userId)) >= MAX_WATCHES) {
      throw new ConflictError(
        `ウォッチできる事例は${MAX_WATCHES}件までです。不要なウォッチを解除してください。 (At most ${MAX_WATCHES} watched cases)`,
      );
    }
    await this.repository.watch(user.userId, c.id);
    return c;
  }

  /** Unwatching needs no read right: a case that became members-only can still be let go. */
  async unwatch(actor: Actor | null, caseStudyId: string): Promise<boolean> {
    const user = authorize(actor, 'watch.manage');
    return this.repository.unwatch(user.userId, caseStudyId);
  }

  /** The caller's watches whose case they may still read, newest first. */
  async myWatches(actor: Actor | null): Promise<Array<CaseWatchEntity & { caseStudy: CaseStudyEntity }>> {
    const user = authorize(actor, 'watch.manage');
    const watches = await this.repository.watchesOf(user.userId, MAX_WATCHES);
    const rows = await this.caseRows.findByIds(watches.map((w) => w.caseStudyId));
    const byId = new Map(rows.map((c) => [c.id, c]));
    return watches.flatMap((w) => {
      const c = byId.get(w.caseStudyId);
      return c && c.status === 'PUBLISHED' && this.cases.canRead(user, c) ? [{ ...w, caseStudy: c }] : [];
    });
  }

  watchedAmong(actor: Actor | null, ids: readonly string[]): Promise<Set<string>> {
    return actor ? this.repository.watchedAmong(actor.userId, ids) : Promise.resolve(new Set());
  }

  // ---- 参考になった ---------------------------------------------------------------------------------

  async setHelpful(actor: Actor | null, caseStudyId: string, helpful: boolean): Promise<CaseStudyEntity> {
    if (!actor) authorize(actor, 'caseStudy.markHelpful');
    const c = await this.readablePublished(actor as Actor, caseStudyId);
    const user = authorize(actor, 'caseStudy.markHelpful', { municipalityId: c.municipalityId });
    await this.repository.setHelpful(user.userId, c.id, helpful);
    return c;
  }

  /** Whether the caller sees a case's 参考になった count: its municipality's officers and the organisers. */
  canReadHelpfulCount(actor: Actor | null, c: Pick<CaseStudyEntity, 'municipalityId'>): boolean {
    return can(actor, 'caseStudy.readHelpfulCount', { municipalityId: c.municipalityId });
  }

  canMarkHelpful(actor: Actor | null, c: Pick<CaseStudyEntity, 'municipalityId'>): boolean {
    return can(actor, 'caseStudy.markHelpful', { municipalityId: c.municipalityId });
  }

  helpfulCounts(ids: readonly string[]): Promise<Map<string, number>> {
    return this.repository.helpfulCounts(ids);
  }

  helpfulAmong(actor: Actor | null, ids: readonly string[]): Promise<Set<string>> {
    return actor ? this.repository.helpfulAmong(actor.userId, ids) : Promise.resolve(new Set());
  }

  // ---- saved searches ---------------------------------------------------------------------------

  async saveSearch(
    actor: Actor | null,
    input: SaveSearchInput,
    now = new Date(),
  ): Promise<SavedSearchEntity> {
    const user = authorize(actor, 'savedSearch.manage');
    const name = input.name.trim();
    if (!name)
      throw new BadUserInputError(
        'input.name',
        'input.name: 名前を入力してください (name must not be empty)',
      );
    if ((await this.repository.countSavedSearches(user.userId)) >= MAX_SAVED_SEARCHES) {
      throw new ConflictError(
        `保存できる検索は${MAX_SAVED_SEARCHES}件までです。不要なものを削除してください。 (At most ${MAX_SAVED_SEARCHES} saved searches)`,
      );
    }
    const filter: Record<string, unknown> = {};
    for (const field of FILTER_FIELDS) {
      const value = input.filter?.[field];
      if (value === undefined || value === null) continue;
      if (Array.isArray(value) && value.length === 0) continue;
      filter[field] = value;
    }
    return this.repository.createSavedSearch({
      userId: user.userId,
      name,
      query: (input.query ?? '').trim(),
      filter,
      digestEnabled: true,
      // The first digest covers what is published from now on.
      lastDigestAt: now,
      nextDigestAt: nextDigestAt(now),
    });
  }

  async mySavedSearches(actor: Actor | null): Promise<SavedSearchEntity[]> {
    const user = authorize(actor, 'savedSearch.manage');
    return this.repository.savedSearchesOf(user.userId);
  }

  async deleteSavedSearch(actor: Actor | null, id: string): Promise<boolean> {
    const user = authorize(actor, 'savedSearch.manage');
    if (!(await this.repository.deleteSavedSearch(user.userId, id)))
      throw new NotFoundError('SavedSearch', id);
    return true;
  }

  async setDigestEnabled(actor: Actor | null, id: string, enabled: boolean): Promise<SavedSearchEntity> {
    const user = authorize(actor, 'savedSearch.manage');
    const row = await this.repository.setDigestEnabled(user.userId, id, enabled);
    if (!row) throw new NotFoundError('SavedSearch', id);
    return row;
  }
}
