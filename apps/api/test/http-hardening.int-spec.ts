import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppModule } from '../src/app.module';
import { createApp } from '../src/app.setup';
import { loadConfig } from '../src/config/app-config';
import { createTestApp, DEMO_PASSWORD, type TestApp } from './test-app';

jest.setTimeout(120_000);

const MAX_ATTEMPTS = 3;
const LOGIN = 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }';

/** A second API process on the same database (what a load balancer spreads requests over). */
async function secondProcess(
  databaseUrl: string,
  env: Record<string, string>,
): Promise<{ app: NestFastifyApplication; url: string }> {
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: databaseUrl,
    MEILI_URL: process.env.TEST_MEILI_URL,
    MEILI_MASTER_KEY: process.env.TEST_MEILI_MASTER_KEY,
    MEILI_INDEX_PREFIX: `t${randomBytes(4).toString('hex')}_`,
    LOG_LEVEL: 'error',
    ...env,
  });
  const app = await createApp(
    AppModule.forRoot({
      config,
      databaseUrl,
      search: { url: config.MEILI_URL as string, apiKey: config.MEILI_MASTER_KEY },
    }),
    config,
    { logger: ['error', 'fatal'] },
  );
  // On every address, so that a client can reach it from outside loopback too.
  await app.listen(0, '0.0.0.0');
  const { port } = app.getHttpServer().address() as AddressInfo;
  return { app, url: `http://127.0.0.1:${port}` };
}

/** This machine's first non-loopback IPv4 address, if it has one. */
function externalAddress(): string | undefined {
  for (const list of Object.values(networkInterfaces()))
    for (const i of list ?? []) if (i.family === 'IPv4' && !i.internal) return i.address;
  return undefined;
}

async function login(
  url: string,
  email: string,
  password: string,
  forwardedFor?: string,
): Promise<{ code?: string; retryAfterSeconds?: number; ok: boolean }> {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(forwardedFor ? { 'x-forwarded-for': forwardedFor } : {}),
    },
    body: JSON.stringify({ query: LOGIN, variables: { e: email, p: password } }),
  });
  const body = (await res.json()) as {
    data?: unknown;
    errors?: Array<{ extensions?: { code?: string; retryAfterSeconds?: number } }>;
  };
  const error = body.errors?.[0]?.extensions;
  return { ok: !body.errors, code: error?.code, retryAfterSeconds: error?.retryAfterSeconds };
}

async function failTimes(url: string, email: string, n: number, forwardedFor?: string): Promise<void> {
  for (let i = 0; i < n; i++) {
    const r = await login(url, email, 'wrong password', forwardedFor);
    expect(r.code).toBe('UNAUTHENTICATED');
  }
}

