import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { AdoptionStatus } from '@yokoten/case-studies';
import { UserEntity } from '../auth/user.entity';
import { CaseStudyEntity } from '../case-study/case-study.entity';
import { MunicipalityEntity } from '../municipality/municipality.entity';
import { TimestampColumns } from '../../database/timestamp-columns';
import { BelongsTo } from '../../database/belongs-to';

/**
 * 横展開: a municipality follows a case of another one. One row per (case, municipality), updated as the
 * follower moves from considering to piloting to running it; every change is kept in adoption_events.
 */
@Entity({ name: 'adoptions' })
@Index('UQ_adoptions_case_study_municipality', ['caseStudyId', 'municipalityId'], { unique: true })
@Index('IDX_adoptions_municipality_id', ['municipalityId'])
@Index('IDX_adoptions_adopter_case_study_id', ['adopterCaseStudyId'])
export class AdoptionEntity extends TimestampColumns {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_adoptions' })
  id: string;

  /** The case followed. */
  @Column({ name: 'case_study_id', type: 'uuid' })
  caseStudyId: string;

  @BelongsTo(() => CaseStudyEntity, 'case_study_id', 'FK_adoptions_case_study', 'CASCADE')
  caseStudy?: CaseStudyEntity;

  /** The follower. */
  @Column({ name: 'municipality_id', type: 'uuid' })
  municipalityId: string;

  @BelongsTo(() => MunicipalityEntity, 'municipality_id', 'FK_adoptions_municipality', 'RESTRICT')
  municipality?: MunicipalityEntity;

  @Column({ type: 'varchar', length: 20 })
  status: AdoptionStatus;

  /** Why and how it is being followed. */
  @Column({ type: 'text', default: '' })
  note: string;

  /** What the follower changed to fit its own situation. */
  @Column({ type: 'text', default: '' })
  adaptation: string;

  /** The follower's own result, added later. */
  @Column({ type: 'text', default: '' })
  outcome: string;

  /** The follower's own case study about it: the next link of the chain of spread. */
  @Column({ name: 'adopter_case_study_id', type: 'uuid', nullable: true })
  adopterCaseStudyId: string | null;

  @BelongsTo(() => CaseStudyEntity, 'adopter_case_study_id', 'FK_adoptions_adopter_case_study', 'SET NULL')
  adopterCaseStudy?: CaseStudyEntity;

  @Column({ name: 'recorded_by_user_id', type: 'uuid', nullable: true })
  recordedByUserId: string | null;

  @BelongsTo(() => UserEntity, 'recorded_by_user_id', 'FK_adoptions_recorded_by', 'SET NULL')
  recordedBy?: UserEntity;
}

/** One step of an adoption's timeline: the status it moved to (or a note added), when and by whom. */
@Entity({ name: 'adoption_events' })
@Index('IDX_adoption_events_adoption_id', ['adoptionId', 'createdAt'])
export class AdoptionEventEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_adoption_events' })
  id: string;

  @Column({ name: 'adoption_id', type: 'uuid' })
  adoptionId: string;

  @BelongsTo(() => AdoptionEntity, 'adoption_id', 'FK_adoption_events_adoption', 'CASCADE')
  adoption?: AdoptionEntity;

  @Column({ type: 'varchar', length: 20 })
  status: AdoptionStatus;

  /** Fields changed by this step (status, note, adaptation, outcome, adopterCaseStudyId). */
  @Column({ name: 'changed_fields', type: 'text', array: true, default: () => "'{}'" })
  changedFields: string[];

  @Column({ name: 'user_id', type: 'uuid', nullable: true })
  userId: string | null;

  @BelongsTo(() => UserEntity, 'user_id', 'FK_adoption_events_user', 'SET NULL')
  user?: UserEntity;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'clock_timestamp()' })
  createdAt: Date;
}
