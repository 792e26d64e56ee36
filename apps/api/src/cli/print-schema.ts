/**
 * `--write` updates apps/api/schema.gql (the committed contract the web client's types are generated
 * from) from the resolvers the app's modules declare; `--check` fails when the committed file is stale.
 */
import 'reflect-metadata';
import { readFileSync, writeFileSync } from 'node:fs';
import { AppModule } from '../app.module';
import type { AppConfig } from '../config/app-config';
import { buildSchemaSdl as buildSdlOf, SCHEMA_FILE } from '../graphql/print-schema';

export { SCHEMA_FILE };

/** The schema of the app's modules; the module tree is only read, so nothing is connected to. */
export function buildSchemaSdl(): Promise<string> {
  return buildSdlOf(
    AppModule.forRoot({
      config: { enableExplorer: false } as AppConfig,
      databaseUrl: 'postgres://unused/for-the-schema',
      search: { url: 'http://unused' },
    }),
  );
}

async function main(): Promise<void> {
  const sdl = await buildSchemaSdl();
  if (process.argv.includes('--write')) {
    writeFileSync(SCHEMA_FILE, sdl);
    process.stdout.write(`wrote ${SCHEMA_FILE}\n`);
  } else if (process.argv.includes('--check')) {
    if (readFileSync(SCHEMA_FILE, 'utf8') !== sdl) {
      process.stderr.write('apps/api/schema.gql is stale: run `npm run schema:generate` and commit it\n');
      process.exit(1);
    }
  } else {
    process.stdout.write(sdl);
  }
}

if (require.main === module) void main();
