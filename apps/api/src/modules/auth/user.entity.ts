import { Check, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { Role } from '@yokoten/case-studies';
import { MunicipalityEntity } from '../municipality/municipality.entity';
import { TimestampColumns } from '../../database/timestamp-columns';
import { BelongsTo } from '../../database/belongs-to';

export const USER_STATUSES = ['ACTIVE', 'DISABLED'] as const;
export type UserStatus = (typeof USER_STATUSES)[number];
export const USER_LOCALES = ['JA', 'EN'] as const;
export type UserLocale = (typeof USER_LOCALES)[number];

@Entity({ name: 'users' })
@Check('CHK_users_officer_has_municipality', `"role" <> 'OFFICER' OR "municipality_id" IS NOT NULL`)
@Check('CHK_users_locale', `"locale" IN ('JA', 'EN')`)
@Check('CHK_users_status', `"status" IN ('ACTIVE', 'DISABLED')`)
export class UserEntity extends TimestampColumns {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_users' })
  id: string;

  /** Stored lower-cased. */
  @Index('UQ_users_email', { unique: true })
  @Column({ type: 'varchar', length: 254 })
  email: string;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ type: 'varchar', length: 20 })
  role: Role;

  @Index('IDX_users_municipality_id')
  @Column({ name: 'municipality_id', type: 'uuid', nullable: true })
  municipalityId: string | null;

  @BelongsTo(() => MunicipalityEntity, 'municipality_id', 'FK_users_municipality', 'RESTRICT')
  municipality?: MunicipalityEntity;

  /** argon2id (PHC string). */
  @Column({ name: 'password_hash', type: 'varchar', length: 255, select: false })
  passwordHash: string;

  /** 役職, e.g. 主任. */
  @Column({ type: 'varchar', length: 100, nullable: true })
  title: string | null;

  /** 所属, e.g. DX推進課. */
  @Column({ type: 'varchar', length: 100, nullable: true })
  department: string | null;

  @Column({ type: 'varchar', length: 40, nullable: true })
  phone: string | null;

  @Column({ type: 'varchar', length: 2, default: 'JA' })
  locale: UserLocale;

  /** Mail preferences (docs/accounts.md): account mails are always sent, these three kinds on request. */
  @Column({ name: 'session_notices', type: 'boolean', default: true })
  sessionNotices: boolean;

  @Column({ name: 'adoption_notices', type: 'boolean', default: true })
  adoptionNotices: boolean;

  @Column({ name: 'inquiry_notices', type: 'boolean', default: true })
  inquiryNotices: boolean;

  /** Mails about watched cases and the weekly digests of saved searches (modules/watch). */
  @Column({ name: 'watch_notices', type: 'boolean', default: true })
  watchNotices: boolean;

  /** A DISABLED user cannot log in, has no live session and gets no mail. */
  @Column({ type: 'varchar', length: 10, default: 'ACTIVE' })
  status: UserStatus;

  @Column({ name: 'last_login_at', type: 'timestamptz', nullable: true })
  lastLoginAt: Date | null;

  /** Set by a reset or change (not by the first password of an invitation). */
  @Column({ name: 'password_changed_at', type: 'timestamptz', nullable: true })
  passwordChangedAt: Date | null;
}
