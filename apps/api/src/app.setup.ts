import fastifyCompress from '@fastify/compress';
import fastifyCookie from '@fastify/cookie';
import fastifyEtag from '@fastify/etag';
import fastifyHelmet from '@fastify/helmet';
import type { DynamicModule, NestApplicationOptions } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { parse as parseQueryString } from 'node:querystring';
import { graphqlRequestBudget } from './common/graphql-request-budget';
import { RateLimits } from './common/rate-limits';
import { requestIdFor, requestIdHook } from './common/request-id';
import { APP_CONFIG, type AppConfig } from './config/app-config';
import { GraphqlValidationPipe } from './graphql/validation.pipe';

/** Body size limits in bytes (a GraphQL request is a query of at most ~10 kB plus its variables: a case's text). */
export const BODY_LIMITS = { json: 1024 * 1024, urlencoded: 100 * 1024 } as const;
/** How a refusal names the JSON limit (`1mb`, as the 413's `maximum` always has). */
const JSON_LIMIT_TEXT = `${BODY_LIMITS.json / (1024 * 1024)}mb`;

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

/**
 * A body over BODY_LIMITS: 413 with a GraphQL-shaped error (Fastify's own would be `{ statusCode, code,
 * error, message }`); every other error goes on to the next handler (Nest's). Set on each route (onRoute).
 */
function tooLargeAs413(error: FastifyError, _request: FastifyRequest, reply: FastifyReply): FastifyReply {
  if (error.code !== 'FST_ERR_CTP_BODY_TOO_LARGE') throw error;
  return reply.code(413).send({
    errors: [
      {
        message: `リクエストが大きすぎます (最大 ${JSON_LIMIT_TEXT})。 (Request body too large)`,
        extensions: { code: 'PAYLOAD_TOO_LARGE', maximum: JSON_LIMIT_TEXT },
      },
    ],
  });
}

/**
 * The HTTP server: Fastify. Which proxies' X-Forwarded-For to believe (TRUST_PROXY): request.ip is the
 * client's address only then. The JSON body limit is Fastify's bodyLimit; the request id its genReqId.
 */
export function createHttpAdapter(config: AppConfig): FastifyAdapter {
  return new FastifyAdapter({
    trustProxy: config.trustProxy,
    bodyLimit: BODY_LIMITS.json,
    genReqId: requestIdFor,
    // Nest logs; Fastify's own request log would be a second line per request.
    logger: false,
  });
}

/** The application as main.ts and the integration tests make it: Fastify, configured by configureApp. */
export async function createApp(
  module: DynamicModule,
  config: AppConfig,
  options: NestApplicationOptions,
): Promise<NestFastifyApplication> {
  const app = await NestFactory.create<NestFastifyApplication>(module, createHttpAdapter(config), options);
  await configureApp(app);
  return app;
}

/** Hooks, plugins and pipes shared by the server and the integration tests, so tests run what users get. */
export async function configureApp(app: NestFastifyApplication): Promise<void> {
  const config = app.get<AppConfig>(APP_CONFIG);
  const fastify = app.getHttpAdapter().getInstance();
  const server = app.getHttpServer();
  server.keepAliveTimeout = SERVER_TIMEOUTS.keepAliveMs;
  server.headersTimeout = SERVER_TIMEOUTS.headersMs;
  server.requestTimeout = SERVER_TIMEOUTS.requestMs;
  // First, so that every answer carries the id (a body that does not parse too).
  fastify.addHook('onRequest', requestIdHook);
  fastify.addHook('onRoute', (route) => {
    route.errorHandler ??= tooLargeAs413;
  });
  // JSON: Fastify's own parser (bodyLimit above). Urlencoded: 100 kB. Any other type is left unread for
  // the handler: an attachment upload streams its body (attachment.controller.ts).
  app.useBodyParser(
    'application/x-www-form-urlencoded',
    { bodyLimit: BODY_LIMITS.urlencoded },
    (_req, body, done) => done(null, parseQueryString(body.toString())),
  );
  fastify.addContentTypeParser('*', (_request, _payload, done) => done(null));
  const https = config.COOKIE_SECURE;
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: { useDefaults: false, directives: contentSecurityPolicy(https) },
    // Cross-origin isolation headers would only matter for SharedArrayBuffer; the app needs none.
    crossOriginEmbedderPolicy: false,
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    // HSTS only when the app is served over HTTPS (COOKIE_SECURE, default on in production).
    strictTransportSecurity: https ? { maxAge: 180 * 24 * 3600, includeSubDomains: false } : false,
    xFrameOptions: { action: 'deny' },
  });
  if (config.GRAPHQL_RATE_LIMIT_PER_MINUTE > 0) {
    fastify.addHook(
      'onRequest',
      graphqlRequestBudget(app.get(RateLimits), config.GRAPHQL_RATE_LIMIT_PER_MINUTE),
    );
  }
  // A weak ETag on every body sent whole, and 304 for a request that has it already (what Express did for
  // res.send): open-data files and calendars revalidate cheaply. Before compress: the ETag of the bytes.
  await app.register(fastifyEtag, { weak: true });
  // A response marked `Cache-Control: no-transform` (an attachment download, whose Content-Length is the
  // file's) is sent as it is: @fastify/compress skips a request with X-No-Compression. Before compress.
  fastify.addHook('onSend', (request, reply, payload, done) => {
    if (/\bno-transform\b/i.test(String(reply.getHeader('cache-control') ?? '')))
      request.headers['x-no-compression'] = '1';
    done(null, payload);
  });
  // gzip / brotli (quality 4) for clients that accept it, from 1 kB: the web client's first load goes from
  // 838 kB to ~225 kB on the wire, a results page of JSON to about a fifth (docs/benchmarks.md).
  await app.register(fastifyCompress, { threshold: 1024 });
  await app.register(fastifyCookie);
  app.useGlobalPipes(new GraphqlValidationPipe());
}
