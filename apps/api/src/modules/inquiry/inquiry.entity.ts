import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { InquiryStatus } from '@yokoten/case-studies';
import { UserEntity } from '../auth/user.entity';
import { CaseStudyEntity } from '../case-study/case-study.entity';
import { MunicipalityEntity } from '../municipality/municipality.entity';
import { TimestampColumns } from '../../database/timestamp-columns';
import { BelongsTo } from '../../database/belongs-to';

/**
 * 問い合わせ: a question from one member municipality to the publisher of a case, and the thread that
 * follows. Read by the two municipalities and the organisers; by every member when the publisher made it
 * a public FAQ of the case.
 */
@Entity({ name: 'inquiries' })
@Index('IDX_inquiries_case_study_id', ['caseStudyId', 'createdAt'])
@Index('IDX_inquiries_asker_municipality_id', ['askerMunicipalityId'])
export class InquiryEntity extends TimestampColumns {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_inquiries' })
  id: string;

  @Column({ name: 'case_study_id', type: 'uuid' })
  caseStudyId: string;

  @BelongsTo(() => CaseStudyEntity, 'case_study_id', 'FK_inquiries_case_study', 'CASCADE')
  caseStudy?: CaseStudyEntity;

  /** The publisher at the time of asking (a case never changes municipality, so this is the case's). */
  @Column({ name: 'publisher_municipality_id', type: 'uuid' })
  publisherMunicipalityId: string;

  @BelongsTo(() => MunicipalityEntity, 'publisher_municipality_id', 'FK_inquiries_publisher', 'RESTRICT')
  publisherMunicipality?: MunicipalityEntity;

  @Column({ name: 'asker_municipality_id', type: 'uuid' })
  askerMunicipalityId: string;

  @BelongsTo(() => MunicipalityEntity, 'asker_municipality_id', 'FK_inquiries_asker', 'RESTRICT')
  askerMunicipality?: MunicipalityEntity;

  @Column({ name: 'asker_user_id', type: 'uuid', nullable: true })
  askerUserId: string | null;

  @BelongsTo(() => UserEntity, 'asker_user_id', 'FK_inquiries_asker_user', 'SET NULL')
  askerUser?: UserEntity;

  @Column({ type: 'varchar', length: 200 })
  subject: string;

  @Column({ type: 'varchar', length: 20, default: 'OPEN' })
  status: InquiryStatus;

  /** Chosen by the publisher: the thread becomes a FAQ of the case for every member. */
  @Column({ name: 'is_public', type: 'boolean', default: false })
  isPublic: boolean;

  @Column({ name: 'last_message_at', type: 'timestamptz', default: () => 'now()' })
  lastMessageAt: Date;
}

@Entity({ name: 'inquiry_messages' })
@Index('IDX_inquiry_messages_inquiry_id', ['inquiryId', 'createdAt'])
export class InquiryMessageEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_inquiry_messages' })
  id: string;

  @Column({ name: 'inquiry_id', type: 'uuid' })
  inquiryId: string;

  @BelongsTo(() => InquiryEntity, 'inquiry_id', 'FK_inquiry_messages_inquiry', 'CASCADE')
  inquiry?: InquiryEntity;

  @Column({ name: 'author_user_id', type: 'uuid', nullable: true })
  authorUserId: string | null;

  @BelongsTo(() => UserEntity, 'author_user_id', 'FK_inquiry_messages_author', 'SET NULL')
  author?: UserEntity;

  /** Which side wrote it: the asker's or the publisher's municipality. */
  @Column({ name: 'author_municipality_id', type: 'uuid' })
  authorMunicipalityId: string;

  @BelongsTo(
    () => MunicipalityEntity,
    'author_municipality_id',
    'FK_inquiry_messages_author_municipality',
    'RESTRICT',
  )
  authorMunicipality?: MunicipalityEntity;

  @Column({ type: 'text' })
  body: string;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'clock_timestamp()' })
  createdAt: Date;
}
