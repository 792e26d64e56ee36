import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, constants, gunzipSync, gzipSync } from 'node:zlib';
import { chooseEncoding } from '../src/web-assets';
import { createTestApp, type TestApp } from './test-app';

jest.setTimeout(60_000);

/** A raw GET/POST that shows the bytes as sent (fetch would decompress and hide the encoding). */
function request(
  url: string,
  headers: Record<string, string> = {},
  body?: string,
  method = body ? 'POST' : 'GET',
): Promise<{ status: number; headers: http.IncomingHttpHeaders; bytes: number; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const received = Buffer.concat(chunks);
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          bytes: received.length,
          body: received,
        });
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('serving the web client and responses', () => {
  let dir: string;
  let t: TestApp;
  const script = `console.log(${JSON.stringify('先行事例を検索する'.repeat(400))});`;
  // A chunk and a stylesheet as `vite build` leaves them: the file and its brotli and gzip variants.
  const chunk = Buffer.from(`export const t=${JSON.stringify('横展開の事例'.repeat(500))};`);
  const chunkBr = brotliCompressSync(chunk, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } });
  const chunkGz = gzipSync(chunk, { level: 9 });
  const css = Buffer.from(`.x{color:red}\n`.repeat(200));

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'yokoten-web-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><html lang="ja"><title>横展</title></html>');
    writeFileSync(join(dir, 'assets', 'index-3f9a1c.js'), script);
    writeFileSync(join(dir, 'assets', 'home.page-Ab12Cd.js'), chunk);
    writeFileSync(join(dir, 'assets', 'home.page-Ab12Cd.js.br'), chunkBr);
    writeFileSync(join(dir, 'assets', 'home.page-Ab12Cd.js.gz'), chunkGz);
    writeFileSync(join(dir, 'assets', 'main-Zz9Yy8.css'), css);
    writeFileSync(join(dir, 'assets', 'main-Zz9Yy8.css.br'), brotliCompressSync(css));
    writeFileSync(join(dir, 'assets', 'main-Zz9Yy8.css.gz'), gzipSync(css));
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

  describe('files compressed at build time', () => {
    const url = () => `${t.url}/assets/home.page-Ab12Cd.js`;

    it("sends the build's brotli file to a browser that accepts brotli, as immutable JavaScript", async () => {
      // Chromium's header: gzip first, every encoding at q=1; brotli is smaller, so it wins the tie.
      const res = await request(url(), { 'accept-encoding': 'gzip, deflate, br, zstd' });
      expect(res.status).toBe(200);
      expect(res.headers['content-encoding']).toBe('br');
      expect(res.body.equals(chunkBr)).toBe(true); // the file from the build, not compressed again
      expect(brotliDecompressSync(res.body).equals(chunk)).toBe(true);
      expect(res.headers['content-length']).toBe(String(chunkBr.length));
      expect(res.headers['content-type']).toBe('text/javascript; charset=utf-8');
      expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(res.headers.vary).toMatch(/accept-encoding/i);
    });

    it('sends the gzip file when brotli is not accepted or weighs less', async () => {
      for (const acceptEncoding of ['gzip', 'gzip, deflate', 'br;q=0, gzip', 'br;q=0.5, gzip;q=0.8']) {
        const res = await request(url(), { 'accept-encoding': acceptEncoding });
        expect({ acceptEncoding, encoding: res.headers['content-encoding'] }).toEqual({
          acceptEncoding,
          encoding: 'gzip',
        });
        expect(res.body.equals(chunkGz)).toBe(true);
        expect(gunzipSync(res.body).equals(chunk)).toBe(true);
        expect(res.headers['content-type']).toBe('text/javascript; charset=utf-8');
        expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
        expect(res.headers.vary).toMatch(/accept-encoding/i);
      }
    });

    it('sends the plain file to a client that accepts neither, still immutable and varying by encoding', async () => {
      const variants: Array<Record<string, string>> = [
        {},
        { 'accept-encoding': 'identity' },
        { 'accept-encoding': 'br;q=0, gzip;q=0' },
      ];
      for (const headers of variants) {
        const res = await request(url(), headers);
        expect(res.status).toBe(200);
        expect(res.headers['content-encoding']).toBeUndefined();
        expect(res.body.equals(chunk)).toBe(true);
        expect(res.headers['content-type']).toBe('text/javascript; charset=utf-8');
        expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
        expect(res.headers.vary).toMatch(/accept-encoding/i);
      }
    });

    it('gives a stylesheet its own type, answers HEAD without a body, and keeps index.html revalidated', async () => {
      const style = await request(`${t.url}/assets/main-Zz9Yy8.css`, { 'accept-encoding': 'br' });
      expect(style.headers['content-encoding']).toBe('br');
      expect(style.headers['content-type']).toBe('text/css; charset=utf-8');
      expect(brotliDecompressSync(style.body).equals(css)).toBe(true);

      const head = await request(url(), { 'accept-encoding': 'br' }, undefined, 'HEAD');
      expect(head.status).toBe(200);
      expect(head.headers['content-encoding']).toBe('br');
      expect(head.bytes).toBe(0);

      for (const path of ['/', '/index.html', '/cases']) {
        const page = await request(`${t.url}${path}`, { 'accept-encoding': 'gzip, deflate, br, zstd' });
        expect(page.status).toBe(200);
        expect(page.headers['content-type']).toMatch(/text\/html/);
        expect(page.headers['cache-control']).toBe('no-cache');
      }
      // A variant is never served by its own name as if it were the page's script.
      expect((await request(`${t.url}/assets/no-such-Ab12Cd.js`, { 'accept-encoding': 'br' })).status).toBe(
        404,
      );
    });

    it('chooses by weight, brotli before gzip when equal, and refuses q=0', () => {
      const both = ['br', 'gzip'] as const;
      expect(chooseEncoding(undefined, both)).toBeUndefined();
      expect(chooseEncoding('gzip, deflate, br, zstd', both)).toBe('br');
      expect(chooseEncoding('GZIP;Q=1, BR;Q=0.9', both)).toBe('gzip');
      expect(chooseEncoding('*', both)).toBe('br');
      expect(chooseEncoding('*;q=0.1, gzip', both)).toBe('gzip');
      expect(chooseEncoding('br;q=0, *', both)).toBe('gzip');
      expect(chooseEncoding('deflate', both)).toBeUndefined();
      expect(chooseEncoding('br', ['gzip'])).toBeUndefined();
    });
  });
});
