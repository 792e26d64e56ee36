/**
 * `npm run db:backup [-- --out FILE]`: writes a consistent backup of the configured database (DATABASE_URL,
 * else the embedded one under DATA_DIR, also while the app runs on it) to one gzip file, by default
 * DATA_DIR/backups/yokoten-<time>.backup.gz. Format and choices: apps/api/src/backup/README.md.
 */
import 'reflect-metadata';
import { resolve } from 'node:path';
import { Client } from 'pg';
import { writeBackup } from '../backup/backup';
import { formatBytes, formatCount, runDatabaseCli } from '../backup/cli-support';

function outArg(args: string[]): string | undefined {
  const i = args.findIndex((a) => a === '--out' || a.startsWith('--out='));
  if (i < 0) return undefined;
  const arg = args[i] as string;
  return arg.includes('=') ? arg.slice('--out='.length) : args[i + 1];
}

const args = process.argv.slice(2);
if (args.includes('--help') || args.some((a) => a.startsWith('-') && !a.startsWith('--out'))) {
  process.stdout.write('usage: npm run db:backup [-- --out FILE]\n');
  process.exit(args.includes('--help') ? 0 : 2);
}

void runDatabaseCli(
  async ({ config, services }) => {
    const stamp = new Date()
      .toISOString()
      .replace(/[:.]/g, '-')
      .replace(/-\d{3}Z$/, 'Z');
    const file = resolve(outArg(args) ?? resolve(config.DATA_DIR, 'backups', `yokoten-${stamp}.backup.gz`));
    const client = new Client({ connectionString: services.databaseUrl, application_name: 'yokoten-backup' });
    client.on('error', () => undefined);
    await client.connect();
    try {
      process.stdout.write(`Backing up to ${file}\n`);
      const result = await writeBackup(client, file, {
        onNotice: (message) => process.stdout.write(`  note: ${message}\n`),
        onProgress: (p) =>
          process.stdout.write(
            `  [${p.tablesDone}/${p.tables}] ${p.table}: ${formatCount(p.rows)} rows ` +
              `(${formatCount(p.rowsDone)}/${formatCount(p.rowsTotal)})\n`,
          ),
      });
      const { header } = result;
      process.stdout.write(
        `Done: ${header.tables.length} tables, ${formatCount(header.tables.reduce((n, t) => n + t.rows, 0))} rows, ` +
          `${formatBytes(result.bytes)} in ${(result.ms / 1000).toFixed(1)} s; schema ${header.migrations.at(-1)?.name} ` +
          `(${header.migrations.length} migrations). Left out by design: ${header.excluded.map((t) => t.name).join(', ')}.\n`,
      );
    } finally {
      await client.end().catch(() => undefined);
    }
  },
  { search: false, attachToRunningApp: true },
);