describe('behind a proxy, on several processes, with hardened HTTP (issue #11)', () => {
  let web: string;
  let first: TestApp;
  let second: { app: NestFastifyApplication; url: string };

  beforeAll(async () => {
    web = mkdtempSync(join(tmpdir(), 'yokoten-web-'));
    writeFileSync(join(web, 'index.html'), '<!doctype html><html lang="ja"><title>横展</title></html>');
    first = await createTestApp({
      seedDemo: true,
      webDistDir: web,
      env: { TRUST_PROXY: '1', LOGIN_MAX_ATTEMPTS: String(MAX_ATTEMPTS) },
    });
    // TRUST_PROXY left at its default (loopback); HTTPS assumed; a small GraphQL budget.
    second = await secondProcess(first.databaseUrl, {
      LOGIN_MAX_ATTEMPTS: String(MAX_ATTEMPTS),
      COOKIE_SECURE: 'true',
      GRAPHQL_RATE_LIMIT_PER_MINUTE: '40',
    });
  });
  afterAll(async () => {
    await second?.app.close();
    await first?.close();
    rmSync(web, { recursive: true, force: true });
  });

  describe('TRUST_PROXY', () => {
    it('=1: the login limit keys on the client address in X-Forwarded-For', async () => {
      await failTimes(first.url, 'stranger-a@example.jp', MAX_ATTEMPTS, '203.0.113.5');
      expect((await login(first.url, 'stranger-a@example.jp', 'x', '203.0.113.5')).code).toBe(
        'TOO_MANY_REQUESTS',
      );
      // Another client behind the same balancer is not blocked.
      expect((await login(first.url, 'stranger-a@example.jp', 'x', '203.0.113.6')).code).toBe(
        'UNAUTHENTICATED',
      );
    });

    it('unset (loopback): a client that is not a trusted proxy cannot choose its address with a forged X-Forwarded-For', async () => {
      const address = externalAddress();
      if (!address) return; // no non-loopback interface to come from
      const port = new URL(second.url).port;
      const direct = `http://${address}:${port}`;
      await failTimes(direct, 'stranger-b@example.jp', MAX_ATTEMPTS, '203.0.113.7');
      const r = await login(direct, 'stranger-b@example.jp', 'x', '203.0.113.8');
      expect(r.code).toBe('TOO_MANY_REQUESTS');
      expect(r.retryAfterSeconds).toBeGreaterThan(0);
    });

    it('refuses a value it cannot read, naming the variable', () => {
      expect(() => loadConfig({ TRUST_PROXY: 'true' })).toThrow(/TRUST_PROXY/);
      expect(() => loadConfig({ TRUST_PROXY: '10.0.0.0/33' })).toThrow(/TRUST_PROXY/);
      expect(loadConfig({ TRUST_PROXY: '10.0.0.0/8, 192.168.1.10' }).trustProxy).toEqual([
        '10.0.0.0/8',
        '192.168.1.10',
      ]);
      expect(loadConfig({ TRUST_PROXY: '2' }).trustProxy).toBe(2);
      expect(loadConfig({}).trustProxy).toEqual(['loopback']);
    });
  });

  describe('login limits in PostgreSQL', () => {
    it('are shared by every process: failures on one block the same client on another', async () => {
      await failTimes(first.url, 'stranger-c@example.jp', MAX_ATTEMPTS, '203.0.113.9');
      // The second process trusts loopback, so it reads the same client address from the header.
      expect((await login(second.url, 'stranger-c@example.jp', 'x', '203.0.113.9')).code).toBe(
        'TOO_MANY_REQUESTS',
      );
    });

    it('one account failing never blocks the other people behind the same address', async () => {
      const office = '198.51.100.1';
      await failTimes(first.url, 'mistyped@example.jp', MAX_ATTEMPTS, office);
      expect((await login(first.url, 'mistyped@example.jp', 'x', office)).code).toBe('TOO_MANY_REQUESTS');
      expect((await login(first.url, 'organiser@yokoten.example', DEMO_PASSWORD, office)).ok).toBe(true);
    });

    it('an address from which many different accounts fail (credential stuffing) is blocked', async () => {
      const attacker = '198.51.100.66';
      // The per-address limit counts accounts: 10 × LOGIN_MAX_ATTEMPTS of them.
      for (let i = 0; i < MAX_ATTEMPTS * 10; i++)
        expect((await login(first.url, `victim${i}@example.jp`, 'guess', attacker)).code).toBe(
          'UNAUTHENTICATED',
        );
      expect((await login(first.url, 'organiser@yokoten.example', DEMO_PASSWORD, attacker)).code).toBe(
        'TOO_MANY_REQUESTS',
      );
    });
  });

  describe('the per-client GraphQL budget', () => {
    it('answers 429 TOO_MANY_REQUESTS with retryAfterSeconds and Retry-After once a client is over it', async () => {
      const client = { 'content-type': 'application/json', 'x-forwarded-for': '203.0.113.50' };
      const ask = () =>
        fetch(`${second.url}/graphql`, {
          method: 'POST',
          headers: client,
          body: JSON.stringify({ query: '{ __typename }' }),
        });
      for (let i = 0; i < 40; i++) expect((await ask()).status).toBe(200);
      const over = await ask();
      expect(over.status).toBe(429);
      expect(Number(over.headers.get('retry-after'))).toBeGreaterThan(0);
      const body = (await over.json()) as {
        errors: Array<{ extensions: { code: string; retryAfterSeconds: number } }>;
      };
      expect(body.errors[0].extensions.code).toBe('TOO_MANY_REQUESTS');
      expect(body.errors[0].extensions.retryAfterSeconds).toBeGreaterThan(0);
      // Someone else is not affected.
      const other = await fetch(`${second.url}/graphql`, {
        method: 'POST',
        headers: { ...client, 'x-forwarded-for': '203.0.113.51' },
        body: JSON.stringify({ query: '{ __typename }' }),
      });
      expect(other.status).toBe(200);
    });

    it('is off when GRAPHQL_RATE_LIMIT_PER_MINUTE is 0 (tests, benches) and 300 by default in production', () => {
      expect(loadConfig({ NODE_ENV: 'test' }).GRAPHQL_RATE_LIMIT_PER_MINUTE).toBe(0);
      expect(loadConfig({ NODE_ENV: 'production' }).GRAPHQL_RATE_LIMIT_PER_MINUTE).toBe(300);
      expect(
        loadConfig({ NODE_ENV: 'production', GRAPHQL_RATE_LIMIT_PER_MINUTE: '0' })
          .GRAPHQL_RATE_LIMIT_PER_MINUTE,
      ).toBe(0);
      expect(() => loadConfig({ GRAPHQL_RATE_LIMIT_PER_MINUTE: '-1' })).toThrow(
        /GRAPHQL_RATE_LIMIT_PER_MINUTE/,
      );
    });
  });

  describe('security headers', () => {
    const paths = ['/', '/graphql?query=%7B__typename%7D', '/health'];

    it.each(paths)(
      '%s carries a same-origin CSP, no framing, nosniff and a referrer policy',
      async (path) => {
        const res = await fetch(`${first.url}${path}`, {
          headers: path.startsWith('/graphql') ? { 'apollo-require-preflight': 'true' } : {},
        });
        expect(res.status).toBeLessThan(400);
        const csp = res.headers.get('content-security-policy') ?? '';
        expect(csp).toContain("default-src 'self'");
        expect(csp).toContain("script-src 'self'");
        expect(csp).toContain("frame-ancestors 'none'");
        expect(csp).toContain("object-src 'none'");
        expect(csp).toContain("img-src 'self' data:");
        expect(csp).not.toMatch(/https?:\/\//); // no other host
        expect(csp).not.toContain('upgrade-insecure-requests'); // served over plain http here
        expect(res.headers.get('x-content-type-options')).toBe('nosniff');
        expect(res.headers.get('x-frame-options')).toBe('DENY');
        expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
        expect(res.headers.get('strict-transport-security')).toBeNull();
        expect(res.headers.get('x-powered-by')).toBeNull();
      },
    );

    it('sends HSTS (and upgrades insecure requests) only when served over HTTPS (COOKIE_SECURE)', async () => {
      const res = await fetch(`${second.url}/health`);
      expect(res.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
      expect(res.headers.get('content-security-policy')).toContain('upgrade-insecure-requests');
    });

    it('marks the session cookie Secure by default in production, and COOKIE_SECURE still overrides it', () => {
      expect(loadConfig({ NODE_ENV: 'production' }).COOKIE_SECURE).toBe(true);
      expect(loadConfig({ NODE_ENV: 'production', COOKIE_SECURE: 'false' }).COOKIE_SECURE).toBe(false);
      expect(loadConfig({ NODE_ENV: 'development' }).COOKIE_SECURE).toBe(false);
    });

    it('turns introspection off in production unless asked for', () => {
      expect(loadConfig({ NODE_ENV: 'production' }).graphqlIntrospection).toBe(false);
      expect(loadConfig({ NODE_ENV: 'production', GRAPHQL_INTROSPECTION: 'true' }).graphqlIntrospection).toBe(
        true,
      );
      expect(loadConfig({ NODE_ENV: 'production', ENABLE_EXPLORER: 'true' }).graphqlIntrospection).toBe(true);
      expect(loadConfig({ NODE_ENV: 'development' }).graphqlIntrospection).toBe(true);
    });
  });

  describe('request limits', () => {
    it('refuses a JSON body over 1 MB with 413', async () => {
      const res = await fetch(`${first.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ __typename }', variables: { pad: 'x'.repeat(1_100_000) } }),
      });
      expect(res.status).toBe(413);
      expect(
        ((await res.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0].extensions.code,
      ).toBe('PAYLOAD_TOO_LARGE');
    });

    it('accepts a body well over the old 100 kB default (a long case body)', async () => {
      const res = await fetch(`${first.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ __typename }', variables: { pad: 'x'.repeat(300_000) } }),
      });
      expect(res.status).toBe(200);
    });

    it('keeps idle connections longer than a load balancer does (65 s), headers 66 s', () => {
      const server = first.app.getHttpServer() as http.Server;
      expect(server.keepAliveTimeout).toBe(65_000);
      expect(server.headersTimeout).toBe(66_000);
    });
  });
});
