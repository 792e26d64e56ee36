import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { OutboxRetryColumns } from '../database/outbox-columns';

/**
 * Durable queue of search-index updates (transactional outbox). A write to a case inserts a row here
 * in the same transaction; the consumer re-reads the case and upserts or deletes its document, then
 * deletes the row. Rows survive a Meilisearch outage and are retried with back-off.
 */
@Entity({ name: 'search_outbox' })
@Index('IDX_search_outbox_available_at', ['availableAt'])
export class SearchOutboxEntity extends OutboxRetryColumns {
  @PrimaryGeneratedColumn('increment', { type: 'bigint', primaryKeyConstraintName: 'PK_search_outbox' })
  id: string;

  /** e.g. 'case_study' */
  @Column({ name: 'entity_type', type: 'varchar', length: 40 })
  entityType: string;

  @Column({ name: 'entity_id', type: 'uuid' })
  entityId: string;

  @CreateDateColumn({ name: 'enqueued_at', type: 'timestamptz' })
  enqueuedAt: Date;
}
