import { once } from 'node:events';
import { createReadStream } from 'node:fs';
import { createGunzip } from 'node:zlib';
import { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { DataSource, type MigrationInterface } from 'typeorm';
import { MIGRATION_LOCK, SEED_LOCK } from '../bootstrap';
import { dataSourceOptions } from '../database/data-source-options';
import { MIGRATIONS } from '../database/migrations';
import {
  COPY_SESSION_SETTINGS,
  FrameReader,
  parseHeader,
  parseTagged,
  type BackupHeader,
} from './backup-format';
import { columnList, quoteIdent, readCatalog, type ForeignKey } from './table-catalog';

/** A restore that was not started because it would lose data or cannot be done by this build. */
export class RestoreRefusedError extends Error {}

export interface RestoreProgress {
  table: string;
  rows: number;
  tablesDone: number;
  tables: number;
  rowsDone: number;
  rowsTotal: number;
}

export interface RestoreOptions {
  /** Wipe the target's schema and data first (the caller has asked the operator). */
  force?: boolean;
  onStep?(message: string): void;
  onProgress?(p: RestoreProgress): void;
}

export interface RestoreResult {
  header: BackupHeader;
  rows: number;
  /** Migrations run on the target to reach the backup's schema version. */
  migrated: string[];
  /** Foreign keys dropped for the load and added back (each re-checks every row). */
  foreignKeysRechecked: string[];
  ms: number;
}

type MigrationClass = new () => MigrationInterface;
export const migrationName = (m: MigrationClass): string => new m().name ?? m.name;

function openBackup(file: string): { reader: FrameReader; close(): void } {
  const raw = createReadStream(file);
  const gunzip = createGunzip();
  raw.on('error', (e) => gunzip.destroy(e));
  raw.pipe(gunzip);
  return {
    reader: new FrameReader(gunzip),
    close: () => {
      raw.destroy();
      gunzip.destroy();
    },
  };
}

export async function readBackupHeader(file: string): Promise<BackupHeader> {
  const { reader, close } = openBackup(file);
  try {
    return parseHeader(await reader.line(64), await reader.line());
  } finally {
    close();
  }
}

/** The backup's schema must be one this build can create: every migration in it known here. */
export function migrationsToRun(
  header: BackupHeader,
  known: MigrationClass[] = MIGRATIONS,
): MigrationClass[] {
  const byName = new Map(known.map((m) => [migrationName(m), m]));
  const unknown = header.migrations.filter((m) => !byName.has(m.name)).map((m) => m.name);
  if (unknown.length)
    throw new RestoreRefusedError(
      `This backup was made by a newer Yokoten: its schema includes ${unknown.length} migration(s) this build ` +
        `does not know (${unknown.join(', ')}). Restore it with the version that made it ` +
        `(${header.app.name} ${header.app.version}) or a newer one.`,
    );
  const wanted = new Set(header.migrations.map((m) => m.name));
  return known.filter((m) => wanted.has(migrationName(m)));
}

export interface TargetState {
  database: string;
  /** Tables of `public` holding rows (the migrations table aside). */
  tablesWithRows: Array<{ name: string; rows: number }>;
  /** Tables of `public`, the migrations table aside. */
  tables: string[];
  migrations: string[];
  otherConnections: Array<{ application: string; client: string | null }>;
}

export async function inspectTarget(client: Client): Promise<TargetState> {
  const catalog = await readCatalog(client);
  const tables = catalog.tables.map((t) => t.name).filter((t) => t !== 'migrations');
  const tablesWithRows: TargetState['tablesWithRows'] = [];
  for (const t of tables) {
    const r = await client.query<{ n: string }>(
      `SELECT count(*)::text AS n FROM (SELECT 1 FROM ${quoteIdent(t)} LIMIT 1000000) s`,
    );
    const rows = Number(r.rows[0]?.n ?? 0);
    if (rows > 0) tablesWithRows.push({ name: t, rows });
  }
  const migrations = catalog.tables.some((t) => t.name === 'migrations')
    ? (await client.query<{ name: string }>('SELECT name FROM migrations ORDER BY id')).rows.map(
        (m) => m.name,
      )
    : [];
  const others = await client.query<{ application: string; client: string | null }>(
    `SELECT application_name AS application, client_addr::text AS client FROM pg_stat_activity
      WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'`,
  );
  const db = await client.query<{ db: string }>('SELECT current_database() AS db');
  return {
    database: db.rows[0]?.db ?? '',
    tablesWithRows,
    tables,
    migrations,
    otherConnections: others.rows,
  };
}

/** Why the target may not be restored into as it is; empty when it may. */
export function targetProblems(state: TargetState, header: BackupHeader): string[] {
  const problems: string[] = [];
  if (state.otherConnections.length)
    problems.push(
      `${state.otherConnections.length} other connection(s) to database "${state.database}" are open ` +
        `(${[...new Set(state.otherConnections.map((c) => c.application || 'unnamed'))].join(', ')}): ` +
        'stop the API processes first',
    );
  if (state.tablesWithRows.length)
    problems.push(
      `database "${state.database}" already holds data (${state.tablesWithRows
        .slice(0, 6)
        .map((t) => `${t.name}: ${t.rows >= 1_000_000 ? '1,000,000+' : t.rows} rows`)
        .join(', ')}${state.tablesWithRows.length > 6 ? ', …' : ''})`,
    );
  const inBackup = new Set(header.migrations.map((m) => m.name));
  const newer = state.migrations.filter((m) => !inBackup.has(m));
  if (newer.length)
    problems.push(
      `database "${state.database}" has a newer schema than the backup (migrations ${newer.join(', ')} are not in it)`,
    );
  if (state.tables.length && state.migrations.length === 0)
    problems.push(
      `database "${state.database}" has tables but no Yokoten migrations: it is not a Yokoten database`,
    );
  return problems;
}

/** Drops everything in `public` (tables, functions, types) and gives back an empty schema as CREATE DATABASE does. */
async function wipePublicSchema(client: Client): Promise<void> {
  await client.query('BEGIN');
  try {
    await client.query('DROP SCHEMA public CASCADE');
    await client.query('CREATE SCHEMA public');
    await client.query('COMMIT');
  } catch (e) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw e;
  }
  // The defaults of PostgreSQL 15+; a non-superuser owner of the database may not set them: fine.
  await client.query('ALTER SCHEMA public OWNER TO pg_database_owner').catch(() => undefined);
  await client.query('GRANT USAGE ON SCHEMA public TO PUBLIC').catch(() => undefined);
}

