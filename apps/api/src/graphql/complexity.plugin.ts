import type { ApolloServerPlugin } from '@apollo/server';
import {
  getNamedType,
  getNullableType,
  GraphQLError,
  isListType,
  isCompositeType,
  type DocumentNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
} from 'graphql';
import {
  type ComplexityEstimator,
  fieldExtensionsEstimator,
  getComplexity,
  simpleEstimator,
} from 'graphql-query-complexity';
import { QUERY_LIMITS } from './query-limits';

/**
 * The most a query may cost, in fields resolved (each row of a list counts its fields again). Anonymous
 * callers get the lower budget: 30,000 field values is under 1 MB of JSON and well under a second of work
 * (docs/operations.md, "Limits"). Signed-in users (invited officials: accountable, rate-limited) get more:
 * the organiser's console reads whole sessions' registrations, an officer their municipality's cases with
 * their revisions, and the estimate multiplies worst cases; the time budget and the response cap of
 * query-limits.ts bound what such a query can really cost.
 */
export const MAX_QUERY_COMPLEXITY = 30_000;
export const MAX_SIGNED_IN_QUERY_COMPLEXITY = 500_000;

/** Arguments that say how many rows a paginated field returns (`first` of a connection, `pageSize`, `limit`). */
const PAGE_SIZE_ARGS = ['first', 'pageSize', 'limit'] as const;
/**
 * No paginated field serves more rows than this; a larger request is the field's own BAD_USER_INPUT
 * (naming the argument), which is more useful to the client than QUERY_TOO_COMPLEX.
 */
const MAX_ROWS_PER_PAGE = 100;

/**
 * The most rows each list of objects can hold, and why. A list is charged its maximum, not 1:
 * `exchangeSessions { tables { session { tables … } } }` costs 100 × 50 × 50 × … and is refused before it
 * runs. A list with a page argument (`first`, `pageSize`, `limit`) is charged that instead; the list inside
 * a paginated result (`hits`, `edges`) is charged the largest page. Lists not named here are charged
 * DEFAULT_LIST_SIZE; lists of scalars and enums are one value. "enforced": the input validation or the
 * resolver caps it; "expected": what the network's size allows (the time budget and the response size
 * limit in query-limits.ts hold if it is ever exceeded).
 */
export const LIST_SIZES: Readonly<Record<string, { max: number; why: string }>> = {
  'Query.exchangeSessions': { max: 50, why: 'expected: two sessions a year, the network’s whole history' },
  'Query.declarations': { max: 1000, why: 'one declaration per member municipality' },
  'Query.prefectures': { max: 47, why: 'the 47 prefectures' },
  'Query.registrationCountsByPrefecture': { max: 47, why: 'one row per prefecture' },
  'Query.myColleagues': { max: 200, why: 'officers of one municipality' },
  'Query.myRegistrations': { max: 200, why: 'a user’s registrations, one per session' },
  'Query.myMunicipalityCaseStudies': { max: 500, why: 'one municipality’s cases' },
  'Query.myMunicipalityAdoptions': { max: 500, why: 'one municipality’s adoptions' },
  'Query.myMunicipalityInquiries': { max: 500, why: 'one municipality’s inquiries' },
  'Query.findPrecedents': { max: 50, why: 'MAX_PRECEDENTS' },
  'Query.casesLikeDraft': { max: 20, why: 'the draft helper’s limit' },
  'CaseStudySearchResult.hits': { max: 50, why: 'enforced: MAX_PAGE_SIZE of searchCaseStudies' },
  'CaseStudySearchResult.facets': { max: 6, why: 'six facet fields' },
  'Facet.values': { max: 47, why: 'the largest facet is the prefecture' },
  'MunicipalityConnection.edges': { max: 100, why: 'enforced: the largest `first` of municipalities' },
  'AuditEntryConnection.edges': { max: 100, why: 'enforced: the largest `first` of auditLog' },
  'Query.joinApplications': { max: 1000, why: 'enforced: the repository reads at most 1000' },
  'MunicipalityProfile.planLinks': { max: 10, why: 'enforced: ArrayMaxSize(10) on the profile input' },
  'CaseStudy.outcomes': { max: 10, why: 'LIMITS.outcomes' },
  'CaseStudy.publishChecklist': { max: 20, why: 'the publish checklist’s items' },
  'CaseStudy.revisions': { max: 100, why: 'revision history of one case' },
  'CaseStudy.adoptions': { max: 200, why: 'at most one adoption per member municipality' },
  'CaseStudy.adoptedFrom': { max: 20, why: 'cases a case says it followed' },
  'CaseStudy.inquiries': { max: 50, why: 'expected: questions about one case' },
  'CaseStudy.spreadChain': { max: 100, why: 'MAX_SPREAD_DEPTH levels of followers' },
  'Adoption.timeline': { max: 10, why: 'expected: status changes of one adoption' },
  'Inquiry.messages': { max: 50, why: 'expected: one inquiry’s thread' },
  'ExchangeSession.tables': { max: 50, why: 'ArrayMaxSize(50) on the session input' },
  'ExchangeSession.agenda': { max: 50, why: 'ArrayMaxSize(50) on the session input' },
  'ExchangeSession.materials': { max: 100, why: 'ArrayMaxSize(100) on the session input' },
  'ExchangeSession.registrations': { max: 1000, why: 'a session’s registrations (organisers only)' },
  'ExchangeSession.municipalityRegistrations': { max: 200, why: 'the caller’s municipality’s registrations' },
  'SessionReport.materials': { max: 100, why: 'ArrayMaxSize(100) on the session input' },
  'Registration.tablePreferences': { max: 20, why: 'ArrayMaxSize(20) on RegisterInput' },
  'TableAssignmentResult.registrations': { max: 1000, why: 'a session’s registrations' },
};
/** What a list of objects not in LIST_SIZES is charged. */
export const DEFAULT_LIST_SIZE = 100;

