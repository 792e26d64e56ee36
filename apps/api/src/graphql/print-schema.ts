/**
 * Prints the GraphQL schema (SDL, sorted) from the resolvers of an app module, without a database or a
 * server: the module tree is read in Nest's preview mode (nothing is instantiated) and every provider
 * marked @Resolver is taken, the way GraphQLModule finds them in the running app. The command is
 * cli/print-schema.ts, which gives it the app module.
 */
import 'reflect-metadata';
import { join } from 'node:path';
import type { DynamicModule, Type } from '@nestjs/common';
import { ENTRY_PROVIDER_WATERMARK } from '@nestjs/common/constants';
import { NestFactory } from '@nestjs/core';
import { GraphQLSchemaBuilderModule, GraphQLSchemaFactory } from '@nestjs/graphql';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { GRAPHQL_SCALARS } from './scalars';

export const SCHEMA_FILE = join(__dirname, '../../schema.gql');
const HEADER = '# Generated from the resolvers by `npm run schema:generate`. Do not edit by hand.\n\n';

/** The resolver classes the modules under `root` declare (providers marked by @Resolver). */
export async function resolversOf(root: Type | DynamicModule): Promise<Array<Type>> {
  const app = await NestFactory.createApplicationContext(root, { preview: true, logger: false });
  try {
    const container = (app as unknown as { container: NestContainerLike }).container;
    const found = new Set<Type>();
    for (const module of container.getModules().values())
      for (const wrapper of module.providers.values()) {
        const type = wrapper.metatype;
        if (typeof type === 'function' && Reflect.getMetadata(ENTRY_PROVIDER_WATERMARK, type))
          found.add(type as Type);
      }
    return [...found];
  } finally {
    await app.close();
  }
}

interface NestContainerLike {
  getModules(): Map<string, { providers: Map<unknown, { metatype: unknown }> }>;
}

export async function buildSchemaSdl(root: Type | DynamicModule): Promise<string> {
  const resolvers = await resolversOf(root);
  const app = await NestFactory.createApplicationContext(GraphQLSchemaBuilderModule, { logger: false });
  try {
    const schema = await app.get(GraphQLSchemaFactory).create(resolvers, GRAPHQL_SCALARS);
    return HEADER + printSchema(lexicographicSortSchema(schema)) + '\n';
  } finally {
    await app.close();
  }
}