async function migrateTo(databaseUrl: string, migrations: MigrationClass[]): Promise<string[]> {
  const quiet = {
    logQuery() {},
    logQueryError() {},
    logQuerySlow() {},
    logSchemaBuild() {},
    logMigration() {},
    log() {},
  };
  const options = dataSourceOptions(databaseUrl);
  const dataSource = new DataSource({
    ...options,
    migrations,
    logging: false,
    logger: quiet,
    // A migration may build an index for longer than the app's statement timeout allows a query.
    extra: { ...(options.extra as object), statement_timeout: 0, idle_in_transaction_session_timeout: 0 },
  });
  await dataSource.initialize();
  try {
    return (await dataSource.runMigrations({ transaction: 'each' })).map((m) => m.name);
  } finally {
    await dataSource.destroy();
  }
}

/**
 * Restores `file` into the database at `databaseUrl`: refuses a target with data, a newer schema or open
 * connections (unless `force`), runs this build's migrations up to exactly the backup's schema version,
 * then loads every table in one transaction (all or nothing) and resets the sequences. The search index
 * is the caller's next step (rebuildSearchIndex).
 */
export async function restoreBackup(
  databaseUrl: string,
  file: string,
  options: RestoreOptions = {},
): Promise<RestoreResult> {
  const started = Date.now();
  const step = options.onStep ?? (() => undefined);
  const header = await readBackupHeader(file);
  const migrations = migrationsToRun(header);

  const client = new Client({ connectionString: databaseUrl, application_name: 'yokoten-restore' });
  client.on('error', () => undefined);
  await client.connect();
  try {
    // The locks an API process takes to migrate and to seed the demo (held until this connection ends): one
    // starting meanwhile waits for the restore, then finds the data, seeds nothing and migrates forward.
    await client.query('SELECT pg_advisory_lock($1), pg_advisory_lock($2)', [MIGRATION_LOCK, SEED_LOCK]);
    const state = await inspectTarget(client);
    const problems = targetProblems(state, header);
    if (problems.length && !options.force)
      throw new RestoreRefusedError(
        `Not restoring: ${problems.join('; ')}. Restore into an empty database, or add --force to replace ` +
          `everything in "${state.database}" with the backup.`,
      );
    if (state.tables.length && (state.tablesWithRows.length || problems.length)) {
      step(`emptying database "${state.database}" (--force)`);
      await wipePublicSchema(client);
    }

    const migrated = await migrateTo(databaseUrl, migrations);
    step(
      migrated.length
        ? `schema: applied ${migrated.length} migration(s) up to ${header.migrations.at(-1)?.name}`
        : `schema: already at ${header.migrations.at(-1)?.name}`,
    );
    const applied = new Set(
      (await client.query<{ name: string }>('SELECT name FROM migrations')).rows.map((m) => m.name),
    );
    if (applied.size !== header.migrations.length || header.migrations.some((m) => !applied.has(m.name)))
      throw new Error('the schema did not reach the backup version after migrating; nothing was restored');

    const foreignKeysRechecked = await loadTables(client, file, header, options);
    await client.query('ANALYZE');
    const rows = header.tables.reduce((n, t) => n + t.rows, 0);
    return { header, rows, migrated, foreignKeysRechecked, ms: Date.now() - started };
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * One transaction: either every table is restored or none. Foreign keys stay enforced by PostgreSQL
 * (the file is in dependency order, parents first); one that points forward in the file (a cycle, or an
 * order that changed) is dropped for the load and added back, which re-checks every row. The tables'
 * own triggers are off during the load, as they are in pg_restore (which creates triggers after the
 * data): a restored row is data as it was, not a new write to react to.
 */
async function loadTables(
  client: Client,
  file: string,
  header: BackupHeader,
  options: RestoreOptions,
): Promise<string[]> {
  const { reader, close } = openBackup(file);
  await client.query('BEGIN');
  try {
    await client.query(COPY_SESSION_SETTINGS);
    const catalog = await readCatalog(client);
    const target = new Map(catalog.tables.map((t) => [t.name, t]));
    for (const t of header.tables) {
      const columns = target.get(t.name)?.columns;
      if (!columns) throw new Error(`table ${t.name} of the backup does not exist at its schema version`);
      const missing = t.columns.filter((c) => !columns.includes(c));
      if (missing.length)
        throw new Error(`table ${t.name} has no column(s) ${missing.join(', ')} at its schema version`);
    }
    const position = new Map(header.tables.map((t, i) => [t.name, i]));
    const forward: ForeignKey[] = catalog.foreignKeys.filter((fk) => {
      const from = position.get(fk.table);
      const to = position.get(fk.references);
      return from !== undefined && to !== undefined && to > from;
    });
    const names = header.tables.map((t) => quoteIdent(t.name)).join(', ');
    if (names) await client.query(`LOCK TABLE ${names} IN ACCESS EXCLUSIVE MODE`);
    const triggers = await client.query<{ table: string; name: string; enabled: string }>(
      `SELECT c.relname AS table, t.tgname AS name, t.tgenabled AS enabled FROM pg_trigger t
         JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND NOT t.tgisinternal AND t.tgenabled <> 'D' AND c.relname = ANY($1)`,
      [header.tables.map((t) => t.name)],
    );
    for (const t of triggers.rows)
      await client.query(`ALTER TABLE ${quoteIdent(t.table)} DISABLE TRIGGER ${quoteIdent(t.name)}`);
    for (const fk of forward)
      await client.query(`ALTER TABLE ${quoteIdent(fk.table)} DROP CONSTRAINT ${quoteIdent(fk.name)}`);

    parseHeader(await reader.line(64), await reader.line());
    const rowsTotal = header.tables.reduce((n, t) => n + t.rows, 0);
    let rowsDone = 0;
    for (const [i, t] of header.tables.entries()) {
      const section = parseTagged<{ name: string; rows: number }>(await reader.line(), 'TABLE');
      if (section.name !== t.name)
        throw new Error(`backup file damaged: expected table ${t.name}, found ${section.name}`);
      const sink = client.query(copyFrom(`COPY ${quoteIdent(t.name)} (${columnList(t.columns)}) FROM STDIN`));
      const finished = once(sink, 'finish');
      finished.catch(() => undefined);
      try {
        for (;;) {
          const size = Number(await reader.line(32));
          if (!Number.isInteger(size) || size < 0) throw new Error(`backup file damaged in table ${t.name}`);
          if (size === 0) break;
          for await (const piece of reader.bytes(size)) if (!sink.write(piece)) await once(sink, 'drain');
        }
        sink.end();
        await finished;
      } catch (e) {
        // CopyFail: the server ends the COPY, so the connection can roll back.
        if (!sink.destroyed) {
          const closed = once(sink, 'close').catch(() => undefined);
          sink.destroy(e instanceof Error ? e : new Error(String(e)));
          await closed;
        }
        throw e;
      }
      if (sink.rowCount !== t.rows)
        throw new Error(`${t.name}: restored ${sink.rowCount} rows, the backup says ${t.rows}`);
      rowsDone += t.rows;
      options.onProgress?.({
        table: t.name,
        rows: t.rows,
        tablesDone: i + 1,
        tables: header.tables.length,
        rowsDone,
        rowsTotal,
      });
    }
    const end = parseTagged<{ tables: number; rows: number }>(await reader.line(), 'END');
    if (end.tables !== header.tables.length || end.rows !== rowsTotal || !(await reader.atEnd()))
      throw new Error('backup file damaged: its end does not match its header');

    for (const fk of forward) {
      options.onStep?.(`re-checking ${fk.name} (${fk.table} → ${fk.references})`);
      await client.query(
        `ALTER TABLE ${quoteIdent(fk.table)} ADD CONSTRAINT ${quoteIdent(fk.name)} ${fk.definition}`,
      );
    }
    const enable: Record<string, string> = { O: 'ENABLE', A: 'ENABLE ALWAYS', R: 'ENABLE REPLICA' };
    for (const t of triggers.rows)
      await client.query(
        `ALTER TABLE ${quoteIdent(t.table)} ${enable[t.enabled] ?? 'ENABLE'} TRIGGER ${quoteIdent(t.name)}`,
      );
    const sequences = new Set(catalog.sequences.map((s) => s.name));
    for (const s of header.sequences)
      if (sequences.has(s.name))
        await client.query('SELECT setval($1::regclass, $2::bigint, $3)', [
          quoteIdent(s.name),
          s.lastValue,
          s.isCalled,
        ]);
    await client.query('COMMIT');
    return forward.map((fk) => fk.name);
  } catch (e) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw e;
  } finally {
    close();
  }
}
