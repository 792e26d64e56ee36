import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Client } from 'pg';
import { AppModule } from '../src/app.module';
import { createApp } from '../src/app.setup';
import { loadConfig, type AppConfig } from '../src/config/app-config';
import { DemoSeeder } from '../src/modules/demo/demo.seeder';

export interface GqlResponse<T = Record<string, unknown>> {
  status: number;
  data?: T;
  errors?: Array<{ message: string; path?: string[]; extensions?: Record<string, unknown> }>;
  headers: Headers;
}

export interface TestApp {
  app: NestFastifyApplication;
  url: string;
  databaseUrl: string;
  config: AppConfig;
  gql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    token?: string,
  ): Promise<GqlResponse<T>>;
  login(email: string, password?: string): Promise<string>;
  close(): Promise<void>;
}

export const DEMO_PASSWORD = 'yokoten-demo';

function adminUrl(): string {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('TEST_DATABASE_URL is not set: run integration specs through jest (globalSetup)');
  return url;
}

/** A fresh database cloned from the migrated template, plus its own Meilisearch index prefix. */
export async function createTestDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `yokoten_test_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: adminUrl() });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE yokoten_template`);
  await admin.end();
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new Client({ connectionString: adminUrl() });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

/** Boots the real API (same module, pipes and middleware as main.ts) on a free port, optionally with demo data. */
export async function createTestApp(
  options: { seedDemo?: boolean; env?: Record<string, string>; webDistDir?: string } = {},
): Promise<TestApp> {
  const db = await createTestDatabase();
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: db.url,
    MEILI_URL: process.env.TEST_MEILI_URL,
    MEILI_MASTER_KEY: process.env.TEST_MEILI_MASTER_KEY,
    MEILI_INDEX_PREFIX: `t${randomBytes(4).toString('hex')}_`,
    LOG_LEVEL: 'error',
    ...options.env,
  });
  const app = await createApp(
    AppModule.forRoot({
      config,
      databaseUrl: db.url,
      search: { url: config.MEILI_URL as string, apiKey: config.MEILI_MASTER_KEY },
      webDistDir: options.webDistDir,
    }),
    config,
    { logger: ['error', 'fatal'] },
  );
  if (options.seedDemo) await app.get(DemoSeeder).seedIfEmpty(DEMO_PASSWORD);
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;

  const gql = async <T>(
    query: string,
    variables?: Record<string, unknown>,
    token?: string,
  ): Promise<GqlResponse<T>> => {
    const res = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as { data?: T; errors?: GqlResponse['errors'] };
    return { status: res.status, data: body.data, errors: body.errors, headers: res.headers };
  };

  return {
    app,
    url,
    databaseUrl: db.url,
    config,
    gql,
    async login(email, password = DEMO_PASSWORD) {
      const res = await gql<{ login: { token: string } }>(
        'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }',
        { e: email, p: password },
      );
      if (!res.data) throw new Error(`login failed for ${email}: ${JSON.stringify(res.errors)}`);
      return res.data.login.token;
    },
    async close() {
      await app.close();
      await db.drop();
    },
  };
}
