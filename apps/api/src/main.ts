import 'reflect-metadata';
import { resolve } from 'node:path';
import { DataSource } from 'typeorm';
import { AppModule } from './app.module';
import { createApp } from './app.setup';
import { runMigrations, seedDemoOnce, startBackingServices, waitForDemoSearch } from './bootstrap';
import { CaseIndex } from './search/case-index';
import { ConfigError, loadConfig, type AppConfig } from './config/app-config';
import { JsonLogger } from './common/json-logger';
import { DemoSeeder, type DemoAccount } from './modules/demo/demo.seeder';
import { installShutdown } from '@yokoten/embedded-runtime';

function banner(url: string, seconds: number, config: AppConfig, accounts: DemoAccount[] | null): string {
  const lines = [
    '',
    `  横展 Yokoten is ready: ${url}  (started in ${seconds.toFixed(1)} s)`,
    `  GraphQL: ${url}/graphql${config.enableExplorer ? `   explorer: ${url}/graphiql` : ''}   health: ${url}/health`,
    `  Data: ${config.embeddedDatabase ? `embedded PostgreSQL in ${resolve(config.DATA_DIR, 'postgres')}` : 'PostgreSQL at DATABASE_URL'}; ${
      config.embeddedSearch
        ? `embedded Meilisearch in ${resolve(config.DATA_DIR, 'meilisearch')}`
        : 'Meilisearch at MEILI_URL'
    }`,
  ];
  if (accounts?.length) {
    const officers = accounts.filter((a) => a.role === 'OFFICER');
    lines.push(
      '',
      `  Demo accounts (password: ${config.DEMO_PASSWORD === 'yokoten-demo' ? 'yokoten-demo' : 'the DEMO_PASSWORD you set'}):`,
      ...accounts.filter((a) => a.role !== 'OFFICER').map((a) => `    ${a.role.padEnd(9)} ${a.email}`),
      ...officers.map((a) => `    OFFICER   ${a.email.padEnd(40)} ${a.municipality ?? ''}`),
    );
  }
  lines.push('', '  Press Ctrl-C to stop.', '');
  return lines.join('\n');
}

/** What to stop on the way out, in start order; module-level so that a failed start can stop it too. */
const stops: Array<() => Promise<void>> = [];

async function main(): Promise<void> {
  const startedAt = performance.now();
  let config: AppConfig;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(
        `${e.message}\nFix these environment variables and start again (see README "Configuration").\n`,
      );
      process.exit(1);
    }
    throw e;
  }
  const logger = new JsonLogger(config.LOG_LEVEL);
  installShutdown(stops, (event: object) => logger.log(event, 'shutdown'));

  const services = await startBackingServices(config, logger, stops);
  await runMigrations(services.databaseUrl, logger);

  const app = await createApp(
    AppModule.forRoot({
      config,
      databaseUrl: services.databaseUrl,
      search: services.search,
      webDistDir: resolve(config.WEB_DIST_DIR ?? 'dist/apps/web'),
    }),
    config,
    { logger },
  );
  stops.push(() => app.close());

  // Under a PostgreSQL advisory lock: processes started at once on an empty database seed it once.
  const seed = config.seedDemo
    ? await seedDemoOnce(app.get(DataSource), () => app.get(DemoSeeder).seedIfEmpty(config.DEMO_PASSWORD))
    : null;
  await app.listen(config.PORT, config.HOST);
  // The first start's demo cases are indexed once the server is up: "ready" means they can be found.
  if (seed?.seeded) await waitForDemoSearch(app.get(DataSource), app.get(CaseIndex), logger);
  const accounts = seed?.accounts ?? null;
  const url = `http://localhost:${config.PORT}`;
  logger.log({ msg: 'listening', url, startupMs: Math.round(performance.now() - startedAt) }, 'main');
  process.stdout.write(banner(url, (performance.now() - startedAt) / 1000, config, accounts));
}

main().catch(async (e: unknown) => {
  // One JSON line with the reason (a failed migration, PostgreSQL unreachable after its retries, …).
  process.stderr.write(
    `${JSON.stringify({
      level: 'fatal',
      time: new Date().toISOString(),
      msg: 'start failed',
      error: e instanceof Error ? e.message : String(e),
      code: (e as { code?: unknown } | null)?.code,
      stack: e instanceof Error ? e.stack : undefined,
    })}\n`,
  );
  // Stop the embedded services that did start, then exit non-zero so a supervisor restarts the process
  // (it used to exit 0 through the SIGTERM handler, and looked like a clean stop).
  setTimeout(() => process.exit(1), 30_000).unref();
  for (const stop of [...stops].reverse()) await stop().catch(() => undefined);
  process.exit(1);
});
