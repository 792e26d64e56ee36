import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import type { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';

/** docs/accounts.md "Reset": 5 requests per address and 20 per client IP in an hour. */
export const RESET_LIMIT_PER_ADDRESS = 5;
export const RESET_LIMIT_PER_IP = 20;
const WINDOW_SECONDS = 3600;

/**
 * The password-reset request limits, counted in PostgreSQL (`password_reset_limits`, made by the Accounts
 * migration; `tableCreated: true` keeps the library from creating it at run time) so that every API
 * process shares them. The app's own pg pool (TypeORM's) is used: no second pool.
 */
@Injectable()
export class PasswordResetLimits {
  private readonly byAddress: RateLimiterPostgres;
  private readonly byIp: RateLimiterPostgres;

  constructor(@InjectDataSource() dataSource: DataSource) {
    const pool = (dataSource.driver as PostgresDriver).master;
    const common = {
      storeClient: pool,
      storeType: 'pool',
      tableName: 'password_reset_limits',
      tableCreated: true,
      // Deletes expired counters once an hour (an unref'd timer: it never keeps a process alive).
      clearExpiredByTimeout: true,
      duration: WINDOW_SECONDS,
    };
    this.byAddress = new RateLimiterPostgres({
      ...common,
      keyPrefix: 'reset-address',
      points: RESET_LIMIT_PER_ADDRESS,
    });
    this.byIp = new RateLimiterPostgres({ ...common, keyPrefix: 'reset-ip', points: RESET_LIMIT_PER_IP });
  }

  /** Counts one request; false when either limit is exceeded (the caller then sends nothing). */
  async consume(email: string, ip: string): Promise<boolean> {
    const results = await Promise.allSettled([this.byAddress.consume(email), this.byIp.consume(ip)]);
    for (const r of results) {
      if (r.status === 'rejected') {
        if (r.reason instanceof RateLimiterRes) return false;
        throw r.reason;
      }
    }
    return true;
  }
}
