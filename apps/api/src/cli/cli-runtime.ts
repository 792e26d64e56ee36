import { Logger, type LoggerService } from '@nestjs/common';
import { runMigrations, startBackingServices, type BackingServices } from '../bootstrap';
import { ConfigError, loadConfig, type AppConfig } from '../config/app-config';
import { JsonLogger } from '../common/json-logger';
import { installShutdown } from '@yokoten/embedded-runtime';
import { runningEmbeddedDatabase } from '../backup/cli-support';

/**
 * Runs a command-line task against the same database the app uses (embedded under .data/ unless
 * DATABASE_URL is set), migrated first, and stops what it started, also on Ctrl-C. A task that needs no
 * search engine attaches to the embedded PostgreSQL of an app already running on the same data directory
 * (`npm start` in one terminal, `npm run users:create-admin` in another) instead of failing to start a
 * second server on it.
 */
export async function runCli(
  task: (ctx: {
    config: AppConfig;
    services: BackingServices;
    logger: LoggerService;
    migrations: string[];
  }) => Promise<number | void>,
  needs: { search: boolean } = { search: false },
): Promise<void> {
  let config: AppConfig;
  try {
    config = loadConfig();
  } catch (e) {
    process.stderr.write(`${e instanceof ConfigError ? e.message : String(e)}\n`);
    process.exit(1);
  }
  const logger = new JsonLogger('warn');
  // TypeORM's and the services' Nest loggers too: a command prints its own lines, and warnings or errors.
  Logger.overrideLogger(logger);
  const stops: Array<() => Promise<void>> = [];
  const uninstall = installShutdown(stops, (event) => logger.warn(event, 'shutdown'));
  let code = 0;
  try {
    const attached =
      !config.DATABASE_URL && !needs.search ? await runningEmbeddedDatabase(config) : undefined;
    const services: BackingServices = attached
      ? { databaseUrl: attached, search: { url: config.MEILI_URL ?? '' }, stops }
      : await startBackingServices(config, logger, stops, needs);
    const migrations = await runMigrations(services.databaseUrl, logger);
    code = (await task({ config, services, logger, migrations })) ?? 0;
  } catch (e) {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
    code = 1;
  } finally {
    for (const stop of [...stops].reverse()) await stop().catch(() => undefined);
    uninstall();
  }
  process.exit(code);
}
