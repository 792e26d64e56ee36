import type { DataSource } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { CaseIndex } from './case-index';
import { CaseIndexHealer } from './case-index.healer';
import { CaseQueries } from './case-queries';
import { CaseIndexReindexer } from './case-index.reindexer';
import { caseIndexName } from './case-index.settings';
import { CaseIndexSource } from './case-index.source';
import { createNodeHttpClient } from './node-http-client';
import { createMeiliClient, MEILI_MAX_SOCKETS, type SearchConnection } from './search.module';
import { SearchOutboxProcessor } from './search-outbox.processor';

/**
 * The search classes without Nest, wired as SearchModule wires them, for command-line tasks (reindex,
 * synthetic seed, benchmarks) that run outside the API process.
 */
export function createSearchStack(dataSource: DataSource, connection: SearchConnection, config: AppConfig) {
  const transport = createNodeHttpClient({
    timeoutMs: config.MEILI_TIMEOUT_MS,
    maxSockets: MEILI_MAX_SOCKETS,
  });
  const meili = createMeiliClient(connection, transport);
  const index = new CaseIndex(meili, caseIndexName(config.MEILI_INDEX_PREFIX));
  const queries = new CaseQueries(index);
  const source = new CaseIndexSource();
  const processor = new SearchOutboxProcessor(dataSource, index, source, config.SEARCH_SYNC_BATCH_SIZE);
  const reindexer = new CaseIndexReindexer(dataSource, index, source, processor);
  const healer = new CaseIndexHealer(dataSource, index, reindexer);
  return { meili, index, queries, source, processor, reindexer, healer, close: () => transport.destroy() };
}
export type SearchStack = ReturnType<typeof createSearchStack>;
