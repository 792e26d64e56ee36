import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import {
  getNamedType,
  GraphQLError,
  isObjectType,
  type GraphQLFieldResolver,
  type GraphQLSchema,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';

/** graphql-armor's onReject callback (its types package is not a direct dependency). */
type RejectCallback = (ctx: ValidationContext | null, error: GraphQLError) => void;

/**
 * Limits every GraphQL request is held to, whoever sends it (docs/operations.md, "Query limits"). The
 * shapes come from @escape.tech/graphql-armor's validation rules (depth, aliases, directives) and from
 * graphql-js's own parser (tokens); the list-aware cost is complexity.plugin.ts. The web client's largest
 * operation is within every limit (query-limits.int-spec.ts checks every one of them).
 */
export const QUERY_LIMITS = {
  /** Nesting of fields (a fragment spread adds no level). */
  maxDepth: 10,
  /** Aliased fields in one operation (`__typename` aliases are free). */
  maxAliases: 30,
  /** Directives (@include, @skip, …) in one operation. */
  maxDirectives: 50,
  /**
   * Lexical tokens in the document: bounds parsing and validation work (graphql-js's field-merging check is
   * quadratic in repeated fields). The web client's largest operation has ~170.
   */
  maxTokens: 2000,
  /** Field nodes the cost estimate walks, fragments expanded; more is QUERY_TOO_COMPLEX (a fragment bomb). */
  maxCostNodes: 5000,
  /**
   * Wall-clock budget of one query's execution; a resolver starting after it fails and the answer is one
   * QUERY_TIMEOUT error. A backstop: the cost limit refuses what would take long. Mutations are not cut
   * short (their write is done or not; what they return is small).
   */
  timeBudgetMs: 3000,
  /** The largest JSON response (a backstop like the time budget); a larger one is RESPONSE_TOO_LARGE. */
  maxResponseBytes: 4 * 1024 * 1024,
} as const;

export type QueryLimitCode =
  | 'QUERY_TOO_COMPLEX'
  | 'QUERY_TOO_DEEP'
  | 'QUERY_TOO_MANY_ALIASES'
  | 'QUERY_TOO_MANY_DIRECTIVES'
  | 'QUERY_TIMEOUT'
  | 'RESPONSE_TOO_LARGE';

/** A request refused or cut short by a query limit; format-error.ts passes its code and details through. */
export class QueryLimitError extends Error {
  constructor(
    readonly code: QueryLimitCode,
    message: string,
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'QueryLimitError';
  }
}

/** Armor reports `Syntax Error: Query depth limit of 10 exceeded, found 12.`: keep the numbers, set our code. */
function reject(code: QueryLimitCode, maximum: number): RejectCallback {
  return (ctx, error) => {
    const found = Number(/found (\d+)/.exec(error.message)?.[1]);
    const message = error.message.replace(/^Syntax Error: /, '');
    ctx?.reportError(
      new GraphQLError(message, {
        originalError: new QueryLimitError(code, message, {
          maximum,
          ...(Number.isFinite(found) ? { found } : {}),
        }),
      }),
    );
  };
}

/** Validation rules and plugins from graphql-armor, configured with our limits and error codes. */
export function armorProtection(options: { hideSuggestions: boolean }): {
  validationRules: ValidationRule[];
  plugins: ApolloServerPlugin[];
} {
  const armor = new ApolloArmor({
    // complexity.plugin.ts charges lists by their size; armor's cost rule counts a list as one object.
    costLimit: { enabled: false },
    // graphql-js's own parser counts tokens (parseOptions.maxTokens) and answers GRAPHQL_PARSE_FAILED.
    maxTokens: { enabled: false },
    maxDepth: {
      n: QUERY_LIMITS.maxDepth,
      // Depth of fields, not of fragment spreads: the web client's fragments are not extra work.
      flattenFragments: true,
      propagateOnRejection: false,
      onReject: [reject('QUERY_TOO_DEEP', QUERY_LIMITS.maxDepth)],
    },
    maxAliases: {
      n: QUERY_LIMITS.maxAliases,
      propagateOnRejection: false,
      onReject: [reject('QUERY_TOO_MANY_ALIASES', QUERY_LIMITS.maxAliases)],
    },
    maxDirectives: {
      n: QUERY_LIMITS.maxDirectives,
      propagateOnRejection: false,
      onReject: [reject('QUERY_TOO_MANY_DIRECTIVES', QUERY_LIMITS.maxDirectives)],
    },
    // "Did you mean …" maps a hidden schema to anyone who probes it; only when introspection is off.
    blockFieldSuggestion: { enabled: options.hideSuggestions },
  });
  const { validationRules, plugins } = armor.protect();
  return {
    validationRules: validationRules as ValidationRule[],
    plugins: plugins as ApolloServerPlugin[],
  };
}

const DEADLINE = Symbol('queryDeadline');
type WithDeadline = { [DEADLINE]?: { at: number; exceeded: boolean } };

/**
 * Wraps every field that has its own resolver (the ones that load rows; plain properties are left alone,
 * so scalars cost nothing extra) with a check of the operation's deadline. Called from transformSchema.
 */
export function withTimeBudget(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const resolve = field.resolve;
      if (!resolve || getNamedType(field.type).name.startsWith('__')) continue;
      const wrapped: GraphQLFieldResolver<unknown, WithDeadline> = (source, args, context, info) => {
        const deadline = context?.[DEADLINE];
        if (deadline && performance.now() > deadline.at) {
          deadline.exceeded = true;
          throw new QueryLimitError(
            'QUERY_TIMEOUT',
            `The query ran out of time (${QUERY_LIMITS.timeBudgetMs} ms). Ask for fewer fields or smaller pages.`,
            { maximumMs: QUERY_LIMITS.timeBudgetMs },
          );
        }
        return resolve(source, args, context, info);
      };
      field.resolve = wrapped as typeof field.resolve;
    }
  }
  return schema;
}

/**
 * Starts each operation's clock, and when it ran out answers one QUERY_TIMEOUT error instead of partial
 * data with an error per unresolved field.
 */
export function timeBudgetPlugin(budgetMs: number = QUERY_LIMITS.timeBudgetMs): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async executionDidStart({ contextValue, operation }) {
          if (operation.operation !== 'query') return;
          (contextValue as WithDeadline)[DEADLINE] = { at: performance.now() + budgetMs, exceeded: false };
        },
        async willSendResponse({ contextValue, response }) {
          if (!(contextValue as WithDeadline)[DEADLINE]?.exceeded) return;
          if (response.body.kind !== 'single') return;
          response.body.singleResult = {
            errors: [
              {
                message: `The query ran out of time (${budgetMs} ms). Ask for fewer fields or smaller pages.`,
                extensions: { code: 'QUERY_TIMEOUT', maximumMs: budgetMs },
              },
            ],
          };
        },
      };
    },
  };
}

/** JSON of a response, or one RESPONSE_TOO_LARGE error if it is over maxResponseBytes. */
export function stringifyBounded(value: unknown, maxBytes: number = QUERY_LIMITS.maxResponseBytes): string {
  const json = JSON.stringify(value);
  // A UTF-16 code unit is at most 3 UTF-8 bytes: only measure when it could be over.
  if (json.length * 3 <= maxBytes || Buffer.byteLength(json) <= maxBytes) return json;
  return JSON.stringify({
    errors: [
      {
        message: `The answer is larger than ${maxBytes} bytes. Ask for fewer fields or smaller pages.`,
        extensions: { code: 'RESPONSE_TOO_LARGE', maximumBytes: maxBytes },
      },
    ],
  });
}
