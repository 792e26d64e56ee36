import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  getIntrospectionQuery,
  getNamedType,
  getNullableType,
  isCompositeType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  isUnionType,
  Kind,
  parse,
  validate,
  type DocumentNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import {
  MAX_QUERY_COMPLEXITY,
  MAX_SIGNED_IN_QUERY_COMPLEXITY,
  listSize,
  queryCost,
} from '../src/graphql/complexity.plugin';
import { armorProtection, QUERY_LIMITS } from '../src/graphql/query-limits';
import { createTestApp, type TestApp } from './test-app';
import { requestStatements } from './query-count';

/** Codes a request may be refused with because of its shape or size. */
const LIMIT_CODES = new Set([
  'QUERY_TOO_COMPLEX',
  'QUERY_TOO_DEEP',
  'QUERY_TOO_MANY_ALIASES',
  'QUERY_TOO_MANY_DIRECTIVES',
  'QUERY_TIMEOUT',
  'RESPONSE_TOO_LARGE',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
]);

interface Measured {
  status: number;
  /** SQL statements the server sent on behalf of this request: the work it did, whatever the machine's load. */
  statements: number;
  bytes: number;
  body: { data?: unknown; errors?: Array<{ message: string; extensions?: { code?: string } }> };
}

async function post(url: string, query: string, variables?: Record<string, unknown>): Promise<Measured> {
  let status = 0;
  let text = '';
  const sql = await requestStatements('client', async () => {
    const res = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
    status = res.status;
    text = await res.text();
  });
  return {
    status,
    statements: sql.length,
    bytes: Buffer.byteLength(text),
    body: JSON.parse(text) as Measured['body'],
  };
}

/**
 * The most SQL statements an anonymous answer may cost: the widest anonymous page reads each list once and
 * batches what hangs off it (DataLoaders), so its cost does not grow with the number of aliases or repeats.
 */
const MAX_STATEMENTS = 20;

/** Refused with a code that names a limit, or answered with at most MAX_STATEMENTS statements and 1 MB. */
function expectBounded(r: Measured, label: string): void {
  const codes = (r.body.errors ?? []).map((e) => e.extensions?.code);
  const refused = codes.length > 0 && codes.every((c) => c !== undefined && LIMIT_CODES.has(c));
  if (!refused) {
    expect({ label, statements: r.statements <= MAX_STATEMENTS, bytes: r.bytes < 1024 * 1024 }).toEqual({
      label,
      statements: true,
      bytes: true,
    });
  }
}

const codeOf = (r: Measured) => r.body.errors?.[0]?.extensions?.code;

/** `exchangeSessions { tables { session { tables { session … } } } }`, `levels` tables deep. */
function sessionTablesCycle(levels: number): string {
  let inner = 'id title';
  for (let i = 0; i < levels; i++) inner = `id title tables { id name session { ${inner} } }`;
  return `{ exchangeSessions { ${inner} } }`;
}

