import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGzip, type Gzip } from 'node:zlib';
import type { Client } from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { appVersion } from './app-version';
import {
  COPY_SESSION_SETTINGS,
  FORMAT_VERSION,
  MAGIC,
  type BackupHeader,
  type BackupTable,
} from './backup-format';
import {
  columnList,
  dependencyOrder,
  exclusionReason,
  quoteIdent,
  readCatalog,
  tablesOutsidePublic,
} from './table-catalog';

export interface BackupProgress {
  table: string;
  rows: number;
  tablesDone: number;
  tables: number;
  rowsDone: number;
  rowsTotal: number;
}

export interface BackupResult {
  file: string;
  bytes: number;
  ms: number;
  header: BackupHeader;
}

async function write(gzip: Gzip, data: string | Buffer): Promise<void> {
  if (!gzip.write(data)) await once(gzip, 'drain');
}

/**
 * Writes a backup of the database `client` is connected to: one REPEATABLE READ READ ONLY transaction
 * (one snapshot: every table as of the same instant, while the app keeps writing), each table streamed
 * with COPY … TO STDOUT into gzip, so memory use does not grow with the data. The file appears under its
 * name only when complete (written as `<file>.partial`, flushed to disk, then renamed).
 */
export async function writeBackup(
  client: Client,
  file: string,
  options: { onProgress?(p: BackupProgress): void; onNotice?(message: string): void } = {},
): Promise<BackupResult> {
  const started = Date.now();
  const partial = `${file}.partial`;
  await mkdir(dirname(file), { recursive: true });
  await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
  try {
    // Fixed text formats (dates, intervals, floats) and none of the app's timeouts: COPY_SESSION_SETTINGS.
    await client.query(COPY_SESSION_SETTINGS);
    const catalog = await readCatalog(client);
    const included = catalog.tables.filter((t) => !exclusionReason(t));
    const includedNames = new Set(included.map((t) => t.name));
    for (const fk of catalog.foreignKeys)
      if (includedNames.has(fk.table) && !includedNames.has(fk.references))
        throw new Error(
          `table ${fk.table} refers to ${fk.references} (${fk.name}), which backups leave out: ` +
            'remove it from EXCLUDED_TABLES in apps/api/src/backup/table-catalog.ts',
        );
    // Like pg_dump: no migration may drop or alter a table under the running backup (writes go on).
    if (included.length)
      await client.query(
        `LOCK TABLE ${included.map((t) => quoteIdent(t.name)).join(', ')} IN ACCESS SHARE MODE`,
      );

    const largeObjects = await client.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM pg_largeobject_metadata',
    );
    if ((largeObjects.rows[0]?.n ?? 0) > 0)
      throw new Error(
        'the database holds large objects (pg_largeobject), which db:backup does not copy; Yokoten stores none, ' +
          'so something else put them there: back this database up with pg_dump instead',
      );

    const hasMigrations = catalog.tables.some((t) => t.name === 'migrations');
    const migrations = hasMigrations
      ? (
          await client.query<{ name: string; timestamp: string }>(
            'SELECT name, timestamp::text AS timestamp FROM migrations ORDER BY id',
          )
        ).rows.map((m) => ({ name: m.name, timestamp: Number(m.timestamp) }))
      : [];
    if (migrations.length === 0)
      throw new Error('this database has no migrations applied: nothing of Yokoten to back up');

    const order = dependencyOrder(
      included.map((t) => t.name),
      catalog.foreignKeys,
    );
    const byName = new Map(included.map((t) => [t.name, t]));
    const tables: BackupTable[] = [];
    for (const name of order) {
      const t = byName.get(name);
      if (!t) continue;
      const count = await client.query<{ n: string }>(`SELECT count(*)::text AS n FROM ${quoteIdent(name)}`);
      tables.push({
        name,
        columns: t.columns,
        primaryKey: t.primaryKey,
        rows: Number(count.rows[0]?.n ?? 0),
      });
    }
    const sequences = [];
    for (const s of catalog.sequences) {
      if (s.table && !includedNames.has(s.table)) continue; // its table's rows are not restored either
      const v = await client.query<{ last_value: string; is_called: boolean }>(
        `SELECT last_value::text AS last_value, is_called FROM ${quoteIdent(s.name)}`,
      );
      const row = v.rows[0];
      if (row)
        sequences.push({ name: s.name, table: s.table, lastValue: row.last_value, isCalled: row.is_called });
    }
    const info = await client.query<{ db: string; version: string }>(
      "SELECT current_database() AS db, current_setting('server_version') AS version",
    );
    const notIncluded = await tablesOutsidePublic(client);
    for (const t of notIncluded) options.onNotice?.(`not in the backup (outside the public schema): ${t}`);

    const header: BackupHeader = {
      format: 'yokoten-backup',
      formatVersion: FORMAT_VERSION,
      createdAt: new Date().toISOString(),
      app: appVersion(),
      server: info.rows[0]?.version ?? 'unknown',
      database: info.rows[0]?.db ?? 'unknown',
      migrations,
      tables,
      excluded: catalog.tables
        .map((t) => ({ name: t.name, reason: exclusionReason(t) }))
        .filter((t): t is { name: string; reason: string } => t.reason !== undefined),
      sequences,
      notIncluded,
    };

    const gzip = createGzip({ level: 6 });
    const done = pipeline(gzip, createWriteStream(partial, { mode: 0o600 }));
    // A failed write (disk full) rejects `done`; make sure the loop below hears about it.
    let failure: unknown;
    done.catch((e: unknown) => {
      failure = e;
    });
    try {
      await write(gzip, `${MAGIC} ${FORMAT_VERSION}\n${JSON.stringify(header)}\n`);
      const rowsTotal = tables.reduce((n, t) => n + t.rows, 0);
      let rowsDone = 0;
      for (const [i, t] of tables.entries()) {
        await write(gzip, `TABLE ${JSON.stringify({ name: t.name, columns: t.columns, rows: t.rows })}\n`);
        const source = byName.get(t.name)?.partitioned
          ? `(SELECT ${columnList(t.columns)} FROM ${quoteIdent(t.name)})`
          : `${quoteIdent(t.name)} (${columnList(t.columns)})`;
        const stream = client.query(copyTo(`COPY ${source} TO STDOUT`));
        for await (const chunk of stream as AsyncIterable<Buffer>) {
          if (failure) throw failure;
          await write(gzip, `${chunk.length}\n`);
          await write(gzip, chunk);
        }
        if (stream.rowCount !== t.rows)
          throw new Error(
            `${t.name}: copied ${stream.rowCount} rows, counted ${t.rows} in the same snapshot`,
          );
        await write(gzip, '0\n');
        rowsDone += t.rows;
        options.onProgress?.({
          table: t.name,
          rows: t.rows,
          tablesDone: i + 1,
          tables: tables.length,
          rowsDone,
          rowsTotal,
        });
      }
      await write(gzip, `END ${JSON.stringify({ tables: tables.length, rows: rowsTotal })}\n`);
      gzip.end();
      await done;
    } catch (e) {
      gzip.destroy();
      await done.catch(() => undefined);
      throw e;
    }
    await client.query('COMMIT');
    const handle = await open(partial, 'r');
    await handle.sync().finally(() => handle.close());
    await rename(partial, file);
    return { file, bytes: (await stat(file)).size, ms: Date.now() - started, header };
  } catch (e) {
    await client.query('ROLLBACK').catch(() => undefined);
    await rm(partial, { force: true });
    throw e;
  }
}
