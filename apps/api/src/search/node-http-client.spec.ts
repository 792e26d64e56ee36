import http from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  Meilisearch,
  MeilisearchApiError,
  MeilisearchRequestError,
  MeilisearchRequestTimeOutError,
} from 'meilisearch';
import { meiliApiError, meiliErrorCode } from './case-index';
import { createNodeHttpClient, type NodeHttpClient } from './node-http-client';

/** A stand-in engine: records requests and answers as each test says. */
describe('node:http transport for the meilisearch client', () => {
  let server: http.Server;
  let base: string;
  let handler: (req: http.IncomingMessage, body: string, res: http.ServerResponse) => void;
  const sockets = new Set<unknown>();
  let transport: NodeHttpClient;
  let client: Meilisearch;

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString('utf8')));
      req.on('end', () => handler(req, body, res));
    });
    server.on('connection', (s) => sockets.add(s));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  beforeEach(() => {
    transport = createNodeHttpClient({ timeoutMs: 300 });
    client = new Meilisearch({ host: base, apiKey: 'secret-key', httpClient: transport.request });
  });
  afterEach(() => transport.destroy());
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  const json = (res: http.ServerResponse, status: number, value: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(value));
  };

  it('sends JSON with the key and returns the parsed answer', async () => {
    let seen: { method?: string; url?: string; auth?: string; type?: string; body?: unknown } = {};
    handler = (req, body, res) => {
      seen = {
        method: req.method,
        url: req.url,
        auth: req.headers.authorization,
        type: req.headers['content-type'],
        body: JSON.parse(body),
      };
      json(res, 200, { hits: [{ id: '1' }], query: 'DX人材', processingTimeMs: 1 });
    };
    const r = await client.index('cases').search('DX人材', { limit: 3 });
    expect(r.hits).toEqual([{ id: '1' }]);
    expect(seen).toEqual({
      method: 'POST',
      url: '/indexes/cases/search',
      auth: 'Bearer secret-key',
      type: 'application/json',
      body: { q: 'DX人材', limit: 3 },
    });
  });

  it('keeps the connection alive across requests', async () => {
    handler = (_req, _body, res) => json(res, 200, { status: 'available' });
    sockets.clear();
    for (let i = 0; i < 20; i += 1) await client.health();
    expect(sockets.size).toBe(1);
  });

  it('serves 16 concurrent requests', async () => {
    handler = (_req, _body, res) => setTimeout(() => json(res, 200, { status: 'available' }), 20);
    const results = await Promise.all(Array.from({ length: 16 }, () => client.health()));
    expect(results.every((h) => h.status === 'available')).toBe(true);
  });

  it('surfaces a non-2xx answer as MeilisearchApiError with the engine’s message and code', async () => {
    handler = (_req, _body, res) =>
      json(res, 404, {
        message: 'Index `nope` not found.',
        code: 'index_not_found',
        type: 'invalid_request',
        link: 'https://docs.meilisearch.com/errors#index_not_found',
      });
    const err = await client
      .index('nope')
      .search('x')
      .catch((e: unknown) => e);
    // The client wraps a custom transport's errors; the engine's answer is the cause.
    expect(err).toBeInstanceOf(MeilisearchRequestError);
    const api = meiliApiError(err);
    expect(api).toBeInstanceOf(MeilisearchApiError);
    expect(api?.message).toBe('Index `nope` not found.');
    expect(api?.response.status).toBe(404);
    expect(meiliErrorCode(err)).toBe('index_not_found');
  });

  it('handles an error answer without a JSON body', async () => {
    handler = (_req, _body, res) => {
      res.writeHead(502);
      res.end('bad gateway');
    };
    const api = meiliApiError(await client.health().catch((e: unknown) => e));
    expect(api?.response.status).toBe(502);
  });

  it('times out', async () => {
    handler = () => undefined; // never answers
    const err = await client.health().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MeilisearchRequestError);
    expect((err as Error).cause).toBeInstanceOf(MeilisearchRequestTimeOutError);
    expect(JSON.stringify((err as { cause: { cause: unknown } }).cause.cause)).not.toContain('secret-key');
  });

  it('reports an unreachable engine as a request error', async () => {
    const down = new Meilisearch({ host: 'http://127.0.0.1:1', httpClient: transport.request });
    const err = await down.health().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MeilisearchRequestError);
    expect(meiliApiError(err)).toBeUndefined();
    expect(((err as Error).cause as { code?: string }).code).toBe('ECONNREFUSED');
  });
});
