import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { OutboxRetryColumns } from '../../database/outbox-columns';

/**
 * Durable queue of rendered mails (transactional outbox). The change that causes a mail inserts it here
 * in its own transaction; one consumer sends it and deletes the row. A mail that cannot be sent stays,
 * with attempts, last_error and a back-off, until it goes out.
 */
@Entity({ name: 'mail_outbox' })
@Index('IDX_mail_outbox_available_at', ['availableAt'])
export class MailOutboxEntity extends OutboxRetryColumns {
  @PrimaryGeneratedColumn('increment', { type: 'bigint', primaryKeyConstraintName: 'PK_mail_outbox' })
  id: string;

  /** What the mail is about (confirmation, promotion, reminder, …). */
  @Column({ type: 'varchar', length: 60 })
  kind: string;

  /** `to` as the sender wrote it: one address (a JSON string) or several (a JSON array). */
  @Column({ type: 'jsonb' })
  recipients: string | string[];

  @Column({ type: 'text' })
  subject: string;

  @Column({ type: 'text' })
  text: string;

  /** Set for a mail that must be queued once (e.g. `reminder:<registration>`); a second insert is ignored. */
  @Index('UQ_mail_outbox_dedupe_key', { unique: true })
  @Column({ name: 'dedupe_key', type: 'varchar', length: 200, nullable: true })
  dedupeKey: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
