import { createHash } from 'node:crypto';
import { Global, Injectable, Module } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { QueryConfig } from 'pg';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import type { DataSource } from 'typeorm';
import { TooManyRequestsError } from './app-error';
import { pooledQuery } from './prepared-rows';

/** The table the migration RateLimits1795280300000 creates; every limiter shares it (keys carry a prefix). */
export const RATE_LIMITS_TABLE = 'rate_limits';

export interface LimiterOptions {
  /** Points (attempts) allowed per window. */
  points: number;
  /** Window length in seconds. */
  durationSeconds: number;
}

/**
 * Counters kept in PostgreSQL (rate-limiter-flexible's RateLimiterPostgres on the app's own connections), so
 * every API process shares them and a restart does not reset them. `name` keeps limiters apart in the one
 * table: use a stable name per purpose ('login-email-ip', 'password-reset-email', …).
 */
@Injectable()
export class RateLimits {
  private readonly limiters = new Map<string, RateLimiterPostgres>();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  limiter(name: string, options: LimiterOptions): RateLimiterPostgres {
    const key = `${name}:${options.points}:${options.durationSeconds}`;
    let limiter = this.limiters.get(key);
    if (!limiter) {
      limiter = new RateLimiterPostgres({
        storeClient: this.store,
        storeType: 'pool',
        tableName: RATE_LIMITS_TABLE,
        tableCreated: true,
        keyPrefix: name,
        points: options.points,
        duration: options.durationSeconds,
      });
      this.limiters.set(key, limiter);
    }
    return limiter;
  }

  /**
   * What the limiter needs of a pool, `query`, on TypeORM's connections (a connection borrowed per query
   * through the QueryRunner API): no second pool, no second set of connections. The limiter names its
   * statements, so they are prepared once per connection as before.
   */
  private readonly store = { query: (query: QueryConfig) => pooledQuery(this.dataSource, query) };
}

@Global()
@Module({ providers: [RateLimits], exports: [RateLimits] })
export class RateLimitsModule {}

/**
 * A key that stores no personal data: an email (or any identifier) hashed, so the table holds no
 * addresses, and long inputs fit the 255-character key column.
 */
export function limiterKey(...parts: string[]): string {
  return createHash('sha256').update(parts.join('\u0000')).digest('base64url');
}

/** Seconds until a blocked key may try again (at least 1). */
export function retryAfterSeconds(res: RateLimiterRes): number {
  return Math.max(1, Math.ceil(res.msBeforeNext / 1000));
}

/**
 * Consumes one point of `limiter` for `key`, or throws TOO_MANY_REQUESTS with `retryAfterSeconds` when the
 * key has used up its points in the window (e.g. password-reset requests per address). Errors of the store
 * itself (PostgreSQL down) propagate: a limit that cannot be checked is not silently skipped.
 */
export async function consumeOrThrow(
  limiter: RateLimiterPostgres,
  key: string,
  message: string,
  points = 1,
): Promise<RateLimiterRes> {
  try {
    return await limiter.consume(key, points);
  } catch (e) {
    if (e instanceof RateLimiterRes) throw new TooManyRequestsError(message, retryAfterSeconds(e));
    throw e;
  }
}

/** Throws TOO_MANY_REQUESTS when `key` already used `max` points in the current window (consumes nothing). */
export async function assertUnder(
  limiter: RateLimiterPostgres,
  key: string,
  max: number,
  message: string,
): Promise<void> {
  const res = await limiter.get(key);
  if (res && res.consumedPoints >= max) throw new TooManyRequestsError(message, retryAfterSeconds(res));
}
