import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryColumn,
  PrimaryGeneratedColumn,
} from 'typeorm';
import type { SessionAttachmentPurpose } from '@yokoten/case-studies';
import { OutboxRetryColumns } from '../../database/outbox-columns';
import { UserEntity } from '../auth/user.entity';
import { CaseStudyEntity } from '../case-study/case-study.entity';
import { ExchangeSessionEntity } from '../exchange-session/exchange-session.entity';
import { TimestampColumns } from '../../database/timestamp-columns';
import { BelongsTo } from '../../database/belongs-to';

/** Where the text of a file stands: queued, extracted, failed (kept, not searchable), or not a text type. */
export type AttachmentTextStatus = 'PENDING' | 'DONE' | 'FAILED' | 'NONE';

/**
 * A file attached to a case study or an exchange session (exactly one of the two). Its bytes are in
 * attachment_chunks (AttachmentStorage); this row is what people see and what permissions are read from.
 * Deleting the case or session deletes its files.
 */
@Entity({ name: 'attachments' })
@Check('CHK_attachments_one_owner', '(("case_study_id" IS NULL) <> ("exchange_session_id" IS NULL))')
@Index('IDX_attachments_case_study_id', ['caseStudyId'])
@Index('IDX_attachments_exchange_session_id', ['exchangeSessionId'])
export class AttachmentEntity extends TimestampColumns {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_attachments' })
  id: string;

  @Column({ name: 'case_study_id', type: 'uuid', nullable: true })
  caseStudyId: string | null;

  @BelongsTo(() => CaseStudyEntity, 'case_study_id', 'FK_attachments_case_study', 'CASCADE')
  caseStudy?: CaseStudyEntity;

  @Column({ name: 'exchange_session_id', type: 'uuid', nullable: true })
  exchangeSessionId: string | null;

  @BelongsTo(() => ExchangeSessionEntity, 'exchange_session_id', 'FK_attachments_exchange_session', 'CASCADE')
  exchangeSession?: ExchangeSessionEntity;

  /** The file name as uploaded (NFC, no path), served back in Content-Disposition. */
  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'varchar', length: 300, default: '' })
  caption: string;

  /** Recognised from the content (ATTACHMENT_TYPES), never taken from the client. */
  @Column({ name: 'mime_type', type: 'varchar', length: 100 })
  mimeType: string;

  @Column({
    name: 'size_bytes',
    type: 'bigint',
    transformer: { to: (v: number) => v, from: (v: string | null) => (v === null ? null : Number(v)) },
  })
  sizeBytes: number;

  /** Hex SHA-256 of the bytes: checked by the tests, handy for an operator comparing copies. */
  @Column({ type: 'char', length: 64 })
  sha256: string;

  /** Shown only to members and organisers (and never indexed for search), even on a PUBLIC case. */
  @Column({ name: 'members_only', type: 'boolean', default: false })
  membersOnly: boolean;

  /** Sessions: what the file is for (agenda, preparation, slides, report); null for a case's files. */
  @Column({ type: 'varchar', length: 20, nullable: true })
  purpose: SessionAttachmentPurpose | null;

  @Column({ name: 'uploaded_by_user_id', type: 'uuid', nullable: true })
  uploadedByUserId: string | null;

  @BelongsTo(() => UserEntity, 'uploaded_by_user_id', 'FK_attachments_uploaded_by', 'SET NULL')
  uploadedBy?: UserEntity;

  @Column({ name: 'text_status', type: 'varchar', length: 10 })
  textStatus: AttachmentTextStatus;

  /** The extracted text (bounded), for search; null until extracted. */
  @Column({ name: 'text_content', type: 'text', nullable: true, select: false })
  textContent: string | null;

  /** text_content folded as the search folds words (normalizeForSearch), for finding which file matched. */
  @Column({ name: 'text_folded', type: 'text', nullable: true, select: false })
  textFolded: string | null;
}

/**
 * The bytes of a file in pieces of ATTACHMENT_CHUNK_BYTES (the last one shorter), numbered from 0. A table
 * rather than large objects: the backup (COPY of every table) carries it, every API process reads it.
 */
@Entity({ name: 'attachment_chunks' })
export class AttachmentChunkEntity {
  @PrimaryColumn({ name: 'attachment_id', type: 'uuid', primaryKeyConstraintName: 'PK_attachment_chunks' })
  attachmentId: string;

  @PrimaryColumn({ type: 'integer', primaryKeyConstraintName: 'PK_attachment_chunks' })
  seq: number;

  @BelongsTo(() => AttachmentEntity, 'attachment_id', 'FK_attachment_chunks_attachment', 'CASCADE')
  attachment?: AttachmentEntity;

  @Column({ type: 'bytea' })
  data: Buffer;
}

/**
 * Text extraction jobs (transactional outbox, like search_outbox and mail_outbox): an upload queues one in
 * its transaction; the worker extracts the text off the request path, stores it, queues the case's
 * search-index update, and deletes the row.
 */
@Entity({ name: 'attachment_text_outbox' })
@Index('IDX_attachment_text_outbox_available_at', ['availableAt'])
export class AttachmentTextOutboxEntity extends OutboxRetryColumns {
  @PrimaryGeneratedColumn('increment', {
    type: 'bigint',
    primaryKeyConstraintName: 'PK_attachment_text_outbox',
  })
  id: string;

  /** No foreign key: a job whose file was deleted meanwhile is simply dropped. */
  @Column({ name: 'attachment_id', type: 'uuid' })
  attachmentId: string;

  @CreateDateColumn({ name: 'enqueued_at', type: 'timestamptz' })
  enqueuedAt: Date;
}

export const ATTACHMENT_ENTITIES = [AttachmentEntity, AttachmentChunkEntity, AttachmentTextOutboxEntity];
