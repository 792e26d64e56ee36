import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { UserEntity } from '../auth/user.entity';
import { BelongsTo } from '../../database/belongs-to';

/** A password-reset link (1 hour, single use). Only the SHA-256 of the token is stored. */
@Entity({ name: 'password_resets' })
export class PasswordResetEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_password_resets' })
  id: string;

  @Index('IDX_password_resets_user_id')
  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @BelongsTo(() => UserEntity, 'user_id', 'FK_password_resets_user', 'CASCADE')
  user?: UserEntity;

  @Index('UQ_password_resets_token_hash', { unique: true })
  @Column({ name: 'token_hash', type: 'char', length: 64 })
  tokenHash: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;

  @Column({ name: 'used_at', type: 'timestamptz', nullable: true })
  usedAt: Date | null;

  /** A newer request (or a completed reset) made this unused link void. */
  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt: Date | null;
}
