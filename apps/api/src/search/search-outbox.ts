import type { EntityManager } from 'typeorm';
import { SearchOutboxEntity } from './search-outbox.entity';

export type IndexedEntityType = 'case_study';

/**
 * Queues a search-index update for an entity inside the caller's transaction: if the write commits,
 * the update is durably queued; if it rolls back, nothing is queued. The consumer re-reads the row,
 * so enqueuing the same id twice is harmless.
 */
export async function enqueueIndexUpdate(
  manager: EntityManager,
  entityType: IndexedEntityType,
  entityId: string,
): Promise<void> {
  await manager.insert(SearchOutboxEntity, { entityType, entityId });
}
