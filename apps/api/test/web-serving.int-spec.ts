import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestApp, type TestApp } from './test-app';

jest.setTimeout(60_000);

/** A raw GET/POST that shows the bytes as sent (fetch would decompress and hide the encoding). */
function request(
  url: string,
  headers: Record<string, string> = {},
  body?: string,
): Promise<{ status: number; headers: http.IncomingHttpHeaders; bytes: number }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: body ? 'POST' : 'GET', headers }, (res) => {
      let bytes = 0;
      res.on('data', (chunk: Buffer) => (bytes += chunk.length));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, bytes }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('serving the web client and responses', () => {
  let dir: string;
  let t: TestApp;
  const script = `console.log(${JSON.stringify('先行事例を検索する'.repeat(400))});`;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'yokoten-web-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><html lang="ja"><title>横展</title></html>');
    writeFileSync(join(dir, 'assets', 'index-3f9a1c.js'), script);
    t = await createTestApp({ webDistDir: dir });
  });
  afterAll(async () => {
    await t?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('compresses for browsers that accept it, and sends plain bytes to clients that do not', async () => {
    const url = `${t.url}/assets/index-3f9a1c.js`;
    const gzip = await request(url, { 'accept-encoding': 'gzip' });
    expect(gzip.status).toBe(200);
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gzip.bytes).toBeLessThan(Buffer.byteLength(script) / 5);
    const br = await request(url, { 'accept-encoding': 'br, gzip' });
    expect(br.headers['content-encoding']).toBe('br');
    const plain = await request(url);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.bytes).toBe(Buffer.byteLength(script));
  });

  it('compresses GraphQL responses too', async () => {
    const res = await request(
      `${t.url}/graphql`,
      { 'content-type': 'application/json', 'accept-encoding': 'gzip' },
      JSON.stringify({ query: '{ __schema { types { name description } } }' }),
    );
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('gzip');
  });

  it('answers 404 for a file of the build that is not there, not the page (a stale tab after a deploy)', async () => {
    // A module script answered with index.html fails as "MIME type text/html"; a 404 says what happened.
    for (const path of ['/assets/index-0ld0ld.js', '/assets/main-0ld0ld.css']) {
      const res = await request(`${t.url}${path}`);
      expect(res.status).toBe(404);
      expect(res.headers['content-type'] ?? '').not.toMatch(/text\/html/);
    }
    // Pages of the client still get the page, whatever their path.
    expect((await request(`${t.url}/municipalities/401005`)).status).toBe(200);
    expect((await request(`${t.url}/no-such-page`)).status).toBe(200);
  });

  it('lets browsers keep hashed assets for good and revalidate the page that names them', async () => {
    const asset = await request(`${t.url}/assets/index-3f9a1c.js`);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    for (const path of ['/', '/cases/search?q=DX']) {
      const page = await request(`${t.url}${path}`);
      expect(page.status).toBe(200);
      expect(page.headers['content-type']).toMatch(/text\/html/);
      expect(page.headers['cache-control']).toBe('no-cache');
    }
  });
});
