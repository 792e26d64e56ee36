import { Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { RateLimiterRes } from 'rate-limiter-flexible';
import { limiterKey, retryAfterSeconds, type RateLimits } from './rate-limits';

/**
 * The general per-client budget of /graphql: GRAPHQL_RATE_LIMIT_PER_MINUTE requests a minute per address
 * (request.ip, so TRUST_PROXY must name the load balancer), counted in PostgreSQL so it holds across
 * processes. Over it: HTTP 429, `Retry-After`, and a GraphQL error `TOO_MANY_REQUESTS` with
 * `retryAfterSeconds`. Keyed by address rather than by session: a made-up token would otherwise be a fresh
 * budget. If the store cannot be reached the request goes on (PostgreSQL down fails it anyway, with a
 * clearer error). An onRequest hook: a request over the budget is answered before its body is read.
 */
export function graphqlRequestBudget(rateLimits: RateLimits, perMinute: number) {
  const limiter = rateLimits.limiter('graphql-ip', { points: perMinute, durationSeconds: 60 });
  const logger = new Logger('RateLimit');
  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const path = request.url.split('?', 1)[0];
    if (path !== '/graphql' && !path.startsWith('/graphql/')) return;
    try {
      await limiter.consume(limiterKey(request.ip ?? 'unknown'));
    } catch (e) {
      if (!(e instanceof RateLimiterRes)) {
        logger.warn({ msg: 'rate limit store unavailable; request let through', error: String(e) });
        return;
      }
      const retryAfter = retryAfterSeconds(e);
      await reply
        .code(429)
        .header('Retry-After', String(retryAfter))
        .type('application/json; charset=utf-8')
        .send(
          JSON.stringify({
            errors: [
              {
                message: `リクエストが多すぎます。${retryAfter}秒後にもう一度お試しください。 (Too many requests)`,
                extensions: { code: 'TOO_MANY_REQUESTS', retryAfterSeconds: retryAfter },
              },
            ],
          }),
        );
    }
  };
}
