import { createServer } from 'node:net';
import { createTestApp, type TestApp } from './test-app';

// jest ignores `testTimeout` inside a `projects` entry, so the 5 s default would apply to booting the app.
jest.setTimeout(30_000);

/** A localhost port nothing listens on (bound, then released). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('GET /health', () => {
  describe('with PostgreSQL and Meilisearch running', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp();
    });
    afterAll(async () => {
      await t?.close();
    });

    it('answers 200 {status: ok, database: up, search: up, pendingIndexUpdates, pendingMails: <number>}', async () => {
      const res = await fetch(`${t.url}/health`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/application\/json/);
      expect(res.headers.get('cache-control')).toBe('no-store');
      const body = (await res.json()) as Record<string, unknown>;
      expect(body).toEqual({
        status: 'ok',
        database: 'up',
        search: 'up',
        pendingIndexUpdates: expect.any(Number),
        pendingMails: expect.any(Number),
        mail: 'file',
      });
      expect(Number.isInteger(body.pendingIndexUpdates)).toBe(true);
      expect(body.pendingIndexUpdates).toBeGreaterThanOrEqual(0);
      expect(Number.isInteger(body.pendingMails)).toBe(true);
      expect(body.pendingMails).toBeGreaterThanOrEqual(0);
    });
  });

  describe('with Meilisearch unreachable', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp({ env: { MEILI_URL: `http://127.0.0.1:${await closedPort()}` } });
    });
    afterAll(async () => {
      await t?.close();
    });

    it('answers 200 (search down is degraded, not an outage) with the same shape, saying which part is down', async () => {
      const res = await fetch(`${t.url}/health`);
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({
        status: 'degraded',
        database: 'up',
        search: 'down',
        pendingIndexUpdates: expect.any(Number),
        pendingMails: expect.any(Number),
        mail: 'file',
      });
    });

    it('still serves the member directory from PostgreSQL', async () => {
      const res = await t.gql<{ municipalities: { totalCount: number } }>(
        '{ municipalities { totalCount } }',
      );
      expect(res.errors).toBeUndefined();
      expect(res.data!.municipalities.totalCount).toBe(0);
    });
  });
});
