import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source-options';

/**
 * For the TypeORM CLI (`npm run db:migration:generate`): DATABASE_URL is set by scripts/with-db.mjs,
 * which starts the embedded PostgreSQL when no database is configured.
 */
if (!process.env.DATABASE_URL)
  throw new Error('DATABASE_URL is not set: run the TypeORM CLI through the npm scripts');
export default new DataSource(dataSourceOptions(process.env.DATABASE_URL));
