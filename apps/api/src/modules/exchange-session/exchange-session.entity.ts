import { Check, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type {
  AgendaItemKind,
  AllocationMode,
  ExchangeSessionStatus,
  SessionFormat,
} from '@yokoten/case-studies';
import { UserEntity } from '../auth/user.entity';
import { TimestampColumns } from '../../database/timestamp-columns';
import { BelongsTo } from '../../database/belongs-to';

export interface AgendaItemValue {
  kind: AgendaItemKind;
  title: string;
  speaker: string | null;
  affiliation: string | null;
  /** ISO instant; null when the item has no fixed time. */
  startsAt: string | null;
  durationMinutes: number | null;
  /** A case study presented in this slot. */
  caseStudyId: string | null;
}

export interface MaterialValue {
  title: string;
  url: string;
}

/** 定期共有会: one of the network's semi-annual exchange sessions. */
@Entity({ name: 'exchange_sessions' })
@Index('IDX_exchange_sessions_status_starts_at', ['status', 'startsAt'])
@Check('CHK_exchange_sessions_capacity', `"capacity" > 0`)
@Check(
  'CHK_exchange_sessions_per_municipality_limit',
  `"per_municipality_limit" IS NULL OR "per_municipality_limit" > 0`,
)
@Check('CHK_exchange_sessions_times', `"ends_at" > "starts_at"`)
@Check('CHK_exchange_sessions_window', `"registration_closes_at" > "registration_opens_at"`)
export class ExchangeSessionEntity extends TimestampColumns {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_exchange_sessions' })
  id: string;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  /** Fiscal half, e.g. 2026H1 (2026年度上期). */
  @Column({ type: 'varchar', length: 6 })
  term: string;

  @Column({ type: 'text', default: '' })
  description: string;

  @Column({ name: 'starts_at', type: 'timestamptz' })
  startsAt: Date;

  @Column({ name: 'ends_at', type: 'timestamptz' })
  endsAt: Date;

  @Column({ type: 'varchar', length: 10 })
  format: SessionFormat;

  /** Shown only to confirmed registrants and the organiser. */
  @Column({ type: 'varchar', length: 300, nullable: true })
  venue: string | null;

  /** Room, access, what to bring; confirmed registrants only. */
  @Column({ name: 'venue_details', type: 'text', nullable: true })
  venueDetails: string | null;

  /** Confirmed registrants only. */
  @Column({ name: 'meeting_url', type: 'varchar', length: 2000, nullable: true })
  meetingUrl: string | null;

  @Column({ type: 'integer' })
  capacity: number;

  /** null: no limit per municipality. */
  @Column({ name: 'per_municipality_limit', type: 'integer', nullable: true })
  perMunicipalityLimit: number | null;

  @Column({ name: 'registration_opens_at', type: 'timestamptz' })
  registrationOpensAt: Date;

  @Column({ name: 'registration_closes_at', type: 'timestamptz' })
  registrationClosesAt: Date;

  @Column({ name: 'allocation_mode', type: 'varchar', length: 20, default: 'FIRST_COME' })
  allocationMode: AllocationMode;

  /** The recorded seed of the lottery draw, so it can be re-run and checked. */
  @Column({ name: 'lottery_seed', type: 'varchar', length: 100, nullable: true })
  lotterySeed: string | null;

  @Column({ name: 'lottery_drawn_at', type: 'timestamptz', nullable: true })
  lotteryDrawnAt: Date | null;

  @Column({ type: 'varchar', length: 20, default: 'DRAFT' })
  status: ExchangeSessionStatus;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  agenda: AgendaItemValue[];

  @Column({ type: 'jsonb', default: () => "'[]'" })
  materials: MaterialValue[];

  /** Public listings and the iCal feed show the session (a closed, invitation-only one is hidden). */
  @Column({ name: 'is_public', type: 'boolean', default: true })
  isPublic: boolean;

  @Column({ name: 'report_minutes', type: 'text', nullable: true })
  reportMinutes: string | null;

  @Column({ name: 'report_attendee_count', type: 'integer', nullable: true })
  reportAttendeeCount: number | null;

  @Column({ name: 'report_municipality_count', type: 'integer', nullable: true })
  reportMunicipalityCount: number | null;

  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt: Date | null;

  @Column({ name: 'cancelled_at', type: 'timestamptz', nullable: true })
  cancelledAt: Date | null;

  @Column({ name: 'cancel_reason', type: 'text', nullable: true })
  cancelReason: string | null;

  /** Arrival counter: the last sequence number handed out under the session's row lock. */
  @Column({ name: 'registration_seq', type: 'integer', default: 0 })
  registrationSeq: number;

  /** Highest capacity alert (50, 80, 100 %) the organiser has been sent. */
  @Column({ name: 'capacity_alert_level', type: 'integer', default: 0 })
  capacityAlertLevel: number;

  /** Set when the reminder mails went out, so the periodic check sends them once. */
  @Column({ name: 'reminder_sent_at', type: 'timestamptz', nullable: true })
  reminderSentAt: Date | null;

  /**
   * The calendar SEQUENCE (RFC 5545): raised with every change registrants are told of (time, place, format,
   * meeting URL, cancellation), so a calendar that imported the event replaces it (same UID).
   */
  @Column({ name: 'calendar_sequence', type: 'integer', default: 0 })
  calendarSequence: number;

  /** When attendees were last mailed that the report was posted or updated (a re-edit soon after is silent). */
  @Column({ name: 'report_notified_at', type: 'timestamptz', nullable: true })
  reportNotifiedAt: Date | null;

  @Column({ name: 'created_by_user_id', type: 'uuid', nullable: true })
  createdByUserId: string | null;

  @BelongsTo(() => UserEntity, 'created_by_user_id', 'FK_exchange_sessions_created_by_user', 'SET NULL')
  createdBy?: UserEntity;
}
