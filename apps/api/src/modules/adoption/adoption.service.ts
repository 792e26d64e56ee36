import { Injectable } from '@nestjs/common';
import { COUNTED_ADOPTION_STATUSES, type AdoptionStatus } from '@yokoten/case-studies';
import { BadUserInputError, ConflictError, NotFoundError } from '../../common/app-error';
import type { Actor } from '../auth/actor';
import { authorize, can } from '../auth/authorization.policy';
import type { CaseStudyEntity } from '../case-study/case-study.entity';
import { CaseStudyRepository } from '../case-study/case-study.repository';
import { CaseStudyService } from '../case-study/case-study.service';
import { MunicipalityRepository } from '../municipality/municipality.repository';
import type { MunicipalityEntity } from '../municipality/municipality.entity';
import { adoptionMail } from './adoption-mails';
import { APP_URL } from '../mail/mail.service';
import type { AdoptionEntity } from './adoption.entity';
import { AdoptionRepository, type AdoptionTransaction, type SpreadRow } from './adoption.repository';
import type { RecordAdoptionInput } from './dto/record-adoption.input';
import { queueWatchNotices } from '../watch/watch-notices';

const TEXT_FIELDS = ['note', 'adaptation', 'outcome'] as const;

/** Counted adoptions among a case's adoption rows (the rule behind CaseStudy.adoptionCount). */
export function countedAdoptions(rows: ReadonlyArray<Pick<AdoptionEntity, 'status'>>): number {
  return rows.filter((a) => COUNTED_ADOPTION_STATUSES.includes(a.status)).length;
}

/**
 * The links of a chain a reader is shown, breadth first from `rootId`: each adoption once (at the first
 * depth it is reached), and only below cases the reader may read and reached through links shown. A
 * members-only, draft or archived case in the chain hides who follows it and everything further down, so
 * an anonymous reader learns neither its id nor its followers.
 */
export function visibleSpread(
  rootId: string,
  rows: readonly SpreadRow[],
  readable: (caseStudyId: string) => boolean,
): SpreadRow[] {
  const reached = new Set([rootId]);
  const shown = new Set<string>();
  const out: SpreadRow[] = [];
  for (const row of rows) {
    if (shown.has(row.adoptionId) || !reached.has(row.fromCaseStudyId)) continue;
    shown.add(row.adoptionId);
    out.push(row);
    if (row.toCaseStudyId && readable(row.toCaseStudyId)) reached.add(row.toCaseStudyId);
  }
  return out;
}

/**
 * 横展開: member municipalities record that they consider, pilot or run another member's published case.
 * One record per (case, municipality), updated over time with a timeline; the publisher is told by mail.
 */
@Injectable()
export class AdoptionService {
  constructor(
    private readonly repository: AdoptionRepository,
    private readonly caseStudies: CaseStudyRepository,
    private readonly caseStudyService: CaseStudyService,
    private readonly municipalities: MunicipalityRepository,
  ) {}

  /** Notes, adaptation and outcome: officers of member municipalities and staff; everyone else sees who and how far. */
  canReadDetails(actor: Actor | null): boolean {
    return can(actor, 'adoption.readDetails');
  }

  async record(
    actor: Actor | null,
    caseStudyId: string,
    input: RecordAdoptionInput,
  ): Promise<AdoptionEntity> {
    if (!actor) authorize(actor, 'adoption.record');
    const follower = await this.followerOf(actor as Actor);
    const user = authorize(actor, 'adoption.record', {
      municipalityId: follower?.id ?? '',
      membershipStatus: follower?.membershipStatus ?? null,
    });
    if (!follower) {
      throw new BadUserInputError(
        'caseStudyId',
        '横展開は自治体の担当者が自団体として記録します (only an officer records it, for their municipality)',
      );
    }
    const followed = await this.caseStudyService.findVisible(user, caseStudyId);
    if (!followed) throw new NotFoundError('CaseStudy', caseStudyId);
    if (followed.status !== 'PUBLISHED') {
      throw new ConflictError(
        '公開中の事例だけを横展開として記録できます (only a published case can be followed)',
      );
    }
    if (followed.municipalityId === follower.id) {
      throw new BadUserInputError(
        'caseStudyId',
        'caseStudyId: 自団体の事例は横展開として記録できません (a municipality cannot follow its own case)',
      );
    }
    if (input.adopterCaseStudyId) await this.checkOwnCase(input.adopterCaseStudyId, follower);

    const result = await this.repository.transaction(async (tx) => {
      const { row, created } = await tx.findOrCreateForUpdate({
        caseStudyId: followed.id,
        municipalityId: follower.id,
        status: input.status,
        note: '',
        adaptation: '',
        outcome: '',
        adopterCaseStudyId: null,
        recordedByUserId: user.userId,
      });
      const previousStatus: AdoptionStatus | null = created ? null : row.status;
      const changed: string[] = created ? ['status'] : [];
      if (!created && row.status !== input.status) {
        row.status = input.status;
        changed.push('status');
      }
      for (const field of TEXT_FIELDS) {
        const value = input[field];
        if (value !== undefined && value !== row[field]) {
          row[field] = value;
          changed.push(field);
        }
      }
      if (input.adopterCaseStudyId !== undefined && input.adopterCaseStudyId !== row.adopterCaseStudyId) {
        row.adopterCaseStudyId = input.adopterCaseStudyId;
        changed.push('adopterCaseStudyId');
      }
      if (changed.length === 0) return { saved: row, previousStatus, statusChanged: false };
      row.recordedByUserId = user.userId;
      const saved = await tx.save(row);
      await tx.recordStep(saved, changed, user.userId);
      // The publisher hears about a new follower or a change of status, not about notes: the mail is
      // queued in this transaction, so it goes out if, and only if, the change is recorded.
      if (changed.includes('status')) {
        await this.tellPublisher(tx, followed, follower, saved, previousStatus);
        await queueWatchNotices(tx.manager, followed.id, user.userId, {
          kind: 'adopted',
          followerName: follower.name,
          status: saved.status,
        });
      }
      return { saved, previousStatus };
    });
    return result.saved;
  }

