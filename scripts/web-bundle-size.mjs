#!/usr/bin/env node
/* global URL -- a Node 20 global */
// `npm run bench:web`: how much JavaScript a page of the built web client downloads on a first visit
// (empty cache), raw and gzipped, measured in the system Chromium rather than guessed from the chunk graph.
//
//   node scripts/web-bundle-size.mjs                 the home page `/` of dist/apps/web (build it first:
//                                                    `npx nx run web:build`; `npm run bench:web` does both)
//   node scripts/web-bundle-size.mjs / /cases /dashboard     several pages, each in a fresh browser context
//   BASE_URL=http://localhost:3000 node scripts/web-bundle-size.mjs   a running app (real API and data)
//
// Without BASE_URL the files of dist/apps/web are served by a small static server here and /graphql
// answers every operation with an error, so no API or database is needed: the JavaScript a page loads does
// not depend on its data (the pages' code is split by route, not by what the queries return).
// Like the API (apps/api/src/web-assets.ts), the script's server sends a file's build-time brotli or gzip
// variant (`x.js.br`, `x.js.gz`) when the browser accepts it. Columns: raw (the JavaScript itself), gzip
// (zlib level 6, what on-the-fly compression at default settings would send; the figure of earlier runs), and
// sent (the bytes of the responses as Chromium counted them: the precompressed variant it was given).
import { createServer } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
// WEB_DIST: another build directory (e.g. `vite build --outDir /tmp/x` while a browser run uses dist/).
const dist = process.env.WEB_DIST ? resolve(process.env.WEB_DIST) : join(root, 'dist/apps/web');
const paths = process.argv.slice(2).filter((arg) => arg.startsWith('/'));
if (paths.length === 0) paths.push('/');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.ttf': 'font/ttf',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

function serveDist() {
  if (!existsSync(join(dist, 'index.html'))) {
    console.error(
      `${dist}/index.html is missing: run \`npx nx run web:build\` first (or \`npm run bench:web\`).`,
    );
    process.exit(1);
  }
  const server = createServer((req, res) => {
    const { pathname } = new URL(req.url ?? '/', 'http://localhost');
    if (pathname === '/graphql') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ errors: [{ message: 'no API in the bundle-size bench' }] }));
      return;
    }
    let file = normalize(join(dist, decodeURIComponent(pathname)));
    if (!file.startsWith(dist)) {
      res.writeHead(403).end();
      return;
    }
    // Like the API: a path that is not a file is a page of the single-page app.
    if (!existsSync(file) || statSync(file).isDirectory()) file = join(dist, 'index.html');
    const headers = { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', vary: 'Accept-Encoding' };
    const accepted = String(req.headers['accept-encoding'] ?? '');
    for (const [encoding, suffix] of [['br', '.br'], ['gzip', '.gz']]) {
      if (new RegExp(`\\b${encoding}\\b(?!;q=0(?:\\.0*)?\\b)`).test(accepted) && existsSync(file + suffix)) {
        res.writeHead(200, { ...headers, 'content-encoding': encoding });
        res.end(readFileSync(file + suffix));
        return;
      }
    }
    res.writeHead(200, headers);
    res.end(readFileSync(file));
  });
  return new Promise((resolveServer) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
      resolveServer({ server, baseUrl: `http://127.0.0.1:${port}` });
    });
  });
}

const kB = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;

const external = process.env.BASE_URL?.replace(/\/$/, '');
const { server, baseUrl } = external ? { server: undefined, baseUrl: external } : await serveDist();
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
});

try {
  console.log(`JavaScript loaded on a first visit to ${baseUrl} (empty cache)\n`);
  console.log('| page | files | raw | gzip | sent |');
  console.log('| ---- | ----- | --- | ---- | ---- |');
  const details = [];
  let acceptEncoding = '';
  for (const path of paths) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const scripts = new Map();
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    // A text the first load lacks (apps/web/src/i18n/i18n.ts logs it): the page would have shown its key.
    page.on('console', (message) => {
      if (message.type() === 'error' && message.text().startsWith('i18n:')) errors.push(message.text());
    });
    page.on('response', async (response) => {
      const url = new URL(response.url());
      if (!url.pathname.endsWith('.js') || scripts.has(url.pathname)) return;
      scripts.set(
        url.pathname,
        Promise.all([
          response.body(),
          response.request().sizes(),
          response.request().allHeaders(),
          response.headerValue('content-encoding'),
        ]),
      );
    });
    await page.goto(baseUrl + path, { waitUntil: 'networkidle' });
    // The page's own chunks are requested once React renders the route; on a busy machine that can come
    // after the first quiet moment (pages were counted without their chunk): wait for a second with no new
    // script.
    for (let seen = -1; seen !== scripts.size; ) {
      seen = scripts.size;
      await page.waitForTimeout(1000);
      await page.waitForLoadState('networkidle');
    }
    const files = [];
    for (const [name, loaded] of scripts) {
      const [bytes, sizes, requestHeaders, encoding] = await loaded;
      acceptEncoding = requestHeaders['accept-encoding'] ?? '';
      files.push({
        name,
        raw: bytes.length,
        gzip: gzipSync(bytes, { level: 6 }).length,
        sent: sizes.responseBodySize,
        encoding: encoding ?? 'identity',
      });
    }
    files.sort((a, b) => b.raw - a.raw);
    const sum = (key) => files.reduce((total, f) => total + f[key], 0);
    const encodings = [...new Set(files.map((f) => f.encoding))].join(', ');
    console.log(
      `| \`${path}\` | ${files.length} | ${kB(sum('raw'))} | ${kB(sum('gzip'))} | ${kB(sum('sent'))} (${encodings}) |`,
    );
    details.push({ path, files });
    // A page that failed to load its code would look small: refuse to report it.
    if (errors.length > 0) throw new Error(`${path}: uncaught errors in the page: ${errors.join('; ')}`);
    await context.close();
  }
  console.log(`\nChromium sent Accept-Encoding: ${acceptEncoding}`);
  for (const { path, files } of details) {
    console.log(`\n${path}   (raw, gzip, sent)`);
    for (const f of files) {
      console.log(`  ${kB(f.raw).padStart(10)} ${kB(f.gzip).padStart(10)} ${kB(f.sent).padStart(10)}  ${f.name}`);
    }
  }
} finally {
  await browser.close();
  server?.close();
}
