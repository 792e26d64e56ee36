import {
  type DynamicModule,
  Inject,
  type MiddlewareConsumer,
  Module,
  type NestModule,
  RequestMethod,
} from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { existsSync, readdirSync } from 'node:fs';
import { extname, join } from 'node:path';

/**
 * The web client's hashed files (dist/apps/web/assets/) are compressed once, at build time, at the
 * strongest settings (brotli 11, gzip 9; `precompress` in apps/web/vite.config.ts writes `x.js.br` and
 * `x.js.gz` beside `x.js`). This middleware sends the variant the browser accepts, before the static
 * server and instead of the compression middleware (which skips a response that already has a
 * Content-Encoding): brotli if accepted, else gzip, else it lets the static server send the plain file.
 * Every variant is the same immutable file, so all get the cache header of webCacheHeaders and
 * `Vary: Accept-Encoding` (a shared cache must not give brotli to a browser that asked for gzip).
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

export function precompressedAssets(webDistDir: string) {
  const assetsDir = join(webDistDir, 'assets');
  const variants = scanVariants(assetsDir);
  return (req: Request, res: Response, next: NextFunction): void => {
    const match = /^\/assets\/([^/?#]+)(?:[?#]|$)/.exec(req.originalUrl);
    const available = match ? variants.get(decodeURIComponent(match[1])) : undefined;
    if (!match || !available) return next();
    const name = decodeURIComponent(match[1]);
    res.vary('Accept-Encoding');
    const encoding = chooseEncoding(req.headers['accept-encoding'], available);
    if (!encoding) return next(); // the static server sends the plain file (with webCacheHeaders)
    const suffix = VARIANTS.find((v) => v.encoding === encoding)?.suffix ?? '';
    // The type of the original file (send() would name the .br file's), then the encoded bytes.
    res.type(extname(name));
    res.setHeader('Content-Encoding', encoding);
    res.setHeader('Cache-Control', IMMUTABLE);
    res.sendFile(
      name + suffix,
      { root: assetsDir, cacheControl: false, acceptRanges: false, dotfiles: 'deny' },
      (error) => {
        if (error && !res.headersSent) next(error);
      },
    );
  };
}

const WEB_DIST = Symbol('WEB_DIST');

/** Registers precompressedAssets for GET and HEAD under /assets/ (app.module.ts, beside ServeStaticModule). */
@Module({})
export class WebAssetsModule implements NestModule {
  constructor(@Inject(WEB_DIST) private readonly webDistDir: string) {}

  static forRoot(webDistDir: string): DynamicModule {
    return { module: WebAssetsModule, providers: [{ provide: WEB_DIST, useValue: webDistDir }] };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer
      .apply(precompressedAssets(this.webDistDir))
      .forRoutes(
        { path: 'assets/{*rest}', method: RequestMethod.GET },
        { path: 'assets/{*rest}', method: RequestMethod.HEAD },
      );
  }
}
