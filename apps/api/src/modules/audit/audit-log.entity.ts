import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One change of an account, a role, a membership, a profile or a setting: who did it (kept as a label too,
 * so an entry outlives its actor), to what, and the fields before and after. Never a password hash or a token.
 */
@Entity({ name: 'audit_log' })
@Index('IDX_audit_log_at', ['at'])
@Index('IDX_audit_log_subject', ['subjectType', 'subjectId'])
@Index('IDX_audit_log_actor_user_id', ['actorUserId'])
export class AuditLogEntity {
  /** In insertion order: the log is read newest first by id (keyset pagination), ties impossible. */
  @PrimaryGeneratedColumn('increment', { type: 'bigint', primaryKeyConstraintName: 'PK_audit_log' })
  id: string;

  /** Set by the database when the row is written (clock time, so the entries of one transaction keep their order). */
  @Column({ type: 'timestamptz', default: () => 'clock_timestamp()' })
  at: Date;

  /** No foreign key: the entry stays when an account is gone, its actor_label says who it was. */
  @Column({ name: 'actor_user_id', type: 'uuid', nullable: true })
  actorUserId: string | null;

  @Column({ name: 'actor_label', type: 'varchar', length: 254 })
  actorLabel: string;

  @Column({ type: 'varchar', length: 60 })
  action: string;

  @Column({ name: 'subject_type', type: 'varchar', length: 40 })
  subjectType: string;

  @Column({ name: 'subject_id', type: 'varchar', length: 100 })
  subjectId: string;

  @Column({ name: 'subject_label', type: 'varchar', length: 300 })
  subjectLabel: string;

  @Column({ type: 'jsonb', nullable: true })
  before: unknown;

  @Column({ type: 'jsonb', nullable: true })
  after: unknown;
}
