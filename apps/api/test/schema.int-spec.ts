import { readFileSync } from 'node:fs';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { buildSchema, lexicographicSortSchema, printSchema } from 'graphql';
import { buildSchemaSdl, SCHEMA_FILE } from '../src/cli/print-schema';
import { createTestApp, type TestApp } from './test-app';

// jest ignores `testTimeout` inside a `projects` entry, so the 5 s default would apply to booting the app.
jest.setTimeout(30_000);

/**
 * schema.gql is the contract the web client's types are generated from. It is printed from the resolvers
 * the app's modules declare, without a server; these tests check it is up to date and that the running app
 * serves exactly it (a resolver the printer did not find would make them differ).
 */
describe('committed GraphQL schema', () => {
  let t: TestApp;
  let committed: string;
  beforeAll(async () => {
    committed = readFileSync(SCHEMA_FILE, 'utf8');
    t = await createTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  const withoutComments = (sdl: string) => sdl.replace(/^#.*\n/gm, '').trim();

  it('equals what `npm run schema:generate` prints from the resolvers', async () => {
    const generated = await buildSchemaSdl();
    // On failure: run `npx nx run api:schema` and commit apps/api/schema.gql.
    expect(committed).toBe(generated);
  });

  it('equals the schema the running app serves', () => {
    const live = t.app.get(GraphQLSchemaHost).schema;
    const served = printSchema(lexicographicSortSchema(live));
    const file = buildSchema(committed);
    // Type by type first, so a failure names what is missing rather than showing two long strings.
    const names = (s: typeof live) =>
      Object.keys(s.getTypeMap())
        .filter((n) => !n.startsWith('__'))
        .sort();
    expect(names(live)).toEqual(names(file));
    const fields = (s: typeof live, type: string) => {
      const found = s.getType(type);
      return found && 'getFields' in found ? Object.keys(found.getFields()).sort() : [];
    };
    for (const root of ['Query', 'Mutation'])
      expect([root, fields(live, root)]).toEqual([root, fields(file, root)]);
    expect(served).toBe(withoutComments(committed));
  });

  it('is what introspection over HTTP reports', async () => {
    const res = await t.gql<{ __schema: { queryType: { fields: Array<{ name: string }> } } }>(
      '{ __schema { queryType { fields { name } } } }',
    );
    const overHttp = res.data!.__schema.queryType.fields.map((f) => f.name).sort();
    const queryType = buildSchema(committed).getQueryType();
    expect(overHttp).toEqual(Object.keys(queryType!.getFields()).sort());
  });
});
