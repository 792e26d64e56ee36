import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { runMigrations } from '../src/bootstrap';
import { startEmbeddedMeilisearch, startEmbeddedPostgres } from '@yokoten/embedded-runtime';

/**
 * Starts one real PostgreSQL and one real Meilisearch for the whole run (embedded, in a temp dir) and
 * migrates a template database; each spec file clones it (CREATE DATABASE … TEMPLATE) and uses its own
 * index prefix. DATABASE_URL / MEILI_URL in the environment are used instead when set.
 */
export default async function globalSetup(): Promise<void> {
  process.env.TZ = 'Asia/Tokyo';
  const quiet = {
    log: (_e: unknown) => undefined,
    error: (_e: unknown) => undefined,
    warn: () => undefined,
  } as never;
  const root = mkdtempSync(join(tmpdir(), 'yokoten-test-'));
  const handles: Array<() => Promise<void>> = [];
  let adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) {
    const pg = await startEmbeddedPostgres({ dataDir: join(root, 'postgres'), port: 'auto' });
    handles.push(pg.stop);
    adminUrl = pg.url;
  }
  if (!process.env.TEST_MEILI_URL) {
    const meili = await startEmbeddedMeilisearch({ dataDir: join(root, 'meilisearch'), port: 'auto' });
    handles.push(meili.stop);
    process.env.TEST_MEILI_URL = meili.url;
    process.env.TEST_MEILI_MASTER_KEY = meili.masterKey;
  }
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  await client.query('DROP DATABASE IF EXISTS yokoten_template');
  await client.query('CREATE DATABASE yokoten_template');
  await client.end();
  const templateUrl = new URL(adminUrl);
  templateUrl.pathname = '/yokoten_template';
  await runMigrations(templateUrl.toString(), quiet);
  process.env.TEST_DATABASE_URL = adminUrl;
  (globalThis as { __YOKOTEN_STOPS__?: Array<() => Promise<void>> }).__YOKOTEN_STOPS__ = handles;
}
