import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type EntityManager } from 'typeorm';
import { entityColumns, preparedRows, type EntityColumns } from '../../common/prepared-rows';
import { enqueueIndexUpdate } from '../../search/search-outbox';
import type { UserEntity } from '../auth/user.entity';
import { enqueueMails, officersOf, type QueuedMail } from '../mail/mail-outbox';
import { AdoptionEntity, AdoptionEventEntity } from './adoption.entity';

/**
 * One link of a chain of spread: `adoption` follows the case `fromCaseStudyId`, `depth` steps from the root;
 * `toCaseStudyId` is the follower's own case about it (the next case of the chain), if linked.
 */
export interface SpreadRow {
  depth: number;
  fromCaseStudyId: string;
  adoptionId: string;
  toCaseStudyId: string | null;
}

/** Deepest chain walked; a chain of spread longer than this is not something a page can show anyway. */
export const MAX_SPREAD_DEPTH = 10;

export class AdoptionTransaction {
  constructor(readonly manager: EntityManager) {}

  /** The row of (case, municipality), locked until the transaction ends, so two updates queue up. */
  findForUpdate(caseStudyId: string, municipalityId: string): Promise<AdoptionEntity | null> {
    return this.manager.getRepository(AdoptionEntity).findOne({
      where: { caseStudyId, municipalityId },
      lock: { mode: 'pessimistic_write' },
    });
  }

  /**
   * Creates the row if it is missing (ON CONFLICT DO NOTHING, so two first records at once do not fail)
   * and returns it locked.
   */
  async findOrCreateForUpdate(
    values: Partial<AdoptionEntity>,
  ): Promise<{ row: AdoptionEntity; created: boolean }> {
    const inserted = await this.manager
      .createQueryBuilder()
      .insert()
      .into(AdoptionEntity)
      .values(values)
      .orIgnore()
      .returning(['id'])
      .execute();
    const created = (inserted.raw as unknown[]).length > 0;
    const row = await this.findForUpdate(values.caseStudyId as string, values.municipalityId as string);
    if (!row) throw new Error('adoption row vanished inside its transaction');
    return { row, created };
  }

  save(row: AdoptionEntity): Promise<AdoptionEntity> {
    return this.manager.getRepository(AdoptionEntity).save(row);
  }

  /** Appends a step to the timeline and queues the followed case for re-indexing (its adoption count). */
  async recordStep(row: AdoptionEntity, changedFields: string[], userId: string | null): Promise<void> {
    await this.manager.getRepository(AdoptionEventEntity).insert({
      adoptionId: row.id,
      status: row.status,
      changedFields,
      userId,
    });
    await enqueueIndexUpdate(this.manager, 'case_study', row.caseStudyId);
  }

  /** After a record is withdrawn: the followed case's adoption count changed. */
  async recordStepForRemoval(caseStudyId: string): Promise<void> {
    await enqueueIndexUpdate(this.manager, 'case_study', caseStudyId);
  }

  /** The officers of a municipality who are told by mail of adoptions (active, not opted out). */
  officersOf(municipalityId: string): Promise<Array<Pick<UserEntity, 'id' | 'name' | 'email'>>> {
    return officersOf(this.manager, municipalityId, 'adoptionNotices');
  }

  /** Queues mails in this transaction: they are sent if, and only if, it commits. */
  queueMails(mails: readonly QueuedMail[]): Promise<void> {
    return enqueueMails(this.manager, mails);
  }
}

