import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { MunicipalityEntity } from './municipality.entity';
import { UserEntity } from '../auth/user.entity';
import { BelongsTo } from '../../database/belongs-to';

/** 共同宣言: one signed commitment per member municipality. */
@Entity({ name: 'declarations' })
export class DeclarationEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_declarations' })
  id: string;

  @Index('UQ_declarations_municipality_id', { unique: true })
  @Column({ name: 'municipality_id', type: 'uuid' })
  municipalityId: string;

  @BelongsTo(() => MunicipalityEntity, 'municipality_id', 'FK_declarations_municipality', 'CASCADE')
  municipality?: MunicipalityEntity;

  @Column({ name: 'signer_name', type: 'varchar', length: 100 })
  signerName: string;

  @Column({ name: 'signer_title', type: 'varchar', length: 100 })
  signerTitle: string;

  @Column({ type: 'text' })
  statement: string;

  @Column({ name: 'signed_by_user_id', type: 'uuid', nullable: true })
  signedByUserId: string | null;

  @BelongsTo(() => UserEntity, 'signed_by_user_id', 'FK_declarations_signed_by_user', 'SET NULL')
  signedBy?: UserEntity;

  @CreateDateColumn({ name: 'signed_at', type: 'timestamptz' })
  signedAt: Date;
}
