import { Injectable } from '@nestjs/common';
import { RateLimiterRes, type RateLimiterPostgres } from 'rate-limiter-flexible';
import { limiterKey, RateLimits } from '../../common/rate-limits';

/** docs/accounts.md "Reset": 5 requests per address and 20 per client IP in an hour. */
export const RESET_LIMIT_PER_ADDRESS = 5;
export const RESET_LIMIT_PER_IP = 20;
const WINDOW_SECONDS = 3600;

/**
 * The password-reset request limits, counted in PostgreSQL (common/rate-limits.ts: the shared
 * `rate_limits` table on the app's pool) so that every API process shares them. Keys are hashed: the
 * table holds no addresses.
 */
@Injectable()
export class PasswordResetLimits {
  private readonly byAddress: RateLimiterPostgres;
  private readonly byIp: RateLimiterPostgres;

  constructor(rateLimits: RateLimits) {
    this.byAddress = rateLimits.limiter('password-reset-email', {
      points: RESET_LIMIT_PER_ADDRESS,
      durationSeconds: WINDOW_SECONDS,
    });
    this.byIp = rateLimits.limiter('password-reset-ip', {
      points: RESET_LIMIT_PER_IP,
      durationSeconds: WINDOW_SECONDS,
    });
  }

  /** Counts one request; false when either limit is exceeded (the caller then answers true and sends nothing). */
  async consume(email: string, ip: string): Promise<boolean> {
    const results = await Promise.allSettled([
      this.byAddress.consume(limiterKey(email)),
      this.byIp.consume(limiterKey(ip)),
    ]);
    for (const r of results) {
      if (r.status === 'rejected') {
        if (r.reason instanceof RateLimiterRes) return false;
        throw r.reason;
      }
    }
    return true;
  }
}
