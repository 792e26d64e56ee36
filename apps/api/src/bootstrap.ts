import { join, resolve } from 'node:path';
import type { LoggerService } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AppConfig } from './config/app-config';
import { dataSourceOptions } from './database/data-source-options';
import {
  ensureDatabase,
  startEmbeddedMeilisearch,
  startEmbeddedPostgres,
  type RuntimeLogEvent,
} from './runtime';

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

/** Applies pending migrations (each in its own transaction) and reports which ran. */
export async function runMigrations(databaseUrl: string, logger: LoggerService): Promise<string[]> {
  const dataSource = new DataSource(dataSourceOptions(databaseUrl));
  await dataSource.initialize();
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
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
