import { Column, Entity, Index, PrimaryGeneratedColumn, VersionColumn } from 'typeorm';
import type { CaseStage, CaseStatus, CaseTarget, CaseTheme, Visibility } from '@yokoten/case-studies';
import { MunicipalityEntity } from '../municipality/municipality.entity';
import { UserEntity } from '../auth/user.entity';
import { TimestampColumns } from '../../database/timestamp-columns';
import { BelongsTo } from '../../database/belongs-to';

export interface OutcomeValue {
  label: string;
  before: number | null;
  after: number;
  unit: string;
  /** YYYY-MM-DD */
  asOf: string | null;
}

/** bigint comes back from pg as a string; budgets stay far below 2^53 yen. */
const bigintAsNumber = {
  to: (v: number | null | undefined) => v,
  from: (v: string | null) => (v === null ? null : Number(v)),
};

@Entity({ name: 'case_studies' })
@Index('IDX_case_studies_municipality_id', ['municipalityId'])
@Index('IDX_case_studies_status_published_at', ['status', 'publishedAt'])
export class CaseStudyEntity extends TimestampColumns {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_case_studies' })
  id: string;

  @Column({ name: 'municipality_id', type: 'uuid' })
  municipalityId: string;

  @BelongsTo(() => MunicipalityEntity, 'municipality_id', 'FK_case_studies_municipality', 'RESTRICT')
  municipality?: MunicipalityEntity;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'text', default: '' })
  summary: string;

  /** Markdown; sanitised when rendered. */
  @Column({ type: 'text', default: '' })
  body: string;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  themes: CaseTheme[];

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  targets: CaseTarget[];

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  tags: string[];

  /** April–March years (2025 = 令和7年度). */
  @Column({ name: 'fiscal_years', type: 'integer', array: true, default: () => "'{}'" })
  fiscalYears: number[];

  @Column({ name: 'budget_yen', type: 'bigint', nullable: true, transformer: bigintAsNumber })
  budgetYen: number | null;

  @Column({ name: 'funding_sources', type: 'text', array: true, default: () => "'{}'" })
  fundingSources: string[];

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  partners: string[];

  @Column({ type: 'jsonb', default: () => "'[]'" })
  outcomes: OutcomeValue[];

  @Column({ name: 'lessons_learned', type: 'text', default: '' })
  lessonsLearned: string;

  /** What was hard or did not work. */
  @Column({ type: 'text', default: '' })
  challenges: string;

  @Column({ name: 'success_conditions', type: 'text', default: '' })
  successConditions: string;

  @Column({ type: 'varchar', length: 20, default: 'IN_PROGRESS' })
  stage: CaseStage;

  @Column({ name: 'contact_department', type: 'varchar', length: 200, default: '' })
  contactDepartment: string;

  @Column({ name: 'contact_email', type: 'varchar', length: 254, nullable: true })
  contactEmail: string | null;

  @Column({ name: 'contact_phone', type: 'varchar', length: 40, nullable: true })
  contactPhone: string | null;

  @Column({ type: 'varchar', length: 20, default: 'DRAFT' })
  status: CaseStatus;

  @Column({ type: 'varchar', length: 20, default: 'PUBLIC' })
  visibility: Visibility;

  /** Set when an organiser takes a published case down (moderation). */
  @Column({ name: 'unpublished_reason', type: 'text', nullable: true })
  unpublishedReason: string | null;

  @Column({ name: 'author_id', type: 'uuid', nullable: true })
  authorId: string | null;

  @BelongsTo(() => UserEntity, 'author_id', 'FK_case_studies_author', 'SET NULL')
  author?: UserEntity;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt: Date | null;

  /** Optimistic locking: an edit based on an old version is refused instead of overwriting. */
  @VersionColumn({ type: 'integer', default: 1 })
  version: number;
}
