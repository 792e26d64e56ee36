import { Column } from 'typeorm';

/**
 * The retry columns every outbox table has (search_outbox, mail_outbox) and outbox-queries.ts works on:
 * when a row is next due, how often it was tried, and why the last try failed.
 */
export abstract class OutboxRetryColumns {
  @Column({ name: 'available_at', type: 'timestamptz', default: () => 'now()' })
  availableAt: Date;

  @Column({ type: 'integer', default: 0 })
  attempts: number;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError: string | null;
}
