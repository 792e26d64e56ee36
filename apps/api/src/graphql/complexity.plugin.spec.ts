import { buildSchema, getIntrospectionQuery, GraphQLError, parse } from 'graphql';
import { getComplexity, simpleEstimator } from 'graphql-query-complexity';
import {
  complexityPlugin,
  DEFAULT_LIST_SIZE,
  listSizeEstimator,
  paginationEstimator,
} from './complexity.plugin';

const schema = buildSchema(`
  type Query {
    items(first: Int = 20, after: String): ItemConnection!
    search(pageSize: Int, query: String): [Item!]!
    all: [Item!]!
    tags: [String!]!
    latest(limit: Int): [Item!]!
    item(id: ID!): Item
  }
  type ItemConnection { totalCount: Int! edges: [Item!]! }
  type Item { id: ID! name: String! parent: Item }
`);

const cost = (query: string, variables: Record<string, unknown> = {}) =>
  getComplexity({
    schema,
    query: parse(query),
    variables,
    estimators: [paginationEstimator, simpleEstimator({ defaultComplexity: 1 })],
  });

describe('paginationEstimator', () => {
  it('charges a paginated field its per-row cost times the rows asked for', () => {
    // edges (1) + id (1) + name (1) = 3 per row; the page field itself 1.
    expect(cost('{ items(first: 10) { edges { id name } } }')).toBe(1 + 3 * 10);
    expect(cost('query($n: Int) { items(first: $n) { edges { id name } } }', { n: 50 })).toBe(1 + 3 * 50);
  });

  it('uses the argument’s default when the client leaves it out', () => {
    expect(cost('{ items { edges { id } } }')).toBe(1 + 2 * 20);
  });

  it('knows pageSize and limit as page sizes too', () => {
    expect(cost('{ search(pageSize: 5) { id name } }')).toBe(1 + 2 * 5);
    expect(cost('{ latest(limit: 7) { id } }')).toBe(1 + 7);
  });

  it('counts at most 100 rows, so an oversized page is left to the field’s own validation', () => {
    expect(cost('{ items(first: 1000) { edges { id } } }')).toBe(
      cost('{ items(first: 100) { edges { id } } }'),
    );
  });

  it('adds up aliases and nesting', () => {
    expect(cost('{ a: items(first: 10) { edges { id } } b: items(first: 10) { edges { id } } }')).toBe(
      2 * 21,
    );
    expect(cost('{ item(id: "1") { parent { parent { name } } } }')).toBe(4);
  });
});

describe('listSizeEstimator', () => {
  const listCost = (query: string, variables: Record<string, unknown> = {}) =>
    getComplexity({ schema, query: parse(query), variables, estimators: [listSizeEstimator] });

  it('charges a list of objects without a page argument its documented maximum, not 1', () => {
    expect(listCost('{ all { id name } }')).toBe(1 + 2 * DEFAULT_LIST_SIZE);
  });

  it('charges a list with a page argument the rows asked for', () => {
    expect(listCost('{ search(pageSize: 5) { id name } }')).toBe(1 + 2 * 5);
    expect(listCost('query($n: Int) { latest(limit: $n) { id } }', { n: 7 })).toBe(1 + 7);
  });

  it('multiplies nested lists, so a cycle repeated costs what it reads', () => {
    expect(listCost('{ all { parent { id } } }')).toBe(1 + DEFAULT_LIST_SIZE * 2);
    expect(listCost('{ all { id } a: all { id } }')).toBe(2 * (1 + DEFAULT_LIST_SIZE));
  });

  it('charges a list of scalars one value', () => {
    expect(listCost('{ tags }')).toBe(1);
  });

  it('charges introspection its size, not list sizes (the explorer’s introspection query was refused)', () => {
    const introspection = getIntrospectionQuery({ inputValueDeprecation: true, schemaDescription: true });
    const size = listCost(introspection);
    expect(size).toBeLessThan(1000);
    // Data lists inside the same query are still charged by their size.
    expect(listCost('{ __schema { types { name } } all { id } }')).toBe(
      size > 0 ? 3 + 1 + DEFAULT_LIST_SIZE : 0,
    );
  });
});

describe('complexityPlugin', () => {
  async function run(query: string, maximum: number): Promise<unknown> {
    const listener = await complexityPlugin(() => schema, maximum).requestDidStart!({} as never);
    const didResolveOperation = (listener as { didResolveOperation: (ctx: unknown) => Promise<void> })
      .didResolveOperation;
    try {
      await didResolveOperation({ request: { query, variables: {} }, document: parse(query) });
      return 'allowed';
    } catch (e) {
      return e;
    }
  }

  it('lets a query up to the maximum through', async () => {
    expect(await run('{ search(pageSize: 10) { id name } }', 21)).toBe('allowed');
  });

  it('refuses a query over the maximum with QUERY_TOO_COMPLEX, its cost and the maximum', async () => {
    const error = await run('{ search(pageSize: 10) { id name } }', 20);
    expect(error).toBeInstanceOf(GraphQLError);
    expect((error as GraphQLError).extensions).toEqual({
      code: 'QUERY_TOO_COMPLEX',
      complexity: 21,
      maximum: 20,
      http: { status: 400 },
    });
    expect((error as GraphQLError).message).toMatch(/too complex: 21 \(maximum 20\)/);
  });

  it('costs one parsed document per page size, whatever its strings, and never mixes verdicts up', async () => {
    const plugin = complexityPlugin(() => schema, 21);
    const query = 'query($n: Int, $q: String) { search(pageSize: $n, query: $q) { id name } }';
    const document = parse(query);
    const verdict = async (variables: Record<string, unknown>) => {
      const listener = (await plugin.requestDidStart!({} as never)) as {
        didResolveOperation: (ctx: unknown) => Promise<void>;
      };
      try {
        await listener.didResolveOperation({ request: { query, variables }, document });
        return 'allowed';
      } catch (e) {
        return (e as GraphQLError).extensions.complexity;
      }
    };
    expect(await verdict({ n: 10, q: 'a' })).toBe('allowed');
    expect(await verdict({ n: 11, q: 'a' })).toBe(23);
    expect(await verdict({ n: 10, q: 'another query' })).toBe('allowed');
    expect(await verdict({ n: 11, q: 'b' })).toBe(23);
  });
});