describe('query limits (issue #11)', () => {
  let t: TestApp;
  let schema: GraphQLSchema;

  beforeAll(async () => {
    t = await createTestApp({ seedDemo: true });
    schema = t.app.get(GraphQLSchemaHost).schema;
  });
  afterAll(() => t?.close());

  it('refuses the ten-level exchangeSessions → tables → session cycle, anonymous, with a code, at once', async () => {
    const query = sessionTablesCycle(10);
    expect(query.length).toBeLessThan(600);
    const r = await post(t.url, query);
    if (process.env.DEBUG_LIMITS)
      console.log('ten levels', r.status, r.statements, 'statements', r.bytes, 'bytes', JSON.stringify(r.body));
    expect(r.body.data).toBeUndefined();
    expect(['QUERY_TOO_COMPLEX', 'QUERY_TOO_DEEP']).toContain(codeOf(r));
    // Refused before execution: not one statement reached the database.
    expect(r.statements).toBe(0);
    expect(r.bytes).toBeLessThan(10_000);
  });

  it('refuses even two levels of the cycle when they would read the whole network many times over', async () => {
    // 50 sessions × 50 tables × 50 tables × 50 tables: far over the budget however few fields.
    const r = await post(t.url, sessionTablesCycle(3));
    expect(codeOf(r)).toBe('QUERY_TOO_COMPLEX');
    expect(r.body.errors?.[0]?.extensions).toMatchObject({ maximum: MAX_QUERY_COMPLEXITY });
  });

  it('still answers one level of it (the sessions page’s own shape)', async () => {
    const r = await post(t.url, sessionTablesCycle(1));
    expect(r.body.errors).toBeUndefined();
    expect((r.body.data as { exchangeSessions: unknown[] }).exchangeSessions.length).toBeGreaterThan(0);
  });

  it('answers the explorer’s introspection query where introspection is on (it was QUERY_TOO_COMPLEX)', async () => {
    const r = await post(
      t.url,
      getIntrospectionQuery({ inputValueDeprecation: true, schemaDescription: true, descriptions: true }),
    );
    expect(r.body.errors).toBeUndefined();
    expect((r.body.data as { __schema: { types: unknown[] } }).__schema.types.length).toBeGreaterThan(50);
  });

  it('refuses a query nested deeper than the limit with QUERY_TOO_DEEP, whatever it costs', async () => {
    let inner = 'id';
    for (let i = 0; i < QUERY_LIMITS.maxDepth + 2; i++)
      inner = `adopterCaseStudy { id adoptedFrom { id ${inner} } }`;
    const r = await post(t.url, `{ caseStudy(id: "00000000-0000-0000-0000-000000000000") { ${inner} } }`);
    expect(codeOf(r)).toBe('QUERY_TOO_DEEP');
    expect(r.body.errors?.[0]?.extensions).toMatchObject({ maximum: QUERY_LIMITS.maxDepth });
  });

  it('refuses more aliases than the limit with QUERY_TOO_MANY_ALIASES', async () => {
    const aliases = Array.from({ length: 100 }, (_, i) => `a${i}: prefectures { code }`).join(' ');
    const r = await post(t.url, `{ ${aliases} }`);
    expect(codeOf(r)).toBe('QUERY_TOO_MANY_ALIASES');
    expect(r.body.errors).toHaveLength(1);
    expect(r.statements).toBe(0);
  });

  describe('hostile shapes of up to 10 kB, anonymous: refused with a code, or answered with bounded work and at most 1 MB', () => {
    const shapes: Array<[string, () => string]> = [
      ['aliases ×700', () => `{ ${Array.from({ length: 700 }, (_, i) => `a${i}:me{id}`).join(' ')} }`],
      ['the same field ×1400', () => `{ ${'me{id} '.repeat(1400)} }`],
      ['the same list ×400', () => `{ ${'prefectures{code name} '.repeat(400)} }`],
      [
        'many distinct aliased lists',
        () =>
          `{ ${Array.from({ length: 29 }, (_, i) => `a${i}: declarations { statement municipality { name } }`).join(' ')} }`,
      ],
      [
        'deep nesting (brackets)',
        () => `{ ${'exchangeSessions { tables { session { '.repeat(100)}id${' } } }'.repeat(100)} }`,
      ],
      [
        'many fragments, each spreading the next twice',
        () => {
          const n = 60;
          const frags = Array.from(
            { length: n },
            (_, i) =>
              `fragment F${i} on Query { prefectures { code } ${i + 1 < n ? `...F${i + 1} ...F${i + 1}` : ''} }`,
          );
          return `query { ...F0 } ${frags.join(' ')}`;
        },
      ],
      [
        'many fragments on a list field',
        () => {
          const frags = Array.from(
            { length: 150 },
            (_, i) => `fragment S${i} on ExchangeSession { id title }`,
          );
          return `{ exchangeSessions { ${frags.map((_, i) => `...S${i}`).join(' ')} } } ${frags.join(' ')}`;
        },
      ],
      ['directives ×1000', () => `{ __typename ${'@include(if: true) '.repeat(500)} }`],
      [
        'the widest anonymous lists',
        () =>
          `{ municipalities(first: 100) { edges { node { code name prefecture { code name } declaration { statement } } } }
             declarations { statement municipality { code name } }
             exchangeSessions { id title tables { id name theme seats } agenda { title speaker } } }`,
      ],
      [
        'search results at the largest page, every text field',
        () =>
          `{ searchCaseStudies(query: "DX", pageSize: 50) { hits { caseStudy { id title summary body lessonsLearned outcomes { label unit } municipality { name prefecture { name } } } highlights { title summary body } } facets { field values { value count } } } }`,
      ],
    ];
    it.each(shapes)('%s', async (label, make) => {
      const query = make();
      expect(Buffer.byteLength(query)).toBeLessThanOrEqual(10 * 1024);
      const r = await post(t.url, query);
      if (process.env.DEBUG_LIMITS)
        console.log(label, r.status, r.statements, r.bytes, JSON.stringify(r.body).slice(0, 300));
      expect(r.status).toBeLessThan(500);
      expectBounded(r, label);
    });
  });

  describe('every list field whose items lead back to its parent type (a cycle)', () => {
    /** Object types a type's fields lead to (interfaces and unions: each possible type). */
    const next = (type: GraphQLNamedType): GraphQLObjectType[] =>
      isObjectType(type)
        ? [type]
        : isInterfaceType(type) || isUnionType(type)
          ? [...schema.getPossibleTypes(type)]
          : [];

    /** The shortest chain of fields from `from` to `to` (no arguments needed on it), or null. */
    function path(
      from: GraphQLObjectType,
      to: GraphQLObjectType,
    ): Array<GraphQLField<unknown, unknown>> | null {
      const seen = new Set<string>([from.name]);
      const queue: Array<[GraphQLObjectType, Array<GraphQLField<unknown, unknown>>]> = [[from, []]];
      while (queue.length) {
        const [type, chain] = queue.shift()!;
        for (const field of Object.values(type.getFields())) {
          if (field.args.some((a) => isNonNullType(a.type) && a.defaultValue === undefined)) continue;
          for (const target of next(getNamedType(field.type))) {
            if (target === to) return [...chain, field];
            if (!seen.has(target.name)) {
              seen.add(target.name);
              queue.push([target, [...chain, field]]);
            }
          }
        }
      }
      return null;
    }

    /** A value for a required argument, or undefined when it cannot be made up (an input object). */
    function literal(type: ReturnType<typeof getNullableType>): string | undefined {
      const named = getNamedType(type);
      if (isListType(getNullableType(type))) return '[]';
      if (isEnumType(named)) return named.getValues()[0]?.name;
      if (isInputObjectType(named)) return undefined;
      if (isScalarType(named))
        return named.name === 'Int' || named.name === 'Float'
          ? '1'
          : named.name === 'Boolean'
            ? 'true'
            : '"00000000-0000-0000-0000-000000000000"';
      return undefined;
    }

    /** `field(requiredArg: value)` or null when an argument cannot be made up. */
    function call(field: GraphQLField<unknown, unknown>): string | null {
      const args: string[] = [];
      for (const a of field.args) {
        if (!isNonNullType(a.type) || a.defaultValue !== undefined) continue;
        const value = literal(a.type);
        if (value === undefined) return null;
        args.push(`${a.name}: ${value}`);
      }
      return args.length ? `${field.name}(${args.join(', ')})` : field.name;
    }

    /** The root field chain from Query to a type, shortest, with made-up required arguments. */
    function rootPath(to: GraphQLObjectType): string[] | null {
      const query = schema.getQueryType()!;
      if (to === query) return [];
      const seen = new Set<string>([query.name]);
      const queue: Array<[GraphQLObjectType, string[]]> = [[query, []]];
      while (queue.length) {
        const [type, chain] = queue.shift()!;
        for (const field of Object.values(type.getFields())) {
          const c = call(field);
          if (!c) continue;
          for (const target of next(getNamedType(field.type))) {
            if (target === to) return [...chain, c];
            if (!seen.has(target.name)) {
              seen.add(target.name);
              queue.push([target, [...chain, c]]);
            }
          }
        }
      }
      return null;
    }

    function cycles() {
      const found: Array<{
        name: string;
        list: GraphQLField<unknown, unknown>;
        parent: GraphQLObjectType;
        back: Array<GraphQLField<unknown, unknown>>;
      }> = [];
      for (const parent of Object.values(schema.getTypeMap())) {
        if (!isObjectType(parent) || parent.name.startsWith('__')) continue;
        for (const list of Object.values(parent.getFields())) {
          if (!isListType(getNullableType(list.type)) || !isCompositeType(getNamedType(list.type))) continue;
          for (const item of next(getNamedType(list.type))) {
            const back = item === parent ? [] : path(item, parent);
            if (back) found.push({ name: `${parent.name}.${list.name} → ${item.name}`, list, parent, back });
          }
        }
      }
      return found;
    }

    /** Goes around the cycle until the depth limit: the most an accepted query could repeat it. */
    function aroundTheCycle(c: ReturnType<typeof cycles>[number], depthBudget: number): string | null {
      const listCall = call(c.list);
      const backCalls = c.back.map(call);
      if (!listCall || backCalls.some((x) => !x)) return null;
      const perLap = 1 + backCalls.length;
      const laps = Math.max(1, Math.floor(depthBudget / perLap));
      let inner = '__typename';
      for (let i = 0; i < laps; i++) {
        let lap = inner;
        for (const b of [...backCalls].reverse()) lap = `${b} { __typename ${lap} }`;
        inner = `${listCall} { __typename ${lap} }`;
      }
      return inner;
    }

    it('finds the cycles (the session ↔ tables one among them)', () => {
      const names = cycles().map((c) => c.name);
      expect(names).toContain('ExchangeSession.tables → SessionTable');
      expect(names.length).toBeGreaterThan(3);
    });

    it('charges every list field in a cycle more than one row, so repeating the cycle multiplies its cost', () => {
      for (const c of cycles()) {
        expect({ cycle: c.name, rows: listSize(c.parent, c.list, {}) > 1 }).toEqual({
          cycle: c.name,
          rows: true,
        });
      }
    });

    it('refuses each cycle repeated to the depth limit, or answers it with bounded work and at most 1 MB (anonymous)', async () => {
      const checked: string[] = [];
      for (const c of cycles()) {
        const root = rootPath(c.parent);
        if (!root) continue;
        const body = aroundTheCycle(c, QUERY_LIMITS.maxDepth - root.length);
        if (!body) continue;
        let query = body;
        for (const r of [...root].reverse()) query = `${r} { __typename ${query} }`;
        query = `{ ${query} }`;
        const document = parse(query);
        const shapeErrors = validate(
          schema,
          document,
          armorProtection({ hideSuggestions: false }).validationRules,
        );
        const cost = shapeErrors.length === 0 ? queryCost(schema, document) : Infinity;
        const r = await post(t.url, query);
        expectBounded(r, `${c.name}: ${query}`);
        // Either it is refused, or its cost says it is small: nothing unbounded slips through.
        if (!r.body.errors?.some((e) => LIMIT_CODES.has(e.extensions?.code ?? ''))) {
          expect({ cycle: c.name, cost: cost <= MAX_QUERY_COMPLEXITY }).toEqual({
            cycle: c.name,
            cost: true,
          });
        }
        checked.push(c.name);
      }
      expect(checked).toContain('ExchangeSession.tables → SessionTable');
    });
  });

  it('lets every operation of the web client through (depth, aliases, cost for a signed-in user)', () => {
    const root = join(__dirname, '../../web/src/graphql');
    const text = readdirSync(root)
      .filter((f) => f.endsWith('.graphql'))
      .map((f) => readFileSync(join(root, f), 'utf8'))
      .join('\n');
    const all = parse(text);
    const fragments = all.definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION);
    const rules = armorProtection({ hideSuggestions: false }).validationRules;
    const costs: Record<string, number> = {};
    for (const op of all.definitions) {
      if (op.kind !== Kind.OPERATION_DEFINITION) continue;
      const document: DocumentNode = { kind: Kind.DOCUMENT, definitions: [op, ...fragments] };
      const name = op.name?.value ?? '?';
      expect({ name, errors: validate(schema, document, rules).map((e) => e.message) }).toEqual({
        name,
        errors: [],
      });
      // Page sizes at their largest; other variables made up (the cost reads only numbers and booleans).
      const variables: Record<string, unknown> = {};
      for (const v of op.variableDefinitions ?? []) {
        const named = v.type.kind === Kind.NON_NULL_TYPE ? v.type.type : v.type;
        const typeName = named.kind === Kind.NAMED_TYPE ? named.name.value : '';
        if (typeName === 'Int') variables[v.variable.name.value] = 50;
        else if (typeName === 'Boolean') variables[v.variable.name.value] = true;
        else if (typeName === 'String' || typeName === 'ID') variables[v.variable.name.value] = 'x';
      }
      try {
        costs[name] = queryCost(schema, document, name, variables);
      } catch {
        continue; // a required input object: a mutation, whose result is one row
      }
      expect({ name, ok: costs[name] <= MAX_SIGNED_IN_QUERY_COMPLEXITY }).toEqual({ name, ok: true });
    }
    // The public pages (search, a case, its adoptions and questions, sessions, declarations) fit the anonymous budget.
    for (const name of [
      'SearchCaseStudies',
      'CaseStudy',
      'CaseAdoptions',
      'CaseInquiries',
      'ExchangeSessions',
      'ExchangeSession',
      'Declarations',
      'Municipalities',
    ]) {
      expect({ name, ok: costs[name] <= MAX_QUERY_COMPLEXITY }).toEqual({ name, ok: true });
    }
  });
});
