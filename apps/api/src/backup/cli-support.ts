import { resolve } from 'node:path';
import { Client } from 'pg';
import { startBackingServices, type BackingServices } from '../bootstrap';
import { JsonLogger } from '../common/json-logger';
import { ConfigError, loadConfig, type AppConfig } from '../config/app-config';
import { installShutdown, realpathOrSelf } from '@yokoten/embedded-runtime';

/**
 * The embedded PostgreSQL of a running app (same DATA_DIR), if there is one: a backup is taken while the
 * app runs, so it connects to the server the app started instead of trying to start a second one on the
 * same data directory. Only a server whose data directory is ours is used.
 */
export async function runningEmbeddedDatabase(config: AppConfig): Promise<string | undefined> {
  const url = `postgres://postgres:postgres@127.0.0.1:${config.EMBEDDED_PG_PORT}/yokoten`;
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    const r = await client.query<{ data_directory: string }>('SHOW data_directory');
    const theirs = realpathOrSelf(r.rows[0]?.data_directory ?? '');
    return theirs === realpathOrSelf(resolve(config.DATA_DIR, 'postgres')) ? url : undefined;
  } catch {
    return undefined;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * Like cli-runtime's runCli, without migrating first: a backup copies the schema as it is, and a restore
 * migrates only up to the backup's version. Starts the embedded services only when no DATABASE_URL /
 * MEILI_URL is set (and, for a backup, no app is running on the embedded database already).
 */
export async function runDatabaseCli(
  task: (ctx: { config: AppConfig; services: BackingServices }) => Promise<number | void>,
  needs: { search: boolean; attachToRunningApp: boolean },
): Promise<void> {
  let config: AppConfig;
  try {
    config = loadConfig();
  } catch (e) {
    process.stderr.write(`${e instanceof ConfigError ? e.message : String(e)}\n`);
    process.exit(1);
  }
  const logger = new JsonLogger('error'); // the engines' routine warnings (a 404 while an index is created) are noise here
  const stops: Array<() => Promise<void>> = [];
  const uninstall = installShutdown(stops, (event) => logger.warn(event, 'shutdown'));
  let code = 0;
  try {
    const attached =
      !config.DATABASE_URL && needs.attachToRunningApp ? await runningEmbeddedDatabase(config) : undefined;
    const services = attached
      ? { databaseUrl: attached, search: { url: config.MEILI_URL ?? '' }, stops }
      : await startBackingServices(config, logger, stops, { search: needs.search }).catch((e: unknown) => {
          const message = e instanceof Error ? e.message : String(e);
          throw new Error(
            /already in use/.test(message) && !config.DATABASE_URL
              ? `${message}\nIs the app running on this data directory? Stop it first.`
              : message,
          );
        });
    code = (await task({ config, services })) ?? 0;
  } catch (e) {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
    code = 1;
  } finally {
    for (const stop of [...stops].reverse()) await stop().catch(() => undefined);
    uninstall();
  }
  process.exit(code);
}

export const formatBytes = (n: number): string =>
  n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${(n / 1024).toFixed(1)} kB`;
export const formatCount = (n: number): string => n.toLocaleString('en-US');
