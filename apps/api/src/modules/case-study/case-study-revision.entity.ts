import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { UserEntity } from '../auth/user.entity';
import { CaseStudyEntity } from './case-study.entity';

/** Who changed what, when: one row per saved change of a case, with the fields that changed and a snapshot. */
@Entity({ name: 'case_study_revisions' })
@Index('IDX_case_study_revisions_case_study_id_created_at', ['caseStudyId', 'createdAt'])
export class CaseStudyRevisionEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_case_study_revisions' })
  id: string;

  @Column({ name: 'case_study_id', type: 'uuid' })
  caseStudyId: string;

  @ManyToOne(() => CaseStudyEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_study_id', foreignKeyConstraintName: 'FK_case_study_revisions_case_study' })
  caseStudy?: CaseStudyEntity;

  @Column({ type: 'integer' })
  version: number;

  /** CREATE, UPDATE, PUBLISH, ARCHIVE, UNPUBLISH, … */
  @Column({ type: 'varchar', length: 20 })
  action: string;

  @Column({ name: 'editor_id', type: 'uuid', nullable: true })
  editorId: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'editor_id', foreignKeyConstraintName: 'FK_case_study_revisions_editor' })
  editor?: UserEntity;

  @Column({ name: 'changed_fields', type: 'text', array: true, default: () => "'{}'" })
  changedFields: string[];

  @Column({ type: 'jsonb' })
  snapshot: Record<string, unknown>;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
