import { createServer } from 'node:net';
import { Client } from 'pg';
import { createTestApp, type TestApp } from './test-app';

jest.setTimeout(60_000);

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function get(url: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(url);
  expect(res.headers.get('cache-control')).toBe('no-store');
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

describe('/health/live and /health/ready for orchestrators (issue #11)', () => {
  describe('everything up', () => {
    let t: TestApp;
    beforeAll(async () => (t = await createTestApp()));
    afterAll(() => t?.close());

    it('live: 200', async () => {
      expect(await get(`${t.url}/health/live`)).toEqual({ status: 200, body: { status: 'ok' } });
    });

    it('ready: 200 ok', async () => {
      expect(await get(`${t.url}/health/ready`)).toEqual({
        status: 200,
        body: { status: 'ok', database: 'up', search: 'up' },
      });
    });
  });

  describe('search down', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp({ env: { MEILI_URL: `http://127.0.0.1:${await closedPort()}` } });
    });
    afterAll(() => t?.close());

    it('ready: still 200, degraded (the app works without search)', async () => {
      expect(await get(`${t.url}/health/ready`)).toEqual({
        status: 200,
        body: { status: 'degraded', database: 'up', search: 'down' },
      });
    });

    it('/health: 200 degraded as well', async () => {
      const { status, body } = await get(`${t.url}/health`);
      expect(status).toBe(200);
      expect(body).toMatchObject({ status: 'degraded', database: 'up', search: 'down' });
    });
  });

  describe('PostgreSQL down', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp();
      // The database goes away under the running app (its connections are ended with it).
      const admin = new Client({ connectionString: process.env.TEST_DATABASE_URL });
      await admin.connect();
      await admin.query(`DROP DATABASE ${new URL(t.databaseUrl).pathname.slice(1)} WITH (FORCE)`);
      await admin.end();
    });
    afterAll(() => t?.close());

    it('ready: 503', async () => {
      const { status, body } = await get(`${t.url}/health/ready`);
      expect(status).toBe(503);
      expect(body).toMatchObject({ status: 'degraded', database: 'down' });
    });

    it('/health: 503, same JSON', async () => {
      const { status, body } = await get(`${t.url}/health`);
      expect(status).toBe(503);
      expect(body).toMatchObject({ status: 'degraded', database: 'down' });
    });

    it('live: still 200 (restarting the process would not bring the database back)', async () => {
      expect(await get(`${t.url}/health/live`)).toEqual({ status: 200, body: { status: 'ok' } });
    });
  });
});
