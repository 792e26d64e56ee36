import { join, resolve } from 'node:path';
import type { LoggerService } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AppConfig } from './config/app-config';
import { dataSourceOptions } from './database/data-source-options';
import { isIndexNotFound, type CaseIndex } from './search/case-index';
import {
  ensureDatabase,
  startEmbeddedMeilisearch,
  startEmbeddedPostgres,
  type RuntimeLogEvent,
} from '@yokoten/embedded-runtime';

export interface BackingServices {
  databaseUrl: string;
  search: { url: string; apiKey?: string };
  /** In start order; run in reverse to shut down. */
  stops: Array<() => Promise<void>>;
}

/** Uses DATABASE_URL / MEILI_URL when set, else starts the embedded PostgreSQL and Meilisearch under DATA_DIR. */
export async function startBackingServices(
  config: AppConfig,
  logger: LoggerService,
  stops: Array<() => Promise<void>> = [],
  needs: { search: boolean } = { search: true },
): Promise<BackingServices> {
  const dataDir = resolve(config.DATA_DIR);
  const log = (event: RuntimeLogEvent) => {
    const level = event.level === 'info' ? 'log' : event.level;
    (logger[level] ?? logger.log).call(logger, event, 'runtime');
  };
  const [databaseUrl, search] = await Promise.all([
    (async () => {
      if (config.DATABASE_URL) return config.DATABASE_URL;
      const pg = await startEmbeddedPostgres({
        dataDir: join(dataDir, 'postgres'),
        port: config.EMBEDDED_PG_PORT,
        log,
      });
      stops.push(pg.stop);
      return ensureDatabase(pg.url, 'yokoten');
    })(),
    (async () => {
      if (config.MEILI_URL || !needs.search)
        return { url: config.MEILI_URL ?? '', apiKey: config.MEILI_MASTER_KEY };
      const meili = await startEmbeddedMeilisearch({
        dataDir: join(dataDir, 'meilisearch'),
        port: config.EMBEDDED_MEILI_PORT,
        masterKey: config.MEILI_MASTER_KEY,
        log,
      });
      stops.push(meili.stop);
      return { url: meili.url, apiKey: meili.masterKey };
    })(),
  ]);
  return { databaseUrl, search, stops };
}

/**
 * PostgreSQL advisory lock keys (one 64-bit space per database): whoever holds one runs the migrations or
 * the demo seed while every other process starting at the same moment waits for it, then finds the work
 * done. Without them, three processes on an empty database raced to create the same tables and one died
 * with `duplicate key value violates unique constraint "pg_type_typname_nsp_index"`.
 */
export const MIGRATION_LOCK = 795_280_301;
export const SEED_LOCK = 795_280_302;

/**
 * Runs `work` holding a session-level advisory lock on a connection of its own (PostgreSQL releases it if
 * the process dies), waiting for another holder as long as it takes.
 */
export async function withAdvisoryLock<T>(
  dataSource: DataSource,
  key: number,
  work: () => Promise<T>,
): Promise<T> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    // A wait for the lock is not a slow statement: no statement_timeout on it.
    await runner.query('SET statement_timeout = 0');
    await runner.query('SELECT pg_advisory_lock($1)', [key]);
    try {
      return await work();
    } finally {
      await runner.query('SELECT pg_advisory_unlock($1)', [key]).catch(() => undefined);
      // Back to the pool's own limit for whoever gets this connection next.
      await runner.query('RESET statement_timeout').catch(() => undefined);
    }
  } finally {
    await runner.release();
  }
}

/**
 * Connects, retrying while PostgreSQL is not reachable yet (a container starting beside it): DB_CONNECT_RETRIES
 * attempts (default 10), 2 s apart. The last error is thrown: the caller exits non-zero.
 */
export async function initializeWithRetries(
  dataSource: DataSource,
  logger: LoggerService,
  attempts = Math.max(1, Number(process.env.DB_CONNECT_RETRIES ?? 10) || 1),
  delayMs = 2000,
): Promise<DataSource> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await dataSource.initialize();
    } catch (e) {
      if (attempt >= attempts) throw e;
      logger.warn?.(
        { msg: 'database not reachable, retrying', attempt, of: attempts, error: (e as Error).message },
        'database',
      );
      await new Promise((r) => setTimeout(r, delayMs));
    }
  }
}

/**
 * Applies pending migrations (each in its own transaction) and reports which ran. Under MIGRATION_LOCK, so
 * N processes started at once on an empty database migrate it once and all come up.
 */
export async function runMigrations(databaseUrl: string, logger: LoggerService): Promise<string[]> {
  // No statement timeout: an index build on a large table may take longer than a request may.
  const dataSource = new DataSource(dataSourceOptions(databaseUrl, { statementTimeoutMs: 0 }));
  await initializeWithRetries(dataSource, logger);
  try {
    const applied = await withAdvisoryLock(dataSource, MIGRATION_LOCK, () =>
      dataSource.runMigrations({ transaction: 'each' }),
    );
    const names = applied.map((m) => m.name);
    logger.log(
      { msg: names.length ? 'migrations applied' : 'database schema is up to date', migrations: names },
      'database',
    );
    return names;
  } finally {
    await dataSource.destroy();
  }
}

/**
 * The demo seed under SEED_LOCK: processes started at once on an empty database seed it once; the others
 * wait for the lock, then find it seeded (and only list the accounts).
 */
export function seedDemoOnce<T>(dataSource: DataSource, seed: () => Promise<T>): Promise<T> {
  return withAdvisoryLock(dataSource, SEED_LOCK, seed);
}

/**
 * On the start that seeded the demo data, the "ready" banner waits until its published cases can be found.
 * The index is built from them once the server is up (the search sync's first step, a few seconds), and until
 * then a search answers SEARCH_UNAVAILABLE: the first thing a new user tried could fail. Logs the progress;
 * after `timeoutMs` (an engine that does not answer) it stops waiting and says so, and the app runs on as it
 * does in any outage. Resolves whether the index got there.
 */
export async function waitForDemoSearch(
  dataSource: DataSource,
  index: Pick<CaseIndex, 'documentCount'>,
  logger: LoggerService,
  { timeoutMs = 60_000, pollMs = 200 }: { timeoutMs?: number; pollMs?: number } = {},
): Promise<boolean> {
  const [{ expected }] = (await dataSource.query(
    `SELECT count(*)::int AS expected FROM case_studies WHERE status = 'PUBLISHED'`,
  )) as [{ expected: number }];
  const deadline = Date.now() + timeoutMs;
  let reported = -1;
  let lastError: string | undefined;
  for (;;) {
    let documents = 0;
    try {
      documents = await index.documentCount();
    } catch (err) {
      // Not built yet (the index appears complete, under its name, at the end), or the engine still starting.
      if (!isIndexNotFound(err)) lastError = err instanceof Error ? err.message : String(err);
    }
    if (documents !== reported) {
      reported = documents;
      logger.log(
        { msg: 'indexing demo data', progress: `${Math.min(documents, expected)}/${expected}` },
        'main',
      );
    }
    if (documents >= expected) return true;
    if (Date.now() >= deadline) {
      logger.warn?.(
        { msg: 'demo data not searchable yet; search answers once the index is built', lastError },
        'main',
      );
      return false;
    }
    await new Promise((r) => setTimeout(r, pollMs));
  }
}
