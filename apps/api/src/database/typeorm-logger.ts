import { Logger } from '@nestjs/common';
import type { Logger as TypeOrmLoggerInterface } from 'typeorm';

const logger = new Logger('database');

/**
 * TypeORM's messages as the app's JSON log lines. Query parameters are never logged (they carry
 * personal data), and a unique violation is an expected outcome the services turn into CONFLICT.
 */
export class TypeOrmJsonLogger implements TypeOrmLoggerInterface {
  logQuery(): void {
    // Queries are not logged: too many, and they would carry parameters.
  }

  logQueryError(error: string | Error, query: string): void {
    const code = typeof error === 'object' ? (error as { code?: string }).code : undefined;
    const event = {
      msg: 'query failed',
      code,
      error: typeof error === 'string' ? error : error.message,
      query: query.slice(0, 300),
    };
    if (code === '23505' || code === '40001' || code === '55P03') logger.debug(event);
    else logger.warn(event);
  }

  logQuerySlow(time: number, query: string): void {
    logger.warn({ msg: 'slow query', ms: time, query: query.slice(0, 300) });
  }

  logSchemaBuild(message: string): void {
    logger.debug({ msg: message });
  }

  logMigration(message: string): void {
    logger.log({ msg: message });
  }

  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') logger.warn({ msg: String(message) });
    else logger.debug({ msg: String(message) });
  }
}
