import { plainToInstance, Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  MinLength,
  Min,
  validateSync,
} from 'class-validator';
import { Stacked } from '../common/stacked';
import { IsTrustProxy, parseTrustProxy } from './trust-proxy';

const toBool = ({ value }: { value: unknown }) =>
  value === undefined || value === ''
    ? undefined
    : ['1', 'true', 'yes', 'on'].includes(String(value).toLowerCase())
      ? true
      : ['0', 'false', 'no', 'off'].includes(String(value).toLowerCase())
        ? false
        : value;
const toInt = ({ value }: { value: unknown }) =>
  value === undefined || value === '' ? undefined : Number(value);
const emptyToUndefined = ({ value }: { value: unknown }) => (value === '' ? undefined : value);

/** A whole number from the environment, at least `min` (and at most `max`). */
const IntSetting = (min: number, max?: number) =>
  Stacked(Transform(toInt), IsInt(), Min(min), ...(max === undefined ? [] : [Max(max)]));

/** Environment variables the API reads; validated at boot so a wrong setting stops start with a clear message. */
export class EnvironmentVariables {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @IntSetting(0, 65535)
  PORT = 3000;

  @IsString()
  HOST = '0.0.0.0';

  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL?: string;

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsUrl(
    { require_tld: false, protocols: ['http', 'https'], require_protocol: true },
    { message: 'MEILI_URL must be an http(s) URL' },
  )
  MEILI_URL?: string;

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  MEILI_MASTER_KEY?: string;

  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]*$/, { message: 'MEILI_INDEX_PREFIX may contain only letters, digits, _ and -' })
  MEILI_INDEX_PREFIX = '';

  /** Longest wait for one Meilisearch request; a search or index write that takes longer fails. */
  @IntSetting(100, 600_000)
  MEILI_TIMEOUT_MS = 10_000;

  /** Outbox rows the search sync applies per Meilisearch task. */
  @IntSetting(1, 10_000)
  SEARCH_SYNC_BATCH_SIZE = 500;

  /**
   * Fallback poll of the outbox (ms). New rows wake the sync at once through LISTEN/NOTIFY (and a lost
   * listening connection wakes it when it reconnects), so this only bounds the worst case.
   */
  @IntSetting(50, 600_000)
  SEARCH_SYNC_POLL_MS = 60_000;

  /**
   * Seconds between checks of the search index (exists, settings, document count against PostgreSQL);
   * one that lost its data, was deleted or drifted is rebuilt from PostgreSQL (search/README.md).
   */
  @IntSetting(1, 3600)
  SEARCH_HEAL_INTERVAL_SECONDS = 30;

  @IsString()
  DATA_DIR = '.data';

  @IntSetting(0, 65535)
  EMBEDDED_PG_PORT = 54329;

  @IntSetting(0, 65535)
  EMBEDDED_MEILI_PORT = 7709;

  /** Demo data: default on in embedded mode, off when DATABASE_URL is set (production) unless asked for. */
  @Transform(toBool)
  @IsOptional()
  @IsBoolean({ message: 'SEED_DEMO must be true or false' })
  SEED_DEMO?: boolean;

  @IsString()
  @MinLength(8, { message: 'DEMO_PASSWORD must be at least 8 characters' })
  DEMO_PASSWORD = 'yokoten-demo';

  /**
   * The session cookie is marked Secure (sent over HTTPS only) and HSTS is sent. Default: on when
   * NODE_ENV=production, off otherwise; set false only for a production install reached over plain HTTP.
   */
  @Transform(toBool)
  @IsOptional()
  @IsBoolean({ message: 'COOKIE_SECURE must be true or false' })
  COOKIE_SECURE?: boolean;

  /**
   * Which proxies' X-Forwarded-For to believe (docs/operations.md): a hop count (1 behind one load
   * balancer), or a comma-separated list of proxy addresses / CIDR ranges / loopback.
   */
  @IsTrustProxy()
  TRUST_PROXY = 'loopback';

  /**
   * GraphQL requests per minute per client (a signed-in user, else an address), shared by all processes
   * through PostgreSQL; 0 turns it off. Default 300 in production, off otherwise.
   */
  @Transform(toInt)
  @IsOptional()
  @IsInt({ message: 'GRAPHQL_RATE_LIMIT_PER_MINUTE must be a whole number (0 = off)' })
  @Min(0, { message: 'GRAPHQL_RATE_LIMIT_PER_MINUTE must be a whole number (0 = off)' })
  GRAPHQL_RATE_LIMIT_PER_MINUTE?: number;

  /** GraphQL introspection; default: on when the explorer is (ENABLE_EXPLORER; off in production). */
  @Transform(toBool)
  @IsOptional()
  @IsBoolean({ message: 'GRAPHQL_INTROSPECTION must be true or false' })
  GRAPHQL_INTROSPECTION?: boolean;

  @IntSetting(1)
  SESSION_TTL_HOURS = 24 * 14;

  @IntSetting(1)
  LOGIN_MAX_ATTEMPTS = 10;

  @IntSetting(1)
  LOGIN_WINDOW_SECONDS = 15 * 60;

  /** argon2 hashes and verifications run at once per process (each takes a core and 64 MiB). */
  @IntSetting(1, 64)
  ARGON2_CONCURRENCY = 2;

  /** argon2 jobs waiting per process beyond those; more is TOO_MANY_REQUESTS with retryAfterSeconds. */
  @IntSetting(0)
  ARGON2_QUEUE = 50;

  /** 参加申込 (applyToJoin, anonymous) accepted per client IP and hour. */
  @IntSetting(1)
  JOIN_APPLICATIONS_PER_HOUR = 10;

  @IsIn(['debug', 'info', 'warn', 'error'])
  LOG_LEVEL: 'debug' | 'info' | 'warn' | 'error' = 'info';

  /** Serve the GraphQL explorer (/graphiql) and mail previews; on by default outside production. */
  @Transform(toBool)
  @IsOptional()
  @IsBoolean({ message: 'ENABLE_EXPLORER must be true or false' })
  ENABLE_EXPLORER?: boolean;

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  WEB_DIST_DIR?: string;

  /**
   * The app's address as users reach it (https://yokoten.example.jp), for absolute links in the open-data
   * files and calendar feeds. Unset: taken from each request's Host, which a shared cache in front of the
   * app could be made to store with someone else's host name; set it in production.
   */
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' && value.trim() ? value.trim().replace(/\/+$/, '') : undefined,
  )
  @IsOptional()
  @IsUrl(
    { require_tld: false, protocols: ['http', 'https'], require_protocol: true },
    { message: 'PUBLIC_URL must be an http(s) URL such as https://yokoten.example.jp' },
  )
  PUBLIC_URL?: string;

  /** smtp(s)://user:pass@host:port for real mail; unset: mails are written as .eml files (see MAIL_DIR). */
  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^smtps?:\/\/.+/, { message: 'SMTP_URL must be an smtp:// or smtps:// URL' })
  SMTP_URL?: string;

  @IsString()
  @MinLength(3, { message: 'MAIL_FROM must be an address such as 横展 事務局 <no-reply@example.jp>' })
  MAIL_FROM = '横展 Yokoten 事務局 <no-reply@yokoten.example>';

  /** Where .eml files go without SMTP_URL; default DATA_DIR/mail (tests: kept in memory only). */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  MAIL_DIR?: string;
}

