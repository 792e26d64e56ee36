export {
  DEFAULT_POSTGRES_PORT,
  ensureDatabase,
  resolvePostgresBinaries,
  startEmbeddedPostgres,
  type EmbeddedPostgres,
  type EmbeddedPostgresOptions,
} from './embedded-postgres';
export {
  DEFAULT_MEILISEARCH_PORT,
  resolveMeilisearchBinary,
  startEmbeddedMeilisearch,
  unsupportedPlatformError,
  type EmbeddedMeilisearch,
  type EmbeddedMeilisearchOptions,
} from './embedded-meilisearch';
export { installShutdown, type ShutdownOptions } from './shutdown';
export {
  findFreePort,
  isAlive,
  killChildrenSync,
  realpathOrSelf,
  runningChildren,
  type RuntimeLog,
  type RuntimeLogEvent,
  type RuntimeLogLevel,
} from './process-tools';
