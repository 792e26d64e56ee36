import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { InquiryStatus } from '@yokoten/case-studies';
import { UserEntity } from '../auth/user.entity';
import { CaseStudyEntity } from '../case-study/case-study.entity';
import { MunicipalityEntity } from '../municipality/municipality.entity';
import { TimestampColumns } from '../../database/timestamp-columns';

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

  @ManyToOne(() => CaseStudyEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_study_id', foreignKeyConstraintName: 'FK_inquiries_case_study' })
  caseStudy?: CaseStudyEntity;

  /** The publisher at the time of asking (a case never changes municipality, so this is the case's). */
  @Column({ name: 'publisher_municipality_id', type: 'uuid' })
  publisherMunicipalityId: string;

  @ManyToOne(() => MunicipalityEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'publisher_municipality_id', foreignKeyConstraintName: 'FK_inquiries_publisher' })
  publisherMunicipality?: MunicipalityEntity;

  @Column({ name: 'asker_municipality_id', type: 'uuid' })
  askerMunicipalityId: string;

  @ManyToOne(() => MunicipalityEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'asker_municipality_id', foreignKeyConstraintName: 'FK_inquiries_asker' })
  askerMunicipality?: MunicipalityEntity;

  @Column({ name: 'asker_user_id', type: 'uuid', nullable: true })
  askerUserId: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'asker_user_id', foreignKeyConstraintName: 'FK_inquiries_asker_user' })
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

  @ManyToOne(() => InquiryEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'inquiry_id', foreignKeyConstraintName: 'FK_inquiry_messages_inquiry' })
  inquiry?: InquiryEntity;

  @Column({ name: 'author_user_id', type: 'uuid', nullable: true })
  authorUserId: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'author_user_id', foreignKeyConstraintName: 'FK_inquiry_messages_author' })
  author?: UserEntity;

  /** Which side wrote it: the asker's or the publisher's municipality. */
  @Column({ name: 'author_municipality_id', type: 'uuid' })
  authorMunicipalityId: string;

  @ManyToOne(() => MunicipalityEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'author_municipality_id',
    foreignKeyConstraintName: 'FK_inquiry_messages_author_municipality',
  })
  authorMunicipality?: MunicipalityEntity;

  @Column({ type: 'text' })
  body: string;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'clock_timestamp()' })
  createdAt: Date;
}
