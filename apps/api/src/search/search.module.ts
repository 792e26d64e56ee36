import { Global, Inject, Injectable, Logger, Module, type OnApplicationShutdown } from '@nestjs/common';
import { getDataSourceToken, TypeOrmModule } from '@nestjs/typeorm';
import { Meilisearch } from 'meilisearch';
import type { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { CaseIndex } from './case-index';
import { CaseQueries } from './case-queries';
import { CaseIndexHealer } from './case-index.healer';
import { CaseIndexReindexer } from './case-index.reindexer';
import { caseIndexName } from './case-index.settings';
import { CaseIndexSource } from './case-index.source';
import { createNodeHttpClient, type NodeHttpClient } from './node-http-client';
import { MEILI_CLIENT } from './search.constants';
import { SearchOutboxEntity } from './search-outbox.entity';
import { SearchOutboxProcessor } from './search-outbox.processor';
import { SearchSyncWorker } from './search-sync.worker';

export interface SearchConnection {
  url: string;
  apiKey?: string;
}
export const SEARCH_CONNECTION = Symbol('SEARCH_CONNECTION');

/** Sockets kept alive per engine: 16 concurrent searches and the sync's writes with room to spare. */
export const MEILI_MAX_SOCKETS = 64;

/** The keep-alive transport of the Meilisearch client; its sockets are closed on shutdown. */
@Injectable()
export class MeiliTransport implements OnApplicationShutdown {
  readonly client: NodeHttpClient;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.client = createNodeHttpClient({ timeoutMs: config.MEILI_TIMEOUT_MS, maxSockets: MEILI_MAX_SOCKETS });
  }

  onApplicationShutdown(): void {
    this.client.destroy();
  }
}

/** The engine client for a connection, on the node:http keep-alive transport. */
export function createMeiliClient(conn: SearchConnection, transport: NodeHttpClient): Meilisearch {
  return new Meilisearch({ host: conn.url, apiKey: conn.apiKey, httpClient: transport.request });
}

/**
 * The Meilisearch client (URL and key from config or from the embedded launcher), the case index, the
 * queries services ask it (CaseQueries), and the outbox sync that keeps it derived from PostgreSQL.
 */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([SearchOutboxEntity])],
  providers: [
    MeiliTransport,
    {
      provide: MEILI_CLIENT,
      inject: [SEARCH_CONNECTION, MeiliTransport],
      useFactory: (conn: SearchConnection, transport: MeiliTransport) =>
        createMeiliClient(conn, transport.client),
    },
    {
      provide: CaseIndex,
      inject: [MEILI_CLIENT, APP_CONFIG],
      useFactory: (meili: Meilisearch, config: AppConfig) =>
        new CaseIndex(meili, caseIndexName(config.MEILI_INDEX_PREFIX)),
    },
    CaseQueries,
    CaseIndexSource,
    {
      provide: SearchOutboxProcessor,
      inject: [getDataSourceToken(), CaseIndex, CaseIndexSource, APP_CONFIG],
      useFactory: (dataSource: DataSource, index: CaseIndex, source: CaseIndexSource, config: AppConfig) => {
        const logger = new Logger('SearchSync');
        return new SearchOutboxProcessor(dataSource, index, source, config.SEARCH_SYNC_BATCH_SIZE, {
          warn: (event) => logger.warn(event),
        });
      },
    },
    SearchSyncWorker,
    {
      provide: CaseIndexReindexer,
      inject: [getDataSourceToken(), CaseIndex, CaseIndexSource, SearchOutboxProcessor],
      useFactory: (
        dataSource: DataSource,
        index: CaseIndex,
        source: CaseIndexSource,
        processor: SearchOutboxProcessor,
      ) => new CaseIndexReindexer(dataSource, index, source, processor),
    },
    {
      provide: CaseIndexHealer,
      inject: [getDataSourceToken(), CaseIndex, CaseIndexReindexer],
      useFactory: (dataSource: DataSource, index: CaseIndex, reindexer: CaseIndexReindexer) => {
        const logger = new Logger('SearchHeal');
        return new CaseIndexHealer(dataSource, index, reindexer, {
          log: (event) => logger.log(event),
          warn: (event) => logger.warn(event),
        });
      },
    },
  ],
  exports: [
    MEILI_CLIENT,
    CaseIndex,
    CaseQueries,
    CaseIndexSource,
    SearchOutboxProcessor,
    SearchSyncWorker,
    CaseIndexReindexer,
    CaseIndexHealer,
  ],
})
export class SearchModule {}
