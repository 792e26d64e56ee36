import type { DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';
import { TypeOrmJsonLogger } from './typeorm-logger';

/** The one definition of how Yokoten talks to PostgreSQL; the schema changes only through migrations. */
export function dataSourceOptions(url: string): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    synchronize: false,
    // gen_random_uuid() is built into PostgreSQL 13+; no uuid-ossp needed.
    uuidExtension: 'pgcrypto',
    migrationsRun: false,
    logging: ['error', 'warn'],
    logger: new TypeOrmJsonLogger(),
    maxQueryExecutionTime: 1000,
    extra: { max: Number(process.env.DB_POOL_SIZE ?? 20), application_name: 'yokoten' },
  };
}
