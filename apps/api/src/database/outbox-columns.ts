import { Column } from 'typeorm';

/**
 * The retry columns every outbox table has (search_outbox, mail_outbox) and outbox-queries.ts works on:
 * when a row is next due, how often it was tried, why the last try failed, and the lease of the consumer
 * sending it now.
 */
export abstract class OutboxRetryColumns {
  @Column({ name: 'available_at', type: 'timestamptz', default: () => 'now()' })
  availableAt: Date;

  @Column({ type: 'integer', default: 0 })
  attempts: number;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError: string | null;

  /**
   * Set when a consumer claims the row (a short transaction, committed before the network call): nobody
   * else claims it until then. A lease that expires (the consumer died) makes the row claimable again.
   */
  @Column({ name: 'locked_until', type: 'timestamptz', nullable: true })
  lockedUntil: Date | null;
}