/** How many rows a field may return: its page argument, its documented maximum, or 1 if it is not a list. */
export function listSize(
  parent: GraphQLNamedType,
  field: GraphQLField<unknown, unknown>,
  args: Record<string, unknown>,
): number {
  const type = getNullableType(field.type);
  if (!isListType(type) || !isCompositeType(getNamedType(type))) return 1;
  // Introspection (__schema, __type and their __Type/__Field lists) reads the schema in memory, not data:
  // each field is charged once, so GraphiQL's introspection query (36 million by list sizes) costs its
  // size. Depth (graphql-armor skips __schema), the node cap and the time budget still bound it, and
  // introspection is off in production unless GRAPHQL_INTROSPECTION is set.
  if (parent.name.startsWith('__')) return 1;
  for (const name of PAGE_SIZE_ARGS) {
    const rows = args[name];
    if (typeof rows === 'number' && Number.isFinite(rows) && rows > 0)
      return Math.min(rows, MAX_ROWS_PER_PAGE);
  }
  return LIST_SIZES[`${parent.name}.${field.name}`]?.max ?? DEFAULT_LIST_SIZE;
}

/**
 * A field costs one plus what one row costs times the rows it may return: without this, 200 aliases of
 * `municipalities(first: 100)` counted as 200 small fields while asking for 20,000 rows, and an
 * unpaginated list counted 1 however long it was.
 */
export const listSizeEstimator: ComplexityEstimator = ({ type, field, args, childComplexity }) =>
  1 + childComplexity * listSize(type, field, args);

/** Kept for the unit tests of page arguments: only fields with a page argument. */
export const paginationEstimator: ComplexityEstimator = ({ args, childComplexity }) => {
  for (const name of PAGE_SIZE_ARGS) {
    const rows = args[name];
    if (typeof rows === 'number' && Number.isFinite(rows) && rows > 0)
      return 1 + childComplexity * Math.min(rows, MAX_ROWS_PER_PAGE);
  }
  return undefined;
};

export function queryCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName?: string,
  variables: Record<string, unknown> = {},
): number {
  return getComplexity({
    schema,
    operationName,
    query: document,
    variables,
    maxQueryNodes: QUERY_LIMITS.maxCostNodes,
    estimators: [fieldExtensionsEstimator(), listSizeEstimator, simpleEstimator({ defaultComplexity: 1 })],
  });
}

/**
 * Rejects queries whose estimated cost is too high before they run (graphql-query-complexity), so one
 * request cannot ask for the whole network ten levels deep.
 */
const ignoreStrings = (_key: string, value: unknown) => (typeof value === 'string' ? '' : value);

export function complexityPlugin(
  getSchema: () => GraphQLSchema,
  maximum = MAX_QUERY_COMPLEXITY,
  signedInMaximum = Math.max(maximum, MAX_SIGNED_IN_QUERY_COMPLEXITY),
): ApolloServerPlugin {
  // The cost depends on the document and on the numbers (page sizes) and booleans (@include/@skip) among the
  // variables: the estimators above never read a string. Apollo hands the same parsed document for the same
  // query text, so a search page typing query after query is costed once, not on every keystroke.
  const known = new WeakMap<object, Map<string, number>>();
  const costOf = (document: DocumentNode, operationName: string | undefined, variables: object) => {
    let byVariables = known.get(document);
    if (!byVariables) known.set(document, (byVariables = new Map()));
    const key = `${operationName ?? ''}\u0000${JSON.stringify(variables, ignoreStrings)}`;
    let cost = byVariables.get(key);
    if (cost === undefined) {
      cost = queryCost(getSchema(), document, operationName, variables as Record<string, unknown>);
      // Bounded: a client that varies its variables endlessly does not grow this.
      if (byVariables.size >= 256) byVariables.clear();
      byVariables.set(key, cost);
    }
    return cost;
  };
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, contextValue }) {
          const signedIn = Boolean((contextValue as { actor?: unknown } | undefined)?.actor);
          const limit = signedIn ? signedInMaximum : maximum;
          let complexity: number;
          try {
            complexity = costOf(document, request.operationName ?? undefined, request.variables ?? {});
          } catch (e) {
            // Variables that do not coerce: execution reports them as BAD_USER_INPUT with the field named.
            if (e instanceof GraphQLError && e.message.startsWith('Variable "$')) return;
            // Anything else (graphql-query-complexity's own node limit: fragments that spread each other
            // into millions of fields) is a query too large to even cost, not one to let through.
            complexity = Infinity;
          }
          if (complexity > limit) {
            const shown = Number.isFinite(complexity) ? String(complexity) : 'too large to count';
            throw new GraphQLError(
              `Query is too complex: ${shown} (maximum ${limit}). Ask for fewer fields or smaller pages.`,
              {
                extensions: {
                  code: 'QUERY_TOO_COMPLEX',
                  complexity: Number.isFinite(complexity) ? complexity : null,
                  maximum: limit,
                  // A refusal is the client's fault: 400, not Apollo's default 500 for a plugin's error.
                  http: { status: 400 },
                },
              },
            );
          }
        },
      };
    },
  };
}
