/** `npm run db:migrate`: applies pending migrations to the configured (or embedded) database. */
import 'reflect-metadata';
import { runCli } from './cli-runtime';

void runCli(async ({ migrations }) => {
  for (const name of migrations) process.stdout.write(`applied ${name}\n`);
  process.stdout.write(
    migrations.length ? `Applied ${migrations.length} migration(s).\n` : 'Database schema is up to date.\n',
  );
});