/** The only code that touches the adoptions and adoption_events tables. */
@Injectable()
export class AdoptionRepository {
  private columns?: EntityColumns<AdoptionEntity>;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (tx: AdoptionTransaction) => Promise<T>): Promise<T> {
    return this.dataSource.transaction((manager) => work(new AdoptionTransaction(manager)));
  }

  within(manager: EntityManager): AdoptionTransaction {
    return new AdoptionTransaction(manager);
  }

  findById(id: string): Promise<AdoptionEntity | null> {
    return this.dataSource.getRepository(AdoptionEntity).findOne({ where: { id } });
  }

  findByIds(ids: readonly string[]): Promise<AdoptionEntity[]> {
    return ids.length
      ? this.dataSource.getRepository(AdoptionEntity).find({ where: { id: In([...ids]) } })
      : Promise.resolve([]);
  }

  /**
   * Adoptions of many cases in one query, oldest first (the order municipalities followed). A named (prepared)
   * statement with the row mapping made once (common/prepared-rows.ts): the precedent finder reads those of
   * its candidates, up to a hundred cases, on every request, and a query builder over that many ids cost more
   * than the query.
   */
  async findByCaseIds(ids: readonly string[]): Promise<AdoptionEntity[]> {
    if (ids.length === 0) return [];
    const columns = (this.columns ??= entityColumns(this.dataSource, AdoptionEntity, 'a', 'a_'));
    const rows = await preparedRows(
      this.dataSource,
      'adoptions_by_case_ids',
      `SELECT ${columns.select} FROM adoptions a WHERE a.case_study_id = ANY($1::uuid[]) ORDER BY a.created_at, a.id`,
      [ids],
    );
    return rows.map((row) => columns.toEntity(row));
  }

  /** Adoptions whose follower wrote these cases about them (upstream links of a chain). */
  findByAdopterCaseIds(ids: readonly string[]): Promise<AdoptionEntity[]> {
    return ids.length
      ? this.dataSource.getRepository(AdoptionEntity).find({
          where: { adopterCaseStudyId: In([...ids]) },
          order: { createdAt: 'ASC', id: 'ASC' },
        })
      : Promise.resolve([]);
  }

  findByMunicipality(municipalityId: string): Promise<AdoptionEntity[]> {
    return this.dataSource.getRepository(AdoptionEntity).find({
      where: { municipalityId },
      order: { updatedAt: 'DESC', id: 'ASC' },
    });
  }

  /** Timelines of many adoptions, oldest step first. */
  findEventsByAdoptionIds(ids: readonly string[]): Promise<AdoptionEventEntity[]> {
    return ids.length
      ? this.dataSource.getRepository(AdoptionEventEntity).find({
          where: { adoptionId: In([...ids]) },
          order: { createdAt: 'ASC', id: 'ASC' },
        })
      : Promise.resolve([]);
  }

  /**
   * The chain of spread below a case, breadth first: the adoptions of the case, then the adoptions of the
   * followers' own cases about it, and so on. One recursive query; a case already on the path is not
   * entered again (cycles), and the walk stops at `maxDepth`. A case reached along two paths yields its
   * links once per depth; `visibleSpread` keeps the first and drops what the reader may not see.
   */
  async spreadFrom(caseStudyId: string, maxDepth: number): Promise<SpreadRow[]> {
    const depth = Math.max(1, Math.min(MAX_SPREAD_DEPTH, Math.floor(maxDepth)));
    return (await this.dataSource.query(
      `WITH RECURSIVE chain(adoption_id, from_case, to_case, depth, path) AS (
         SELECT a.id, a.case_study_id, a.adopter_case_study_id, 1, ARRAY[a.case_study_id]
           FROM adoptions a WHERE a.case_study_id = $1
         UNION ALL
         SELECT a.id, a.case_study_id, a.adopter_case_study_id, c.depth + 1, c.path || a.case_study_id
           FROM chain c JOIN adoptions a ON a.case_study_id = c.to_case
          WHERE c.to_case IS NOT NULL AND c.depth < $2 AND NOT (a.case_study_id = ANY(c.path))
       )
       SELECT c.depth::int AS depth, c.from_case AS "fromCaseStudyId", c.adoption_id AS "adoptionId",
              c.to_case AS "toCaseStudyId"
         FROM (SELECT DISTINCT depth, from_case, to_case, adoption_id FROM chain) c
         JOIN adoptions a ON a.id = c.adoption_id
        ORDER BY c.depth, a.created_at, a.id`,
      [caseStudyId, depth],
    )) as SpreadRow[];
  }
}
