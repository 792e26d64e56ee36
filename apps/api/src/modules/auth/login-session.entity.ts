import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { UserEntity } from './user.entity';
import { BelongsTo } from '../../database/belongs-to';

/**
 * A login session (a signed-in browser or API client; not an exchange session, 定期共有会). Only the SHA-256
 * of the token is stored, so a database leak does not leak sign-ins.
 */
@Entity({ name: 'login_sessions' })
export class LoginSessionEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_login_sessions' })
  id: string;

  @Index('UQ_login_sessions_token_hash', { unique: true })
  @Column({ name: 'token_hash', type: 'char', length: 64 })
  tokenHash: string;

  @Index('IDX_login_sessions_user_id')
  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @BelongsTo(() => UserEntity, 'user_id', 'FK_login_sessions_user', 'CASCADE')
  user?: UserEntity;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;
}
