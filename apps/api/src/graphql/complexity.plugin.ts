import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, type DocumentNode, type GraphQLSchema } from 'graphql';
import {
  type ComplexityEstimator,
  fieldExtensionsEstimator,
  getComplexity,
  simpleEstimator,
} from 'graphql-query-complexity';

export const MAX_QUERY_COMPLEXITY = 2000;

/** Arguments that say how many rows a paginated field returns (`first` of a connection, `pageSize`, `limit`). */
const PAGE_SIZE_ARGS = ['first', 'pageSize', 'limit'] as const;
/**
 * No paginated field serves more rows than this; a larger request is the field's own BAD_USER_INPUT
 * (naming the argument), which is more useful to the client than QUERY_TOO_COMPLEX.
 */
const MAX_ROWS_PER_PAGE = 100;

/**
 * A paginated field costs what one row costs times the rows it may return: without this, 200 aliases of
 * `municipalities(first: 100)` counted as 200 small fields while asking for 20,000 rows.
 */
export const paginationEstimator: ComplexityEstimator = ({ args, childComplexity }) => {
  for (const name of PAGE_SIZE_ARGS) {
    const rows = args[name];
    if (typeof rows === 'number' && Number.isFinite(rows) && rows > 0)
      return 1 + childComplexity * Math.min(rows, MAX_ROWS_PER_PAGE);
  }
  return undefined;
};

/**
 * Rejects queries whose estimated cost is too high before they run (graphql-query-complexity), so one
 * request cannot ask for the whole network ten levels deep.
 */
const ignoreStrings = (_key: string, value: unknown) => (typeof value === 'string' ? '' : value);

export function complexityPlugin(
  getSchema: () => GraphQLSchema,
  maximum = MAX_QUERY_COMPLEXITY,
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
      cost = getComplexity({
        schema: getSchema(),
        operationName,
        query: document,
        variables: variables as Record<string, unknown>,
        estimators: [
          fieldExtensionsEstimator(),
          paginationEstimator,
          simpleEstimator({ defaultComplexity: 1 }),
        ],
      });
      // Bounded: a client that varies its variables endlessly does not grow this.
      if (byVariables.size >= 256) byVariables.clear();
      byVariables.set(key, cost);
    }
    return cost;
  };
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document }) {
          let complexity: number;
          try {
            complexity = costOf(document, request.operationName ?? undefined, request.variables ?? {});
          } catch {
            // Variables that do not coerce: execution reports them as BAD_USER_INPUT with the field named.
            return;
          }
          if (complexity > maximum) {
            throw new GraphQLError(
              `Query is too complex: ${complexity} (maximum ${maximum}). Ask for fewer fields or smaller pages.`,
              {
                extensions: { code: 'QUERY_TOO_COMPLEX', complexity, maximum },
              },
            );
          }
        },
      };
    },
  };
}
