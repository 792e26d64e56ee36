import { Check, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { MembershipStatus } from '@yokoten/case-studies';
import { UserEntity } from '../auth/user.entity';
import { MunicipalityEntity } from '../municipality/municipality.entity';
import { TimestampColumns } from '../../database/timestamp-columns';
import { BelongsTo } from '../../database/belongs-to';

export const JOIN_APPLICATION_STATUSES = ['PENDING', 'ADMITTED', 'DECLINED'] as const;
export type JoinApplicationStatus = (typeof JOIN_APPLICATION_STATUSES)[number];

/**
 * 参加申込: a municipality asks to join the network. At most one PENDING application per municipality
 * (partial unique index): applying again while one waits updates it and counts `submissions`.
 */
@Entity({ name: 'join_applications' })
@Index('UQ_join_applications_pending_municipality', ['municipalityId'], {
  unique: true,
  where: `"status" = 'PENDING'`,
})
@Index('IDX_join_applications_status_created_at', ['status', 'createdAt'])
@Check('CHK_join_applications_status', `"status" IN ('PENDING', 'ADMITTED', 'DECLINED')`)
@Check('CHK_join_applications_submissions', `"submissions" >= 1`)
export class JoinApplicationEntity extends TimestampColumns {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_join_applications' })
  id: string;

  @Index('IDX_join_applications_municipality_id')
  @Column({ name: 'municipality_id', type: 'uuid' })
  municipalityId: string;

  @BelongsTo(() => MunicipalityEntity, 'municipality_id', 'FK_join_applications_municipality', 'CASCADE')
  municipality?: MunicipalityEntity;

  @Column({ name: 'applicant_name', type: 'varchar', length: 100 })
  applicantName: string;

  @Column({ type: 'varchar', length: 100 })
  department: string;

  /** Stored lower-cased. */
  @Column({ type: 'varchar', length: 254 })
  email: string;

  @Column({ type: 'text', nullable: true })
  message: string | null;

  @Column({ type: 'varchar', length: 20, default: 'PENDING' })
  status: JoinApplicationStatus;

  /** How many times it was sent while pending (the form sent again updates the same application). */
  @Column({ type: 'integer', default: 1 })
  submissions: number;

  /** The municipality's membership status before the application made it APPLICANT (restored on decline). */
  @Column({ name: 'prior_membership_status', type: 'varchar', length: 20, nullable: true })
  priorMembershipStatus: MembershipStatus | null;

  @Column({ name: 'decline_reason', type: 'text', nullable: true })
  declineReason: string | null;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt: Date | null;

  @Column({ name: 'decided_by', type: 'uuid', nullable: true })
  decidedByUserId: string | null;

  @BelongsTo(() => UserEntity, 'decided_by', 'FK_join_applications_decided_by', 'SET NULL')
  decidedBy?: UserEntity;
}
