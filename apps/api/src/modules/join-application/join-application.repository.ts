import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type EntityManager } from 'typeorm';
import type { MembershipStatus } from '@yokoten/case-studies';
import { UserEntity } from '../auth/user.entity';
import { AppSettingEntity } from '../account/app-setting.entity';
import { MunicipalityEntity } from '../municipality/municipality.entity';
import { JoinApplicationEntity, type JoinApplicationStatus } from './join-application.entity';

export interface ApplicationValues {
  municipalityId: string;
  applicantName: string;
  department: string;
  email: string;
  message: string | null;
  priorMembershipStatus: MembershipStatus | null;
}

/** The only code that touches the join_applications table. */
@Injectable()
export class JoinApplicationRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  get source(): DataSource {
    return this.dataSource;
  }

  /**
   * Inserts a PENDING application, or updates the one already pending for the municipality and counts it
   * (the partial unique index decides a race between two forms). Returns the row as it was before, if any.
   */
  async upsertPending(
    manager: EntityManager,
    v: ApplicationValues,
  ): Promise<{ row: JoinApplicationEntity; before: JoinApplicationEntity | null }> {
    const repo = manager.getRepository(JoinApplicationEntity);
    const before = await repo
      .createQueryBuilder('a')
      .where('a.municipality_id = :id', { id: v.municipalityId })
      .andWhere(`a.status = 'PENDING'`)
      .setLock('pessimistic_write')
      .getOne();
    const [{ id }]: Array<{ id: string }> = await manager.query(
      `INSERT INTO "join_applications"
         ("municipality_id", "applicant_name", "department", "email", "message", "prior_membership_status")
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT ("municipality_id") WHERE "status" = 'PENDING'
       DO UPDATE SET "applicant_name" = EXCLUDED."applicant_name", "department" = EXCLUDED."department",
         "email" = EXCLUDED."email", "message" = EXCLUDED."message",
         "submissions" = "join_applications"."submissions" + 1, "updated_at" = now()
       RETURNING "id"`,
      [v.municipalityId, v.applicantName, v.department, v.email, v.message, v.priorMembershipStatus],
    );
    return { row: await repo.findOneByOrFail({ id }), before };
  }

  /** The application, locked for the decision (FOR UPDATE). */
  lockById(manager: EntityManager, id: string): Promise<JoinApplicationEntity | null> {
    return manager
      .getRepository(JoinApplicationEntity)
      .createQueryBuilder('a')
      .where('a.id = :id', { id })
      .setLock('pessimistic_write')
      .getOne();
  }

  async decide(
    manager: EntityManager,
    id: string,
    values: { status: JoinApplicationStatus; decidedByUserId: string; declineReason?: string },
  ): Promise<JoinApplicationEntity> {
    const repo = manager.getRepository(JoinApplicationEntity);
    await repo.update({ id }, {
      status: values.status,
      decidedByUserId: values.decidedByUserId,
      declineReason: values.declineReason ?? null,
      decidedAt: () => 'now()',
    } as never);
    return repo.findOneByOrFail({ id });
  }

  /** Oldest first among the pending (the order to work through), then the decided ones newest first. */
  list(statuses?: JoinApplicationStatus[]): Promise<JoinApplicationEntity[]> {
    const qb = this.dataSource.getRepository(JoinApplicationEntity).createQueryBuilder('a');
    if (statuses?.length) qb.where('a.status IN (:...statuses)', { statuses });
    return qb
      .orderBy(`CASE WHEN a.status = 'PENDING' THEN 0 ELSE 1 END`, 'ASC')
      .addOrderBy(`CASE WHEN a.status = 'PENDING' THEN a.created_at END`, 'ASC')
      .addOrderBy('a.decided_at', 'DESC', 'NULLS LAST')
      .addOrderBy('a.id', 'ASC')
      .take(1000)
      .getMany();
  }

  /** Active organisers' addresses, who are told of a new application. */
  async organiserEmails(manager: EntityManager): Promise<string[]> {
    const rows = await manager.getRepository(UserEntity).find({
      select: { id: true, email: true },
      where: { role: 'ORGANISER', status: 'ACTIVE' },
      order: { email: 'ASC' },
    });
    return rows.map((r) => r.email);
  }

  /** Back from APPLICANT to what it was before the application (a declined application leaves no trace). */
  async restoreMembership(
    manager: EntityManager,
    municipalityId: string,
    prior: MembershipStatus | null,
  ): Promise<void> {
    await manager
      .createQueryBuilder()
      .update(MunicipalityEntity)
      .set({ membershipStatus: prior })
      .where('id = :id', { id: municipalityId })
      .andWhere(`membership_status = 'APPLICANT'`)
      .execute();
  }

  municipalitiesByIds(ids: readonly string[]): Promise<MunicipalityEntity[]> {
    return ids.length
      ? this.dataSource.getRepository(MunicipalityEntity).find({ where: { id: In([...ids]) } })
      : Promise.resolve([]);
  }

  /** The invitation settings as stored (key `invitation`); null when never changed (defaults apply). */
  async invitationSetting(): Promise<unknown> {
    const row = await this.dataSource.getRepository(AppSettingEntity).findOneBy({ key: 'invitation' });
    return row?.value ?? null;
  }
}
