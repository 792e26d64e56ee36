import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type EntityManager } from 'typeorm';
import type { CaseStatus } from '@yokoten/case-studies';
import { UserEntity } from '../auth/user.entity';
import { enqueueIndexUpdate } from '../../search/search-outbox';
import { queueWatchNotices } from '../watch/watch-notices';
import { CaseStudyRevisionEntity } from './case-study-revision.entity';
import { CaseStudyEntity } from './case-study.entity';
import type { CaseStudyRevisionAction } from './models/case-study.model';

/** The columns a revision snapshot keeps: the case as it was saved, without relations. */
export function snapshotOf(c: CaseStudyEntity): Record<string, unknown> {
  const { municipality: _m, author: _a, ...columns } = c;
  return JSON.parse(JSON.stringify(columns)) as Record<string, unknown>;
}

export interface RevisionValues {
  action: CaseStudyRevisionAction;
  editorId: string | null;
  changedFields: string[];
  note?: string | null;
}

/**
 * One write transaction on case studies. Everything a write does goes through here, so a write is the
 * case row, its revision and its search-index job together or nothing.
 */
export class CaseStudyTransaction {
  /** `manager` is the transaction's, for writes that belong with it (an audit entry). */
  constructor(readonly manager: EntityManager) {}

  private get cases() {
    return this.manager.getRepository(CaseStudyEntity);
  }

  /** Reads the case and locks its row until the transaction ends, so concurrent edits queue up. */
  findForUpdate(id: string): Promise<CaseStudyEntity | null> {
    return this.cases.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  create(values: Partial<CaseStudyEntity>): CaseStudyEntity {
    return this.cases.create(values);
  }

  /** Inserts or updates; TypeORM bumps `version` and `updatedAt` on every update. */
  save(entity: CaseStudyEntity): Promise<CaseStudyEntity> {
    return this.cases.save(entity);
  }

  /**
   * Deletes the case row (its revisions go with it, ON DELETE CASCADE) and queues an index update: the
   * consumer finds no row and deletes a document that, for a never-published draft, was never there.
   */
  async remove(entity: CaseStudyEntity): Promise<void> {
    const id = entity.id;
    await this.cases.delete({ id });
    await enqueueIndexUpdate(this.manager, 'case_study', id);
  }

  /** Records the saved state as a revision and queues the search-index update. */
  async recordWrite(saved: CaseStudyEntity, revision: RevisionValues): Promise<void> {
    const revisions = this.manager.getRepository(CaseStudyRevisionEntity);
    await revisions.save(
      revisions.create({
        caseStudyId: saved.id,
        version: saved.version,
        action: revision.action,
        editorId: revision.editorId,
        changedFields: revision.changedFields,
        snapshot: snapshotOf(saved),
        note: revision.note ?? null,
      }),
    );
    await enqueueIndexUpdate(this.manager, 'case_study', saved.id);
    // A published revision (an edit of a live case, or publishing it again) tells the case's watchers.
    if (saved.status === 'PUBLISHED' && (revision.action === 'UPDATE' || revision.action === 'PUBLISH')) {
      await queueWatchNotices(this.manager, saved.id, revision.editorId, { kind: 'updated' });
    }
  }
}

/** The only code that touches the case_studies and case_study_revisions tables. */
@Injectable()
export class CaseStudyRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private get cases() {
    return this.dataSource.getRepository(CaseStudyEntity);
  }

  transaction<T>(work: (tx: CaseStudyTransaction) => Promise<T>): Promise<T> {
    return this.dataSource.transaction((manager) => work(new CaseStudyTransaction(manager)));
  }

  /** For the demo seed: a transaction that already runs. */
  within(manager: EntityManager): CaseStudyTransaction {
    return new CaseStudyTransaction(manager);
  }

  findById(id: string): Promise<CaseStudyEntity | null> {
    return this.cases.findOne({ where: { id } });
  }

  findByIds(ids: readonly string[]): Promise<CaseStudyEntity[]> {
    return ids.length ? this.cases.find({ where: { id: In([...ids]) } }) : Promise.resolve([]);
  }

  /** A municipality's cases, most recently changed first. */
  findByMunicipality(municipalityId: string, status?: CaseStatus): Promise<CaseStudyEntity[]> {
    return this.cases.find({
      where: { municipalityId, ...(status ? { status } : {}) },
      order: { updatedAt: 'DESC', id: 'ASC' },
    });
  }

  /** Revisions of many cases in one query, newest first within each case. */
  findRevisionsByCaseIds(ids: readonly string[]): Promise<CaseStudyRevisionEntity[]> {
    return ids.length
      ? this.dataSource.getRepository(CaseStudyRevisionEntity).find({
          where: { caseStudyId: In([...ids]) },
          order: { version: 'DESC', createdAt: 'DESC' },
        })
      : Promise.resolve([]);
  }

  /** Names of authors and editors (nothing else about them is shown on a case). */
  findPeopleByIds(ids: readonly string[]): Promise<Array<Pick<UserEntity, 'id' | 'name'>>> {
    return ids.length
      ? this.dataSource
          .getRepository(UserEntity)
          .find({ select: { id: true, name: true }, where: { id: In([...ids]) } })
      : Promise.resolve([]);
  }
}
