import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { UserEntity } from '../auth/user.entity';
import { AuditLogEntity } from './audit-log.entity';

export interface AuditLogQuery {
  actions?: string[];
  actorUserId?: string;
  subjectType?: string;
  subjectId?: string;
  from?: Date;
  to?: Date;
}

export type AuditLogInsert = Pick<
  AuditLogEntity,
  'actorUserId' | 'actorLabel' | 'action' | 'subjectType' | 'subjectId' | 'subjectLabel' | 'before' | 'after'
>;

/** The only code that touches the audit_log table. */
@Injectable()
export class AuditLogRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(manager: EntityManager, row: AuditLogInsert): Promise<void> {
    await manager
      .createQueryBuilder()
      .insert()
      .into(AuditLogEntity)
      // before/after are plain JSON values (redactForAudit); TypeORM's deep-partial type cannot say so.
      .values(row as QueryDeepPartialEntity<AuditLogEntity>)
      .execute();
  }

  async emailOf(manager: EntityManager, userId: string): Promise<string | null> {
    const user = await manager
      .getRepository(UserEntity)
      .findOne({ select: { id: true, email: true }, where: { id: userId } });
    return user?.email ?? null;
  }

  private filtered(q: AuditLogQuery): SelectQueryBuilder<AuditLogEntity> {
    const qb = this.dataSource.getRepository(AuditLogEntity).createQueryBuilder('a');
    if (q.actions?.length) qb.andWhere('a.action IN (:...actions)', { actions: q.actions });
    if (q.actorUserId) qb.andWhere('a.actor_user_id = :actorUserId', { actorUserId: q.actorUserId });
    if (q.subjectType) qb.andWhere('a.subject_type = :subjectType', { subjectType: q.subjectType });
    if (q.subjectId) qb.andWhere('a.subject_id = :subjectId', { subjectId: q.subjectId });
    if (q.from) qb.andWhere('a.at >= :from', { from: q.from });
    if (q.to) qb.andWhere('a.at < :to', { to: q.to });
    return qb;
  }

  /** Newest first; `beforeId` is the keyset cursor (rows with a smaller id). */
  async findPage(
    q: AuditLogQuery & { beforeId?: string; limit: number },
  ): Promise<{ rows: AuditLogEntity[]; totalCount: number; hasNextPage: boolean }> {
    const base = this.filtered(q);
    const totalCount = await base.clone().getCount();
    const page = base
      .clone()
      .orderBy('a.id', 'DESC')
      .take(q.limit + 1);
    if (q.beforeId) page.andWhere('a.id < :beforeId', { beforeId: q.beforeId });
    const rows = await page.getMany();
    return { rows: rows.slice(0, q.limit), totalCount, hasNextPage: rows.length > q.limit };
  }

  /** For the CSV export: newest first, at most `limit` rows. */
  findAll(q: AuditLogQuery, limit: number): Promise<AuditLogEntity[]> {
    return this.filtered(q).orderBy('a.id', 'DESC').take(limit).getMany();
  }
}
