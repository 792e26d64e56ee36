import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { AppModule } from '../src/app.module';
import { createHttpAdapter } from '../src/app.setup';
import { runMigrations, seedDemoOnce } from '../src/bootstrap';
import { loadConfig } from '../src/config/app-config';
import { MIGRATIONS } from '../src/database/migrations';
import { DemoSeeder } from '../src/modules/demo/demo.seeder';
import { createTestApp, DEMO_PASSWORD, type TestApp } from './test-app';

jest.setTimeout(180_000);

const quiet = { log: () => undefined, error: () => undefined, warn: () => undefined } as never;
const root = join(__dirname, '../../..');

function adminUrl(): string {
  return process.env.TEST_DATABASE_URL as string;
}

/** An empty database (not cloned from the migrated template), dropped by the returned function. */
async function emptyDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `yokoten_empty_${randomBytes(5).toString('hex')}`;
  const admin = new Client({ connectionString: adminUrl() });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const c = new Client({ connectionString: adminUrl() });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Runs the API's real entry point (apps/api/src/main.ts, swc-registered) until it exits. */
function startApi(env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['-r', '@swc-node/register', 'apps/api/src/main.ts'], {
      cwd: root,
      env: {
        ...process.env,
        SWC_NODE_PROJECT: 'apps/api/tsconfig.json',
        NODE_ENV: 'production',
        PORT: '0',
        HOST: '127.0.0.1',
        SEED_DEMO: 'false',
        LOG_LEVEL: 'warn',
        ...env,
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 120_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr });
    });
  });
}

/** The one fatal JSON line the entry point writes when it cannot start. */
function fatalLine(stderr: string): { level: string; msg: string; error: string } | undefined {
  for (const line of stderr.split('\n')) {
    try {
      const parsed = JSON.parse(line) as { level?: string; msg?: string; error?: string };
      if (parsed.level === 'fatal') return parsed as { level: string; msg: string; error: string };
    } catch {
      // not JSON
    }
  }
  return undefined;
}

describe('start-up (issue #11)', () => {
  describe('a fatal start error exits non-zero with the reason on one JSON line', () => {
    it('PostgreSQL unreachable after its retries', async () => {
      const result = await startApi({
        DATABASE_URL: `postgres://yokoten@127.0.0.1:${await closedPort()}/yokoten`,
        MEILI_URL: `http://127.0.0.1:${await closedPort()}`,
        DB_CONNECT_RETRIES: '2',
      });
      expect(result.code).not.toBe(0);
      expect(result.code).not.toBeNull();
      expect(fatalLine(result.stderr)).toMatchObject({ level: 'fatal', msg: 'start failed' });
      expect(fatalLine(result.stderr)?.error).toMatch(/ECONNREFUSED|connect/);
    });

    it('a migration that fails', async () => {
      const db = await emptyDatabase();
      try {
        // A table in the way of the first migration.
        const c = new Client({ connectionString: db.url });
        await c.connect();
        await c.query('CREATE TABLE municipalities (id int)');
        await c.end();
        const result = await startApi({
          DATABASE_URL: db.url,
          MEILI_URL: `http://127.0.0.1:${await closedPort()}`,
        });
        expect(result.code).toBe(1);
        expect(fatalLine(result.stderr)?.error).toMatch(/municipalities/);
      } finally {
        await db.drop();
      }
    });
  });

  describe('several processes starting at once on one empty database', () => {
    it('migrate it once: three concurrent runMigrations all resolve and the schema is complete', async () => {
      const db = await emptyDatabase();
      try {
        const results = await Promise.all([1, 2, 3].map(() => runMigrations(db.url, quiet)));
        // One of them applied every migration; the others waited for the lock and found nothing to do.
        expect(results.map((r) => r.length).sort((a, b) => a - b)).toEqual([0, 0, MIGRATIONS.length]);
        const ds = await new DataSource({ type: 'postgres', url: db.url }).initialize();
        try {
          const rows = (await ds.query('SELECT name FROM migrations ORDER BY id')) as Array<{ name: string }>;
          expect(rows.map((r) => r.name)).toEqual(MIGRATIONS.map((m) => new m().name));
          const [{ count }] = (await ds.query(
            `SELECT count(*)::int AS count FROM information_schema.tables WHERE table_name IN ('municipalities', 'case_studies', 'rate_limits')`,
          )) as [{ count: number }];
          expect(count).toBe(3);
        } finally {
          await ds.destroy();
        }
      } finally {
        await db.drop();
      }
    });

    it('seed it once: two processes seeding at the same moment', async () => {
      const first: TestApp = await createTestApp();
      const config = loadConfig({
        NODE_ENV: 'test',
        DATABASE_URL: first.databaseUrl,
        MEILI_URL: process.env.TEST_MEILI_URL,
        MEILI_MASTER_KEY: process.env.TEST_MEILI_MASTER_KEY,
        MEILI_INDEX_PREFIX: first.config.MEILI_INDEX_PREFIX,
        LOG_LEVEL: 'error',
      });
      const second = await NestFactory.create<NestFastifyApplication>(
        AppModule.forRoot({
          config,
          databaseUrl: first.databaseUrl,
          search: { url: config.MEILI_URL as string, apiKey: config.MEILI_MASTER_KEY },
        }),
        createHttpAdapter(config),
        { logger: ['error', 'fatal'] },
      );
      await second.init();
      try {
        const seeds = await Promise.all(
          [first.app, second].map((app) =>
            seedDemoOnce(app.get(DataSource), () => app.get(DemoSeeder).seedIfEmpty(DEMO_PASSWORD)),
          ),
        );
        expect(seeds.map((s) => s.seeded).sort()).toEqual([false, true]);
        // Both know the demo accounts (the banner lists them either way).
        expect(seeds[0].accounts.length).toBe(seeds[1].accounts.length);
        const [{ organisers }] = (await first.app
          .get(DataSource)
          .query(
            `SELECT count(*)::int AS organisers FROM users WHERE email = 'organiser@yokoten.example'`,
          )) as [{ organisers: number }];
        expect(organisers).toBe(1);
      } finally {
        await second.close();
        await first.close();
      }
    });
  });
});