  /** A follower takes its record back (recorded by mistake, or dropped). */
  async withdraw(actor: Actor | null, caseStudyId: string): Promise<boolean> {
    if (!actor) authorize(actor, 'adoption.record');
    const follower = await this.followerOf(actor as Actor);
    authorize(actor, 'adoption.record', {
      municipalityId: follower?.id ?? '',
      membershipStatus: follower?.membershipStatus ?? null,
    });
    if (!follower) return false;
    return this.repository.transaction(async (tx) => {
      const row = await tx.findForUpdate(caseStudyId, follower.id);
      if (!row) return false;
      await tx.manager.remove(row);
      await tx.recordStepForRemoval(caseStudyId);
      return true;
    });
  }

  /** The follower's municipality's adoptions, most recently changed first. */
  async listOwn(actor: Actor | null): Promise<AdoptionEntity[]> {
    if (!actor) authorize(actor, 'adoption.record');
    const municipalityId = (actor as Actor).municipalityId;
    return municipalityId ? this.repository.findByMunicipality(municipalityId) : [];
  }

  /**
   * The chain of spread below a case, as far as the caller may see it (`visibleSpread`); `loadCases`
   * reads the cases met on the way (the request's loader).
   */
  async spread(
    actor: Actor | null,
    caseStudyId: string,
    maxDepth: number,
    loadCases: (ids: string[]) => Promise<ReadonlyArray<CaseStudyEntity | Error | null>>,
  ): Promise<SpreadRow[]> {
    const rows = await this.repository.spreadFrom(caseStudyId, maxDepth);
    const ids = [...new Set(rows.flatMap((r) => (r.toCaseStudyId ? [r.toCaseStudyId] : [])))];
    const cases = await loadCases(ids);
    const readable = new Set(
      ids.filter((_id, i) => {
        const c = cases[i];
        return c && !(c instanceof Error) && this.canReadCase(actor, c);
      }),
    );
    return visibleSpread(caseStudyId, rows, (id) => readable.has(id));
  }

  /** Whether the caller may see a case shown inside an adoption (the follower's own case, the followed case). */
  canReadCase(actor: Actor | null, c: CaseStudyEntity | null): boolean {
    return c !== null && this.caseStudyService.canRead(actor, c);
  }

  private async followerOf(actor: Actor): Promise<MunicipalityEntity | null> {
    if (!actor.municipalityId) return null;
    const [m] = await this.municipalities.findByIds([actor.municipalityId]);
    return m ?? null;
  }

  private async checkOwnCase(id: string, follower: MunicipalityEntity): Promise<void> {
    const own = await this.caseStudies.findById(id);
    if (!own || own.municipalityId !== follower.id) {
      throw new BadUserInputError(
        'input.adopterCaseStudyId',
        'input.adopterCaseStudyId: 自団体の事例を指定してください (must be a case of your own municipality)',
      );
    }
  }

  private async tellPublisher(
    tx: AdoptionTransaction,
    followed: CaseStudyEntity,
    follower: MunicipalityEntity,
    saved: AdoptionEntity,
    previousStatus: AdoptionStatus | null,
  ): Promise<void> {
    const officers = await tx.officersOf(followed.municipalityId);
    if (officers.length === 0) return;
    await tx.queueMails([
      adoptionMail(
        officers.map((o) => o.email),
        {
          caseTitle: followed.title,
          caseUrl: `${APP_URL}/cases/${followed.id}`,
          followerName: follower.name,
          status: saved.status,
          previousStatus,
          note: saved.note,
        },
      ),
    ]);
  }
}
