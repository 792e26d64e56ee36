import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, type GraphQLSchema } from 'graphql';
import { fieldExtensionsEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';

export const MAX_QUERY_COMPLEXITY = 2000;

/**
 * Rejects queries whose estimated cost is too high before they run (graphql-query-complexity), so one
 * request cannot ask for the whole network ten levels deep.
 */
export function complexityPlugin(
  getSchema: () => GraphQLSchema,
  maximum = MAX_QUERY_COMPLEXITY,
): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document }) {
          let complexity: number;
          try {
            complexity = getComplexity({
              schema: getSchema(),
              operationName: request.operationName,
              query: document,
              variables: request.variables,
              estimators: [fieldExtensionsEstimator(), simpleEstimator({ defaultComplexity: 1 })],
            });
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
