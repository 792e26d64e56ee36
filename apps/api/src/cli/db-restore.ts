/**
 * `npm run db:restore -- FILE [--force] [--yes] [--skip-reindex]`: restores a `db:backup` file into the
 * configured database (DATABASE_URL, else the embedded one under DATA_DIR; stop the app first), then
 * rebuilds the search index from it. Refuses a database that holds data, has a newer schema or has other
 * connections, unless --force (asked to confirm on a terminal; --yes for scripts).
 */
import 'reflect-metadata';
import { createInterface } from 'node:readline/promises';
import { Client } from 'pg';
import { formatCount, runDatabaseCli } from '../backup/cli-support';
import {
  inspectTarget,
  migrationsToRun,
  readBackupHeader,
  restoreBackup,
  RestoreRefusedError,
  targetProblems,
} from '../backup/restore';
import { rebuildSearchIndex } from '../backup/search-rebuild';

const args = process.argv.slice(2);
const file = args.find((a) => !a.startsWith('--'));
const force = args.includes('--force');
const yes = args.includes('--yes');
const skipReindex = args.includes('--skip-reindex');
const unknownFlags = args.filter(
  (a) => a.startsWith('--') && !['--force', '--yes', '--skip-reindex'].includes(a),
);
if (!file || unknownFlags.length) {
  process.stderr.write('usage: npm run db:restore -- FILE [--force [--yes]] [--skip-reindex]\n');
  process.exit(2);
}

async function confirm(database: string, problems: string[]): Promise<boolean> {
  process.stdout.write(`--force will DELETE everything in database "${database}":\n`);
  for (const p of problems) process.stdout.write(`  - ${p}\n`);
  if (yes) return true;
  if (!process.stdin.isTTY) {
    process.stderr.write(
      'Not a terminal, so nobody can confirm: add --yes to --force to run it from a script.\n',
    );
    return false;
  }
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    const answer = await rl.question(`Type the database name (${database}) to go on: `);
    return answer.trim() === database;
  } finally {
    rl.close();
  }
}

void runDatabaseCli(
  async ({ config, services }) => {
    const header = await readBackupHeader(file);
    migrationsToRun(header); // refuses a backup from a newer build before anything else happens
    process.stdout.write(
      `Backup of "${header.database}" made ${header.createdAt} by ${header.app.name} ${header.app.version}: ` +
        `${header.tables.length} tables, ${formatCount(header.tables.reduce((n, t) => n + t.rows, 0))} rows, ` +
        `schema ${header.migrations.at(-1)?.name}\n`,
    );
    if (force) {
      const client = new Client({ connectionString: services.databaseUrl });
      client.on('error', () => undefined);
      await client.connect();
      const state = await inspectTarget(client).finally(() => client.end().catch(() => undefined));
      const problems = targetProblems(state, header);
      if (problems.length && !(await confirm(state.database, problems))) {
        process.stderr.write('Nothing was changed.\n');
        return 1;
      }
    }
    try {
      const result = await restoreBackup(services.databaseUrl, file, {
        force,
        onStep: (message) => process.stdout.write(`  ${message}\n`),
        onProgress: (p) =>
          process.stdout.write(
            `  [${p.tablesDone}/${p.tables}] ${p.table}: ${formatCount(p.rows)} rows ` +
              `(${formatCount(p.rowsDone)}/${formatCount(p.rowsTotal)})\n`,
          ),
      });
      process.stdout.write(
        `Database restored: ${formatCount(result.rows)} rows in ${(result.ms / 1000).toFixed(1)} s.\n`,
      );
    } catch (e) {
      if (e instanceof RestoreRefusedError) {
        process.stderr.write(`${e.message}\n`);
        return 1;
      }
      throw e;
    }
    if (skipReindex) {
      process.stdout.write('Search index not rebuilt (--skip-reindex): run `npm run search:reindex`.\n');
      return 0;
    }
    process.stdout.write('Rebuilding the search index from the restored data…\n');
    try {
      const r = await rebuildSearchIndex(services.databaseUrl, services.search, config, (m) =>
        process.stdout.write(`  ${m}\n`),
      );
      process.stdout.write(`Search index rebuilt: ${r.documents} cases in ${(r.ms / 1000).toFixed(1)} s.\n`);
    } catch (e) {
      process.stderr.write(
        `The database is restored, but the search index could not be rebuilt (${e instanceof Error ? e.message : String(e)}). ` +
          'Run `npm run search:reindex` once Meilisearch is reachable.\n',
      );
      return 3;
    }
    return 0;
  },
  { search: !skipReindex, attachToRunningApp: false },
);
