import { Check, Column, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { RegistrationStatus } from '@yokoten/case-studies';
import { UserEntity } from '../auth/user.entity';
import { MunicipalityEntity } from '../municipality/municipality.entity';
import { ExchangeSessionEntity } from './exchange-session.entity';
import { SessionTableEntity } from './session-table.entity';
import { BelongsTo } from '../../database/belongs-to';

/**
 * A person's place at a session. At most one live (not CANCELLED) registration per person and session,
 * enforced by a partial unique index; waitlist positions are kept dense (1…n) under the session's row lock.
 */
@Entity({ name: 'session_registrations' })
@Index('UQ_session_registrations_active_user', ['sessionId', 'userId'], {
  unique: true,
  where: `"status" <> 'CANCELLED'`,
})
@Index('UQ_session_registrations_arrival', ['sessionId', 'arrivalSeq'], { unique: true })
@Index('IDX_session_registrations_session_status', ['sessionId', 'status', 'waitlistPosition'])
@Index('IDX_session_registrations_user_id', ['userId'])
@Check(
  'CHK_session_registrations_waitlist_position',
  `("status" = 'WAITLISTED') = ("waitlist_position" IS NOT NULL)`,
)
export class RegistrationEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_session_registrations' })
  id: string;

  @Column({ name: 'session_id', type: 'uuid' })
  sessionId: string;

  @BelongsTo(() => ExchangeSessionEntity, 'session_id', 'FK_session_registrations_session', 'CASCADE')
  session?: ExchangeSessionEntity;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @BelongsTo(() => UserEntity, 'user_id', 'FK_session_registrations_user', 'CASCADE')
  user?: UserEntity;

  /** The registrant's municipality at the time of registration (for limits and counts). */
  @Index('IDX_session_registrations_municipality_id')
  @Column({ name: 'municipality_id', type: 'uuid' })
  municipalityId: string;

  @BelongsTo(() => MunicipalityEntity, 'municipality_id', 'FK_session_registrations_municipality', 'RESTRICT')
  municipality?: MunicipalityEntity;

  /** Who registered them: themselves, a colleague or the organiser. */
  @Column({ name: 'registered_by_user_id', type: 'uuid', nullable: true })
  registeredByUserId: string | null;

  @BelongsTo(() => UserEntity, 'registered_by_user_id', 'FK_session_registrations_registered_by', 'SET NULL')
  registeredBy?: UserEntity;

  @Column({ type: 'varchar', length: 20 })
  status: RegistrationStatus;

  /** Order of arrival: the session's counter, taken under its row lock. */
  @Column({ name: 'arrival_seq', type: 'integer' })
  arrivalSeq: number;

  /** 1…n among the session's WAITLISTED registrations; null otherwise. */
  @Column({ name: 'waitlist_position', type: 'integer', nullable: true })
  waitlistPosition: number | null;

  /** Ranked table ids, most wanted first. */
  @Column({ name: 'table_preferences', type: 'uuid', array: true, default: () => "'{}'" })
  tablePreferences: string[];

  @Column({ name: 'assigned_table_id', type: 'uuid', nullable: true })
  assignedTableId: string | null;

  @BelongsTo(
    () => SessionTableEntity,
    'assigned_table_id',
    'FK_session_registrations_assigned_table',
    'SET NULL',
  )
  assignedTable?: SessionTableEntity;

  /** Shown to the registrant (and as a QR code); the organiser scans or types it at the door. */
  @Index('UQ_session_registrations_check_in_code', { unique: true })
  @Column({ name: 'check_in_code', type: 'varchar', length: 16 })
  checkInCode: string;

  @Column({ name: 'checked_in_at', type: 'timestamptz', nullable: true })
  checkedInAt: Date | null;

  @Column({ name: 'registered_at', type: 'timestamptz', default: () => 'clock_timestamp()' })
  registeredAt: Date;

  @Column({ name: 'confirmed_at', type: 'timestamptz', nullable: true })
  confirmedAt: Date | null;

  /** When a waitlisted registration got a seat. */
  @Column({ name: 'promoted_at', type: 'timestamptz', nullable: true })
  promotedAt: Date | null;

  @Column({ name: 'cancelled_at', type: 'timestamptz', nullable: true })
  cancelledAt: Date | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
