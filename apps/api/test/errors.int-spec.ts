import { MAX_QUERY_COMPLEXITY } from '../src/graphql/complexity.plugin';
import { onlyError, postGraphql } from './factories/http';
import { createTestApp, type TestApp } from './test-app';

// jest ignores `testTimeout` inside a `projects` entry, so the 5 s default would apply to booting the app.
jest.setTimeout(30_000);

/**
 * Whatever a client sends, the answer is a 4xx with a code it can act on, never a 500 or a stack trace
 * (SPEC: "no 500 on malformed input").
 */
describe('malformed and abusive requests', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ seedDemo: true });
  });
  afterAll(async () => {
    await t?.close();
  });

  const expectNoLeak = (text: string) => {
    expect(text).not.toMatch(/node_modules|\.ts:\d+|at [\w.]+ \(|stacktrace|QueryFailedError|SELECT /);
  };

  it('answers a malformed JSON body with 400 JSON, not 500', async () => {
    const res = await postGraphql(t.url, '{"query": "{ __typename }"');
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    expectNoLeak(res.text);
  });

  it.each([
    ['an empty JSON object', {}],
    ['a query that is not a string', { query: 42 }],
    ['variables sent as a string', { query: '{ __typename }', variables: '{"a":1}' }],
  ])('answers %s with 400 BAD_REQUEST', async (_what, body) => {
    const res = await postGraphql(t.url, body);
    expect(res.status).toBe(400);
    expect(onlyError(res).extensions.code).toBe('BAD_REQUEST');
  });

  it('answers a syntax error with GRAPHQL_PARSE_FAILED and where it is', async () => {
    const res = await postGraphql(t.url, { query: '{ municipalities(first: 1) { totalCount ' });
    expect(res.status).toBe(400);
    const error = onlyError(res);
    expect(error.extensions.code).toBe('GRAPHQL_PARSE_FAILED');
    expect(error.message).toMatch(/Syntax Error/);
    expect(res.text).toContain('"locations"');
  });

  it('answers an unknown field with GRAPHQL_VALIDATION_FAILED naming it', async () => {
    const res = await postGraphql(t.url, { query: '{ municipalities { totalCount population } }' });
    expect(res.status).toBe(400);
    const error = onlyError(res);
    expect(error.extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(error.message).toMatch(/"population"/);
  });

  it('answers a literal of the wrong type with GRAPHQL_VALIDATION_FAILED', async () => {
    const res = await postGraphql(t.url, { query: '{ municipalities(first: "abc") { totalCount } }' });
    expect(res.status).toBe(400);
    expect(onlyError(res).extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  describe('variables that do not fit their types: BAD_USER_INPUT naming the variable, never a 500', () => {
    const LIST =
      'query($first: Int, $filter: MunicipalityFilter) { municipalities(first: $first, filter: $filter) { totalCount } }';

    it.each([
      ['a string for an Int', { first: 'abc' }, 'first'],
      ['an Int beyond 32 bits', { first: 1e20 }, 'first'],
      ['a float for an Int', { first: 1.5 }, 'first'],
      ['an unknown enum value in a list', { filter: { kinds: ['CASTLE'] } }, 'filter.kinds'],
      ['an object inside a list of strings', { filter: { prefectureCodes: [{}] } }, 'filter.prefectureCodes'],
    ])('%s', async (_what, variables, field) => {
      const res = await postGraphql(t.url, { query: LIST, variables });
      expect(res.status).toBe(400);
      expect(res.data).toBeUndefined();
      const error = onlyError(res);
      expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
      expectNoLeak(res.text);
    });

    it('null for a non-null variable', async () => {
      const res = await postGraphql(t.url, {
        query: 'query($code: String!) { municipality(code: $code) { name } }',
        variables: { code: null },
      });
      expect(res.status).toBe(400);
      expect(onlyError(res).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'code' });
    });
  });

  describe('an unknown property inside an input object', () => {
    let officer: string;
    beforeAll(async () => {
      officer = await t.login('officer.261009@yokoten.example'); // 京都市: a member without a declaration
    });
    const SIGN = 'mutation($input: SignDeclarationInput!) { signDeclaration(input: $input) { id } }';
    const input = { signerName: '京都 花子', signerTitle: '市長', statement: '宣言します。' };

    it('in variables is BAD_USER_INPUT naming input.<property>, and nothing is written', async () => {
      const res = await postGraphql(
        t.url,
        { query: SIGN, variables: { input: { ...input, signedAt: '2020-01-01' } } },
        { authorization: `Bearer ${officer}` },
      );
      expect(res.status).toBe(400);
      expect(onlyError(res).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.signedAt' });
      const check = await t.gql<{ municipality: { declaration: unknown } }>(
        '{ municipality(code: "261009") { declaration { id } } }',
      );
      expect(check.data!.municipality.declaration).toBeNull();
    });

    it('in a literal is GRAPHQL_VALIDATION_FAILED', async () => {
      const res = await postGraphql(
        t.url,
        {
          query:
            'mutation { signDeclaration(input: { signerName: "a", signerTitle: "b", statement: "c", extra: 1 }) { id } }',
        },
        { authorization: `Bearer ${officer}` },
      );
      expect(res.status).toBe(400);
      expect(onlyError(res).extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    });
  });

  describe('query cost', () => {
    it('refuses 25 aliased pages of 100 municipalities with QUERY_TOO_COMPLEX before running them', async () => {
      // 25, not 200: more than QUERY_LIMITS.maxAliases (30) is refused by the alias limit already.
      const aliases = Array.from(
        { length: 25 },
        (_, i) =>
          `a${i}: municipalities(first: 100) { edges { node { code name kana prefecture { code name } declaration { statement municipality { code name } } } } }`,
      ).join('\n');
      const res = await postGraphql(t.url, { query: `{ ${aliases} }` });
      expect(res.data).toBeUndefined();
      const error = onlyError(res);
      expect(error.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', maximum: MAX_QUERY_COMPLEXITY });
      expect(error.extensions.complexity).toBeGreaterThan(MAX_QUERY_COMPLEXITY);
      expect(error.message).toMatch(/too complex/);
    });

    it('refuses a single page whose rows are too expensive', async () => {
      // One page of 50 results, each with its adoptions' timelines and its questions' threads.
      const res = await postGraphql(t.url, {
        query: `{ searchCaseStudies(pageSize: 50) { hits { caseStudy {
                  adoptions { id timeline { status createdAt } }
                  inquiries { id messages { id body } } } } } }`,
      });
      expect(onlyError(res).extensions.code).toBe('QUERY_TOO_COMPLEX');
    });

    it('accepts the directory page’s query at the largest page size', async () => {
      const res = await postGraphql<{ municipalities: { edges: unknown[] } }>(t.url, {
        query: `query($first: Int) { municipalities(first: $first) {
          totalCount
          edges { cursor node { id code name kana nameEn prefecture { code name nameEn } kind population membershipStatus } }
          pageInfo { hasNextPage endCursor }
        } }`,
        variables: { first: 100 },
      });
      expect(res.errors).toBeUndefined();
      expect(res.data!.municipalities.edges.length).toBeGreaterThan(50);
    });
  });

  describe('cross-site request forgery', () => {
    it('blocks a simple (text/plain) POST a browser would send cross-site', async () => {
      const res = await postGraphql(t.url, JSON.stringify({ query: 'mutation { logout }' }), {
        'content-type': 'text/plain',
      });
      expect(res.status).toBe(400);
      expect(onlyError(res).message).toMatch(/Cross-Site Request Forgery/);
    });

    it('blocks a GET query without a preflight header', async () => {
      const res = await fetch(`${t.url}/graphql?query=${encodeURIComponent('{ __typename }')}`);
      expect(res.status).toBe(400);
    });
  });

  describe('request ids', () => {
    it('gives every response an X-Request-Id, a fresh one per request', async () => {
      const a = await postGraphql(t.url, { query: '{ __typename }' });
      const b = await postGraphql(t.url, { query: '{ nope }' });
      const health = await fetch(`${t.url}/health`);
      const ids = [a, b, health].map((r) => r.headers.get('x-request-id'));
      for (const id of ids) expect(id).toMatch(/^[0-9a-f-]{36}$/);
      expect(new Set(ids).size).toBe(3);
    });

    it('keeps a well-formed incoming X-Request-Id and replaces one that is not', async () => {
      const kept = await postGraphql(t.url, { query: '{ __typename }' }, { 'x-request-id': 'lb-7f3a.42_x' });
      expect(kept.headers.get('x-request-id')).toBe('lb-7f3a.42_x');
      const replaced = await postGraphql(
        t.url,
        { query: '{ __typename }' },
        { 'x-request-id': 'evil value <script>' },
      );
      expect(replaced.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    });

    it('carries the id on error responses too (malformed JSON)', async () => {
      const res = await postGraphql(t.url, '{', { 'x-request-id': 'trace-123' });
      expect(res.status).toBe(400);
      expect(res.headers.get('x-request-id')).toBe('trace-123');
    });
  });
});
