import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { UserEntity } from '../auth/user.entity';
import { CaseStudyEntity } from './case-study.entity';
import { BelongsTo } from '../../database/belongs-to';

/** Who changed what, when: one row per saved change of a case, with the fields that changed and a snapshot. */
@Entity({ name: 'case_study_revisions' })
@Index('IDX_case_study_revisions_case_study_id_created_at', ['caseStudyId', 'createdAt'])
export class CaseStudyRevisionEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_case_study_revisions' })
  id: string;

  @Column({ name: 'case_study_id', type: 'uuid' })
  caseStudyId: string;

  @BelongsTo(() => CaseStudyEntity, 'case_study_id', 'FK_case_study_revisions_case_study', 'CASCADE')
  caseStudy?: CaseStudyEntity;

  @Column({ type: 'integer' })
  version: number;

  /** CREATE, UPDATE, PUBLISH, ARCHIVE, UNPUBLISH, … */
  @Column({ type: 'varchar', length: 20 })
  action: string;

  @Column({ name: 'editor_id', type: 'uuid', nullable: true })
  editorId: string | null;

  @BelongsTo(() => UserEntity, 'editor_id', 'FK_case_study_revisions_editor', 'SET NULL')
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
