import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { MunicipalityEntity } from './municipality.entity';
import { UserEntity } from '../auth/user.entity';

/** 共同宣言: one signed commitment per member municipality. */
@Entity({ name: 'declarations' })
export class DeclarationEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_declarations' })
  id: string;

  @Index('UQ_declarations_municipality_id', { unique: true })
  @Column({ name: 'municipality_id', type: 'uuid' })
  municipalityId: string;

  @ManyToOne(() => MunicipalityEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'municipality_id', foreignKeyConstraintName: 'FK_declarations_municipality' })
  municipality?: MunicipalityEntity;

  @Column({ name: 'signer_name', type: 'varchar', length: 100 })
  signerName: string;

  @Column({ name: 'signer_title', type: 'varchar', length: 100 })
  signerTitle: string;

  @Column({ type: 'text' })
  statement: string;

  @Column({ name: 'signed_by_user_id', type: 'uuid', nullable: true })
  signedByUserId: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'signed_by_user_id', foreignKeyConstraintName: 'FK_declarations_signed_by_user' })
  signedBy?: UserEntity;

  @CreateDateColumn({ name: 'signed_at', type: 'timestamptz' })
  signedAt: Date;
}
