import fastifyStatic from '@fastify/static';
import { type DynamicModule, Inject, Module, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import { contentType } from 'mime-types';

/**
 * The web client's hashed files (dist/apps/web/assets/) are compressed once, at build time, at the
 * strongest settings (brotli 11, gzip 9; `precompress` in apps/web/vite.config.ts writes `x.js.br` and
 * `x.js.gz` beside `x.js`). The /assets/ route sends the variant the browser accepts, instead of the
 * compression plugin (which skips a response that already has a Content-Encoding): brotli if accepted, else
 * gzip, else the plain file. Every variant is the same immutable file, so all get the cache header of
 * the immutable cache header and `Vary: Accept-Encoding` (a shared cache must not give brotli to a browser that asked
 * for gzip).
 */
export const IMMUTABLE = 'public, max-age=31536000, immutable';

const VARIANTS = [
  { encoding: 'br', suffix: '.br' },
  { encoding: 'gzip', suffix: '.gz' },
] as const;
type Encoding = (typeof VARIANTS)[number]['encoding'];

/**
 * The encoding to send, from an Accept-Encoding header (RFC 9110 §12.5.3): the highest q wins, brotli
 * before gzip when equal (browsers list `gzip, deflate, br, zstd` all at q=1). `q=0` refuses, `*` stands
 * for any encoding not named. Undefined: send the plain bytes.
 */
export function chooseEncoding(
  header: string | undefined,
  available: readonly Encoding[],
): Encoding | undefined {
  if (!header) return undefined;
  const weights = new Map<string, number>();
  for (const part of header.split(',')) {
    const [token, ...params] = part.trim().toLowerCase().split(';');
    if (!token) continue;
    const q = params.map((p) => /^\s*q\s*=\s*([0-9.]+)\s*$/.exec(p)).find(Boolean);
    const weight = q ? Number(q[1]) : 1;
    weights.set(token.trim(), Number.isFinite(weight) ? weight : 0);
  }
  let best: { encoding: Encoding; weight: number } | undefined;
  for (const encoding of available) {
    const weight = weights.get(encoding) ?? weights.get('*') ?? 0;
    if (weight > 0 && (!best || weight > best.weight)) best = { encoding, weight };
  }
  return best?.encoding;
}

/** Which files of assets/ have which precompressed variants, read once at start (a build never changes). */
function scanVariants(assetsDir: string): Map<string, Encoding[]> {
  const variants = new Map<string, Encoding[]>();
  if (!existsSync(assetsDir)) return variants;
  const names = new Set(readdirSync(assetsDir));
  for (const name of names) {
    const available = VARIANTS.filter((v) => names.has(name + v.suffix)).map((v) => v.encoding);
    if (available.length > 0) variants.set(name, available);
  }
  return variants;
}

/**
 * The API's own routes: a path under them that no route answers is a 404, not the web client's page. Nor
 * /assets/: a file of the build that is missing (a stale tab after a deploy) is a 404, not the page.
 */
const NOT_THE_PAGE = /^\/(?:graphql(?:\/|$)|health(?:\/|$)|graphiql$|open-data\/cases\.[^/]+$|assets\/)/;

/** A file of the build under root for a URL path, or undefined (outside root, a dotfile, a directory, none). */
function buildFile(root: string, urlPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0') || decoded.split('/').some((part) => part.startsWith('.'))) return undefined;
  const file = normalize(join(root, decoded));
  if (!file.startsWith(root + sep)) return undefined;
  try {
    return statSync(file).isFile() ? file : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A file of the build with the type Express gave it (mime-types: `text/javascript; charset=utf-8`), the
 * rest (ETag, Last-Modified, Content-Length, conditional GET) from @fastify/static's sendFile. `sent` is
 * the file whose bytes go out when it is not `path` itself (its .br or .gz variant).
 */
export function sendBuildFile(reply: FastifyReply, path: string, root: string, sent = path): FastifyReply {
  reply.type(contentType(extname(path)) || 'application/octet-stream');
  return reply.sendFile(sent, root, { cacheControl: false, acceptRanges: sent === path });
}

/**
 * Serves the built web client (dist/apps/web) from the API's Fastify instance, on GET and HEAD:
 * - /assets/<file>: the build's brotli or gzip variant the browser accepts (chooseEncoding), else the file,
 *   immutable; a file that is not there is a 404.
 * - any other path: the build's file (favicon, explorer.html, …) or else index.html, the client's router
 *   deciding; both revalidated (no-cache). Paths of the API itself (NOT_THE_PAGE) are a 404.
 * Routes of the API (GraphQL, controllers) are more specific than `/*`, so they are matched first.
 */
export function registerWebClient(app: FastifyInstance, webDistDir: string): void {
  const root = normalize(webDistDir).replace(/[\\/]+$/, '');
  const assetsDir = join(root, 'assets');
  const variants = scanVariants(assetsDir);
  const index = join(root, 'index.html');

  app.get('/assets/*', async (request: FastifyRequest<{ Params: { '*': string } }>, reply: FastifyReply) => {
    const name = request.params['*'];
    const available = variants.get(name);
    if (available) {
      reply.header('Vary', 'Accept-Encoding');
      const encoding = chooseEncoding(request.headers['accept-encoding'], available);
      if (encoding) {
        const suffix = VARIANTS.find((v) => v.encoding === encoding)?.suffix ?? '';
        // The type of the original file (the .br file's would be wrong), then the encoded bytes.
        reply.header('Content-Encoding', encoding).header('Cache-Control', IMMUTABLE);
        return sendBuildFile(reply, name, assetsDir, name + suffix);
      }
    }
    if (!buildFile(assetsDir, `/${name}`)) return reply.callNotFound();
    reply.header('Cache-Control', IMMUTABLE);
    return sendBuildFile(reply, name, assetsDir);
  });

  app.get('/*', async (request: FastifyRequest, reply: FastifyReply) => {
    const path = request.url.split('?', 1)[0];
    if (NOT_THE_PAGE.test(path)) return reply.callNotFound();
    const file = buildFile(root, path) ?? index;
    if (file === index && !existsSync(index)) return reply.callNotFound();
    reply.header('Cache-Control', 'no-cache');
    return sendBuildFile(reply, file.slice(root.length + 1), root);
  });
}

const WEB_DIST = Symbol('WEB_DIST');

/** Registers the web client's routes (registerWebClient) and @fastify/static's reply.sendFile. */
@Module({})
export class WebClientModule implements OnModuleInit {
  constructor(
    @Inject(WEB_DIST) private readonly webDistDir: string,
    private readonly adapterHost: HttpAdapterHost,
  ) {}

  static forRoot(webDistDir: string): DynamicModule {
    return { module: WebClientModule, providers: [{ provide: WEB_DIST, useValue: webDistDir }] };
  }

  async onModuleInit(): Promise<void> {
    const app = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    // Only reply.sendFile (send's ETag, Last-Modified, ranges, conditional GET); the routes and the types
    // (sendBuildFile) are ours.
    await app.register(fastifyStatic, { root: this.webDistDir, serve: false, contentType: false });
    registerWebClient(app, this.webDistDir);
  }
}