export type AppConfig = EnvironmentVariables & {
  COOKIE_SECURE: boolean;
  GRAPHQL_RATE_LIMIT_PER_MINUTE: number;
  /** TRUST_PROXY as Fastify's `trustProxy` takes it. */
  trustProxy: number | string[];
  graphqlIntrospection: boolean;
  embeddedDatabase: boolean;
  embeddedSearch: boolean;
  seedDemo: boolean;
  enableExplorer: boolean;
};

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

const KNOWN = Object.keys(new EnvironmentVariables());

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const raw: Record<string, unknown> = {};
  for (const key of [
    ...KNOWN,
    'DATABASE_URL',
    'MEILI_URL',
    'MEILI_MASTER_KEY',
    'SEED_DEMO',
    'ENABLE_EXPLORER',
    'WEB_DIST_DIR',
    'SMTP_URL',
    'MAIL_DIR',
    'PUBLIC_URL',
    'COOKIE_SECURE',
    'GRAPHQL_RATE_LIMIT_PER_MINUTE',
    'GRAPHQL_INTROSPECTION',
  ]) {
    if (env[key] !== undefined) raw[key] = env[key];
  }
  const config = plainToInstance(EnvironmentVariables, raw, { exposeDefaultValues: true });
  const errors = validateSync(config, { whitelist: true, forbidUnknownValues: false });
  const problems = errors.flatMap((e) =>
    Object.values(e.constraints ?? {}).map((m) => (m.includes(e.property) ? m : `${e.property}: ${m}`)),
  );
  // Demo accounts on a production install must not open with the password printed in the README.
  if (
    config.SEED_DEMO === true &&
    config.NODE_ENV === 'production' &&
    (env.DEMO_PASSWORD === undefined || env.DEMO_PASSWORD === new EnvironmentVariables().DEMO_PASSWORD)
  )
    problems.push(
      'DEMO_PASSWORD must be set (to something other than the default) when SEED_DEMO=true with NODE_ENV=production: the demo accounts would otherwise open with the published password',
    );
  if (problems.length > 0) throw new ConfigError(problems);
  const embeddedDatabase = !config.DATABASE_URL;
  const production = config.NODE_ENV === 'production';
  const enableExplorer = config.ENABLE_EXPLORER ?? !production;
  return Object.assign(config, {
    COOKIE_SECURE: config.COOKIE_SECURE ?? production,
    GRAPHQL_RATE_LIMIT_PER_MINUTE: config.GRAPHQL_RATE_LIMIT_PER_MINUTE ?? (production ? 300 : 0),
    trustProxy: parseTrustProxy(config.TRUST_PROXY) as number | string[],
    graphqlIntrospection: config.GRAPHQL_INTROSPECTION ?? enableExplorer,
    embeddedDatabase,
    embeddedSearch: !config.MEILI_URL,
    seedDemo: config.SEED_DEMO ?? (embeddedDatabase && config.NODE_ENV !== 'production'),
    enableExplorer,
  });
}

export const APP_CONFIG = Symbol('APP_CONFIG');
