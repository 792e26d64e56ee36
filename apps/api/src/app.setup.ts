import type { NestExpressApplication } from '@nestjs/platform-express';
import compression from 'compression';
import type { NextFunction, Request, Response } from 'express';
import cookieParser from 'cookie-parser';
import helmet from 'helmet';
import { graphqlRequestBudget } from './common/graphql-request-budget';
import { RateLimits } from './common/rate-limits';
import { requestIdMiddleware } from './common/request-id';
import { APP_CONFIG, type AppConfig } from './config/app-config';
import { GraphqlValidationPipe } from './graphql/validation.pipe';

/** Body size limits (a GraphQL request is a query of at most ~10 kB plus its variables: a case's text). */
export const BODY_LIMITS = { json: '1mb', urlencoded: '100kb' } as const;

/**
 * Node's HTTP server timeouts, above the common load balancers' idle timeout (60 s on AWS ALB, nginx's
 * keepalive_timeout 75 s is the exception: set it lower there), so the balancer closes idle connections
 * first and never sends a request on a socket this server is closing (a 502).
 */
export const SERVER_TIMEOUTS = { keepAliveMs: 65_000, headersMs: 66_000, requestMs: 60_000 } as const;

/**
 * The Content-Security-Policy: everything from the app's own origin. Styles may be inline because the
 * explorer's editor (GraphiQL / Monaco) injects <style> elements; scripts may not. Images: data: URLs
 * (the select arrow in styles.css, QR codes), blob: for the explorer's workers.
 */
export function contentSecurityPolicy(https: boolean): Record<string, string[] | null> {
  return {
    'default-src': ["'self'"],
    'base-uri': ["'self'"],
    'connect-src': ["'self'"],
    'font-src': ["'self'", 'data:'],
    'form-action': ["'self'"],
    'frame-ancestors': ["'none'"],
    'img-src': ["'self'", 'data:', 'blob:'],
    'manifest-src': ["'self'"],
    'object-src': ["'none'"],
    'script-src': ["'self'"],
    'script-src-attr': ["'none'"],
    'style-src': ["'self'", "'unsafe-inline'"],
    'worker-src': ["'self'", 'blob:'],
    // Only over HTTPS: on plain http (development, a LAN install) it would break every asset.
    'upgrade-insecure-requests': https ? [] : null,
  };
}

/** A body over BODY_LIMITS: 413 with a GraphQL-shaped error (the parser's error would otherwise be a 404). */
function tooLargeAs413(error: unknown, _req: Request, res: Response, next: NextFunction): void {
  if ((error as { type?: string } | null)?.type !== 'entity.too.large') return next(error);
  res.status(413).json({
    errors: [
      {
        message: `リクエストが大きすぎます (最大 ${BODY_LIMITS.json})。 (Request body too large)`,
        extensions: { code: 'PAYLOAD_TOO_LARGE', maximum: BODY_LIMITS.json },
      },
    ],
  });
}

/** Middleware and pipes shared by the server and the integration tests, so tests run what users get. */
export function configureApp(app: NestExpressApplication): void {
  const config = app.get<AppConfig>(APP_CONFIG);
  // Which proxies' X-Forwarded-For to believe (TRUST_PROXY): req.ip is the client's address only then.
  app.set('trust proxy', config.trustProxy);
  app.disable('x-powered-by');
  const server = app.getHttpServer();
  server.keepAliveTimeout = SERVER_TIMEOUTS.keepAliveMs;
  server.headersTimeout = SERVER_TIMEOUTS.headersMs;
  server.requestTimeout = SERVER_TIMEOUTS.requestMs;
  app.use(requestIdMiddleware);
  // After the request id, so a body that does not parse is answered with the id too.
  app.useBodyParser('json', { limit: BODY_LIMITS.json });
  app.useBodyParser('urlencoded', { limit: BODY_LIMITS.urlencoded, extended: true });
  app.use(tooLargeAs413);
  const https = config.COOKIE_SECURE;
  app.use(
    helmet({
      contentSecurityPolicy: { useDefaults: false, directives: contentSecurityPolicy(https) },
      // Cross-origin isolation headers would only matter for SharedArrayBuffer; the app needs none.
      crossOriginEmbedderPolicy: false,
      referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
      // HSTS only when the app is served over HTTPS (COOKIE_SECURE, default on in production).
      strictTransportSecurity: https ? { maxAge: 180 * 24 * 3600, includeSubDomains: false } : false,
      xFrameOptions: { action: 'deny' },
    }),
  );
  if (config.GRAPHQL_RATE_LIMIT_PER_MINUTE > 0) {
    app.use('/graphql', graphqlRequestBudget(app.get(RateLimits), config.GRAPHQL_RATE_LIMIT_PER_MINUTE));
  }
  // gzip / brotli (quality 4) for clients that accept it, from 1 kB: the web client's first load goes from
  // 838 kB to ~225 kB on the wire, a results page of JSON to about a fifth (docs/benchmarks.md).
  app.use(compression());
  app.use(cookieParser());
  app.useGlobalPipes(new GraphqlValidationPipe());
}
