import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource, type EntityManager, In } from 'typeorm';
import type {
  AttachmentOwnerType,
  CaseStatus,
  ExchangeSessionStatus,
  Visibility,
} from '@yokoten/case-studies';
import { AttachmentEntity, AttachmentTextOutboxEntity } from './attachment.entity';

export interface CaseOwnerRow {
  type: 'CASE_STUDY';
  id: string;
  title: string;
  municipalityId: string;
  status: CaseStatus;
  visibility: Visibility;
}
export interface SessionOwnerRow {
  type: 'EXCHANGE_SESSION';
  id: string;
  title: string;
  status: ExchangeSessionStatus;
}
export type OwnerRow = CaseOwnerRow | SessionOwnerRow;

/** The only code of the module that touches TypeORM (the bytes: AttachmentStorage). */
@Injectable()
export class AttachmentRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  async owner(type: AttachmentOwnerType, id: string, db?: EntityManager): Promise<OwnerRow | null> {
    const q = db ?? this.dataSource;
    if (type === 'CASE_STUDY') {
      const [row] = (await q.query(
        `SELECT id, title, municipality_id, status, visibility FROM case_studies WHERE id = $1`,
        [id],
      )) as Array<{
        id: string;
        title: string;
        municipality_id: string;
        status: CaseStatus;
        visibility: Visibility;
      }>;
      return row
        ? {
            type,
            id: row.id,
            title: row.title,
            municipalityId: row.municipality_id,
            status: row.status,
            visibility: row.visibility,
          }
        : null;
    }
    const [row] = (await q.query(`SELECT id, title, status FROM exchange_sessions WHERE id = $1`, [
      id,
    ])) as Array<{
      id: string;
      title: string;
      status: ExchangeSessionStatus;
    }>;
    return row ? { type, id: row.id, title: row.title, status: row.status } : null;
  }

  findById(id: string, db?: EntityManager): Promise<AttachmentEntity | null> {
    return (db ?? this.dataSource.manager).findOne(AttachmentEntity, { where: { id } });
  }

  /** Holds the owner's files still (count, insert) until the transaction ends: the quota holds under races. */
  async lockOwner(db: EntityManager, ownerId: string): Promise<void> {
    await db.query(`SELECT pg_advisory_xact_lock(hashtextextended('attachments:' || $1::text, 0))`, [
      ownerId,
    ]);
  }

  async countForOwner(type: AttachmentOwnerType, ownerId: string, db?: EntityManager): Promise<number> {
    const column = type === 'CASE_STUDY' ? 'case_study_id' : 'exchange_session_id';
    const [row] = (await (db ?? this.dataSource).query(
      `SELECT count(*)::int AS n FROM attachments WHERE ${column} = $1`,
      [ownerId],
    )) as [{ n: number }];
    return row.n;
  }

  /** Oldest first within each owner: one query for many cases. */
  byCaseIds(ids: readonly string[]): Promise<AttachmentEntity[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.dataSource.manager.find(AttachmentEntity, {
      where: { caseStudyId: In([...ids]) },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
  }

  bySessionIds(ids: readonly string[]): Promise<AttachmentEntity[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.dataSource.manager.find(AttachmentEntity, {
      where: { exchangeSessionId: In([...ids]) },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
  }

  async insert(db: EntityManager, row: Partial<AttachmentEntity>): Promise<AttachmentEntity> {
    const entity = db.create(AttachmentEntity, row);
    return db.save(entity);
  }

  async enqueueText(db: EntityManager, attachmentId: string): Promise<void> {
    await db.insert(AttachmentTextOutboxEntity, { attachmentId });
  }

  /** The row and its bytes (attachment_chunks cascades). */
  async delete(db: EntityManager, id: string): Promise<void> {
    await db.delete(AttachmentEntity, { id });
  }

  async setText(
    db: EntityManager,
    id: string,
    status: 'DONE' | 'FAILED',
    text: string | null,
    folded: string | null,
  ): Promise<AttachmentEntity | null> {
    await db.query(
      `UPDATE attachments SET text_status = $2, text_content = $3, text_folded = $4 WHERE id = $1`,
      [id, status, text, folded],
    );
    return this.findById(id, db);
  }

  /**
   * For each case, its first file (not members-only, text extracted) whose folded text contains one of the
   * folded terms: `LIKE` over the texts of the cases of one results page (20 at most, 20 files each).
   */
  async firstMatchingFile(
    caseIds: readonly string[],
    foldedTerms: readonly string[],
  ): Promise<Array<{ caseStudyId: string; id: string; name: string }>> {
    if (caseIds.length === 0 || foldedTerms.length === 0) return [];
    const patterns = foldedTerms.map((t) => `%${t.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    const rows = (await this.dataSource.query(
      `SELECT DISTINCT ON (case_study_id) case_study_id, id, name
         FROM attachments
        WHERE case_study_id = ANY($1::uuid[]) AND NOT members_only AND text_status = 'DONE'
          AND text_folded LIKE ANY($2::text[])
        ORDER BY case_study_id, created_at, id`,
      [caseIds, patterns],
    )) as Array<{ case_study_id: string; id: string; name: string }>;
    return rows.map((r) => ({ caseStudyId: r.case_study_id, id: r.id, name: r.name }));
  }
}
