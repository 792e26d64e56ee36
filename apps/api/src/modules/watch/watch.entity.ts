import type { CaseSearchFilter } from '@yokoten/case-studies';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryColumn,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { UserEntity } from '../auth/user.entity';
import { CaseStudyEntity } from '../case-study/case-study.entity';
import { BelongsTo } from '../../database/belongs-to';

/** A user watches a case: mail when it is updated, followed (横展開) or gets a public FAQ. */
@Entity({ name: 'case_watches' })
@Index('IDX_case_watches_case_study_id', ['caseStudyId'])
export class CaseWatchEntity {
  @PrimaryColumn({ name: 'user_id', type: 'uuid', primaryKeyConstraintName: 'PK_case_watches' })
  userId: string;

  @PrimaryColumn({ name: 'case_study_id', type: 'uuid', primaryKeyConstraintName: 'PK_case_watches' })
  caseStudyId: string;

  @BelongsTo(() => UserEntity, 'user_id', 'FK_case_watches_user', 'CASCADE')
  user?: UserEntity;

  @BelongsTo(() => CaseStudyEntity, 'case_study_id', 'FK_case_watches_case_study', 'CASCADE')
  caseStudy?: CaseStudyEntity;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/** 「参考になった」: one per user and case; the count is shown to the publisher and sorts search results. */
@Entity({ name: 'case_helpful_votes' })
@Index('IDX_case_helpful_votes_user_id', ['userId'])
export class CaseHelpfulVoteEntity {
  @PrimaryColumn({ name: 'case_study_id', type: 'uuid', primaryKeyConstraintName: 'PK_case_helpful_votes' })
  caseStudyId: string;

  @PrimaryColumn({ name: 'user_id', type: 'uuid', primaryKeyConstraintName: 'PK_case_helpful_votes' })
  userId: string;

  @BelongsTo(() => CaseStudyEntity, 'case_study_id', 'FK_case_helpful_votes_case_study', 'CASCADE')
  caseStudy?: CaseStudyEntity;

  @BelongsTo(() => UserEntity, 'user_id', 'FK_case_helpful_votes_user', 'CASCADE')
  user?: UserEntity;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/**
 * A saved search (query + filters) with a weekly digest of the cases first published since the last one.
 * The digest window is (last_digest_at, the claim's time]; a worker claims a due row with a lease
 * (digest_locked_until) so that several API processes send each digest once.
 */
@Entity({ name: 'saved_searches' })
@Index('IDX_saved_searches_user_id', ['userId'])
@Index('IDX_saved_searches_next_digest_at', ['nextDigestAt'])
@Check('CHK_saved_searches_name', `char_length("name") BETWEEN 1 AND 100`)
export class SavedSearchEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_saved_searches' })
  id: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @BelongsTo(() => UserEntity, 'user_id', 'FK_saved_searches_user', 'CASCADE')
  user?: UserEntity;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  /** The words as the searcher typed them ('' lists every case of the filters). */
  @Column({ type: 'varchar', length: 200, default: '' })
  query: string;

  /** The CaseStudyFilter of the search, validated when saved. */
  @Column({ type: 'jsonb', default: {} })
  filter: CaseSearchFilter;

  /** Weekly digest on (Monday 08:00 JST); off keeps the search listed without mail. */
  @Column({ name: 'digest_enabled', type: 'boolean', default: true })
  digestEnabled: boolean;

  /** End of the window the last digest covered (the search's creation before the first). */
  @Column({ name: 'last_digest_at', type: 'timestamptz' })
  lastDigestAt: Date;

  @Column({ name: 'next_digest_at', type: 'timestamptz' })
  nextDigestAt: Date;

  /** A worker's lease on the digest being sent; null when nobody holds it. */
  @Column({ name: 'digest_locked_until', type: 'timestamptz', nullable: true })
  digestLockedUntil: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
