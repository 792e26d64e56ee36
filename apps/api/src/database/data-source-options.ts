import { join } from 'node:path';
import type { DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from './migrations';
import { TypeOrmJsonLogger } from './typeorm-logger';

/**
 * Limits every connection of the pool carries (docs/operations.md): a statement that runs longer than
 * DB_STATEMENT_TIMEOUT_MS (default 15 s) is cancelled, a transaction left idle for 60 s is ended (no
 * transaction may be held open across a network call), and connecting or waiting for a free connection
 * gives up after DB_CONNECT_TIMEOUT_MS (default 10 s). 0 turns a limit off (migrations: a long index
 * build, a wait for the migration lock; backup and restore turn them off per transaction).
 */
export interface ConnectionLimits {
  statementTimeoutMs?: number;
  idleInTransactionTimeoutMs?: number;
  connectTimeoutMs?: number;
}

const envMs = (name: string, fallback: number) => {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value >= 0 ? value : fallback;
};

/**
 * Every entity of the app, found by file name rather than imported: each module registers its own with
 * `TypeOrmModule.forFeature` (the app's data source loads them with autoLoadEntities), and this folder
 * imports no feature. Data sources made outside Nest (the migration CLI, backup and restore, the CLIs,
 * the tests' migration checks) need the whole set; `*.entity.ts` is the naming rule (CONVENTIONS.md) and
 * `.js` is the built app's. migrations.int-spec checks the two sets are the same.
 */
export const ENTITY_GLOB = join(__dirname, '..', '**', '*.entity.{ts,js}');

/** The one definition of how Yokoten talks to PostgreSQL; the schema changes only through migrations. */
export function dataSourceOptions(url: string, limits: ConnectionLimits = {}): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: [ENTITY_GLOB],
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    synchronize: false,
    // gen_random_uuid() is built into PostgreSQL 13+; no uuid-ossp needed.
    uuidExtension: 'pgcrypto',
    migrationsRun: false,
    logging: ['error', 'warn'],
    logger: new TypeOrmJsonLogger(),
    maxQueryExecutionTime: 1000,
    extra: {
      max: Number(process.env.DB_POOL_SIZE ?? 20),
      application_name: 'yokoten',
      statement_timeout: limits.statementTimeoutMs ?? envMs('DB_STATEMENT_TIMEOUT_MS', 15_000),
      idle_in_transaction_session_timeout: limits.idleInTransactionTimeoutMs ?? 60_000,
      connectionTimeoutMillis: limits.connectTimeoutMs ?? envMs('DB_CONNECT_TIMEOUT_MS', 10_000),
    },
  };
}
