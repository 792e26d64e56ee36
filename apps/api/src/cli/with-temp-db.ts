/**
 * Runs a command against a throw-away embedded PostgreSQL that has every committed migration applied;
 * used to generate the next migration with the TypeORM CLI (`npm run db:migration:generate -- Name`).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Logger } from '@nestjs/common';
import { runMigrations } from '../bootstrap';
import { ensureDatabase, startEmbeddedPostgres } from '@yokoten/embedded-runtime';

async function main(): Promise<void> {
  const [command, ...args] = process.argv.slice(2);
  if (!command) throw new Error('usage: with-temp-db <command> [args…]');
  const dir = mkdtempSync(join(tmpdir(), 'yokoten-migrate-'));
  const pg = await startEmbeddedPostgres({ dataDir: join(dir, 'pg'), port: 'auto' });
  try {
    const url = new URL(await ensureDatabase(pg.url, 'yokoten'));
    await runMigrations(url.toString(), new Logger('migrate'));
    const result = spawnSync(command, args, {
      stdio: 'inherit',
      env: { ...process.env, DATABASE_URL: url.toString() },
    });
    process.exitCode = result.status ?? 1;
  } finally {
    await pg.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
