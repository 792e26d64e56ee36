import { ApolloServer } from '@apollo/server';
import { buildSchema, type GraphQLObjectType } from 'graphql';
import { stringifyBounded, timeBudgetPlugin, withTimeBudget } from './query-limits';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function server(budgetMs: number) {
  const schema = buildSchema(`type Query { slow: [Item!]! fast: Int! }
                              type Item { id: Int! child: Item }
                              type Mutation { write: Item! }`);
  schema.getQueryType()!.getFields().slow.resolve = async () => {
    await sleep(80);
    return [{ id: 1 }, { id: 2 }];
  };
  schema.getQueryType()!.getFields().fast.resolve = () => 1;
  (schema.getType('Item') as GraphQLObjectType).getFields().child.resolve = (item: { id: number }) => ({
    id: item.id + 10,
  });
  schema.getMutationType()!.getFields().write.resolve = async () => {
    await sleep(80);
    return { id: 1 };
  };
  return new ApolloServer({ schema: withTimeBudget(schema), plugins: [timeBudgetPlugin(budgetMs)] });
}

async function run(s: ApolloServer, query: string) {
  const res = await s.executeOperation({ query });
  return res.body.kind === 'single' ? res.body.singleResult : undefined;
}

describe('time budget', () => {
  it('answers one QUERY_TIMEOUT error, not partial data, when resolvers start after the budget', async () => {
    const s = server(30);
    await s.start();
    const result = await run(s, '{ slow { id child { id } } }');
    expect(result?.data).toBeUndefined();
    expect(result?.errors).toEqual([
      expect.objectContaining({ extensions: { code: 'QUERY_TIMEOUT', maximumMs: 30 } }),
    ]);
    await s.stop();
  });

  it('lets a query within its budget through', async () => {
    const s = server(5000);
    await s.start();
    expect((await run(s, '{ slow { id child { id } } fast }'))?.data).toEqual({
      slow: [
        { id: 1, child: { id: 11 } },
        { id: 2, child: { id: 12 } },
      ],
      fast: 1,
    });
    await s.stop();
  });

  it('never cuts a mutation short: its write is done either way', async () => {
    const s = server(30);
    await s.start();
    expect((await run(s, 'mutation { write { id child { id } } }'))?.data).toEqual({
      write: { id: 1, child: { id: 11 } },
    });
    await s.stop();
  });
});

describe('stringifyBounded', () => {
  it('passes a response under the limit through as JSON', () => {
    expect(stringifyBounded({ data: { a: 'あ' } }, 100)).toBe('{"data":{"a":"あ"}}');
  });

  it('replaces a response over the limit (counted in UTF-8 bytes) with RESPONSE_TOO_LARGE', () => {
    const json = stringifyBounded({ data: { a: 'あ'.repeat(40) } }, 100);
    expect(JSON.parse(json)).toEqual({
      errors: [expect.objectContaining({ extensions: { code: 'RESPONSE_TOO_LARGE', maximumBytes: 100 } })],
    });
  });
});
