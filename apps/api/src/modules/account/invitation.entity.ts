import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { Role } from '@yokoten/case-studies';
import { MunicipalityEntity } from '../municipality/municipality.entity';
import { UserEntity } from '../auth/user.entity';
import { BelongsTo } from '../../database/belongs-to';

export const INVITATION_PURPOSES = ['INVITATION', 'SET_PASSWORD'] as const;
/** INVITATION: a new account is made on acceptance; SET_PASSWORD: the first admin's existing account gets its password. */
export type InvitationPurpose = (typeof INVITATION_PURPOSES)[number];

export const INVITATION_STATUSES = ['PENDING', 'ACCEPTED', 'REVOKED', 'EXPIRED'] as const;
export type InvitationStatus = (typeof INVITATION_STATUSES)[number];

/**
 * An invitation to make an account (or the first admin's set-password link). Only the SHA-256 of the token
 * is stored; at most one open (neither accepted nor revoked) invitation per address.
 */
@Entity({ name: 'invitations' })
@Index('UQ_invitations_open_email', ['email'], {
  unique: true,
  where: '"accepted_at" IS NULL AND "revoked_at" IS NULL',
})
@Check('CHK_invitations_purpose', `"purpose" IN ('INVITATION', 'SET_PASSWORD')`)
@Check('CHK_invitations_officer_has_municipality', `"role" <> 'OFFICER' OR "municipality_id" IS NOT NULL`)
export class InvitationEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_invitations' })
  id: string;

  /** Stored lower-cased. */
  @Column({ type: 'varchar', length: 254 })
  email: string;

  @Column({ type: 'varchar', length: 20 })
  role: Role;

  @Index('IDX_invitations_municipality_id')
  @Column({ name: 'municipality_id', type: 'uuid', nullable: true })
  municipalityId: string | null;

  @BelongsTo(() => MunicipalityEntity, 'municipality_id', 'FK_invitations_municipality', 'CASCADE')
  municipality?: MunicipalityEntity;

  /** The name the inviter gave; the invitee may change it on acceptance. */
  @Column({ type: 'varchar', length: 100, nullable: true })
  name: string | null;

  @Column({ type: 'varchar', length: 20, default: 'INVITATION' })
  purpose: InvitationPurpose;

  @Index('UQ_invitations_token_hash', { unique: true })
  @Column({ name: 'token_hash', type: 'char', length: 64 })
  tokenHash: string;

  @Column({ name: 'invited_by', type: 'uuid', nullable: true })
  invitedBy: string | null;

  @BelongsTo(() => UserEntity, 'invited_by', 'FK_invitations_invited_by', 'SET NULL')
  inviter?: UserEntity;

  /** SET_PASSWORD: the account whose password is set; INVITATION: the account made on acceptance. */
  @Column({ name: 'user_id', type: 'uuid', nullable: true })
  userId: string | null;

  @BelongsTo(() => UserEntity, 'user_id', 'FK_invitations_user', 'CASCADE')
  user?: UserEntity;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;

  @Column({ name: 'accepted_at', type: 'timestamptz', nullable: true })
  acceptedAt: Date | null;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt: Date | null;
}

export function invitationStatus(
  i: Pick<InvitationEntity, 'acceptedAt' | 'revokedAt' | 'expiresAt'>,
  now = new Date(),
): InvitationStatus {
  if (i.acceptedAt) return 'ACCEPTED';
  if (i.revokedAt) return 'REVOKED';
  if (i.expiresAt.getTime() <= now.getTime()) return 'EXPIRED';
  return 'PENDING';
}
