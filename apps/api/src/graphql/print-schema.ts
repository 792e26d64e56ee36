/**
 * Prints the GraphQL schema (SDL, sorted) from the resolvers, without a database or a server.
 * `--write` updates apps/api/schema.gql (the committed contract the web client's types are generated
 * from); `--check` fails when the committed file is stale.
 */
import 'reflect-metadata';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { NestFactory } from '@nestjs/core';
import { GraphQLSchemaBuilderModule, GraphQLSchemaFactory } from '@nestjs/graphql';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { ALL_RESOLVERS, ALL_SCALARS } from './resolvers';

export const SCHEMA_FILE = join(__dirname, '../../schema.gql');
const HEADER = '# Generated from the resolvers by `npm run schema:generate`. Do not edit by hand.\n\n';

export async function buildSchemaSdl(): Promise<string> {
  const app = await NestFactory.createApplicationContext(GraphQLSchemaBuilderModule, { logger: false });
  try {
    const schema = await app.get(GraphQLSchemaFactory).create(ALL_RESOLVERS, ALL_SCALARS);
    return HEADER + printSchema(lexicographicSortSchema(schema)) + '\n';
  } finally {
    await app.close();
  }
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
