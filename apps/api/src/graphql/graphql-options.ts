import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { Logger } from '@nestjs/common';
import type { GraphQLSchema } from 'graphql';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { complexityPlugin } from './complexity.plugin';
import {
  armorProtection,
  QUERY_LIMITS,
  stringifyBounded,
  timeBudgetPlugin,
  withTimeBudget,
} from './query-limits';
import { createErrorFormatter } from './format-error';
import { RequestActorResolver, type RequestContext } from './request-context';
import { LoaderRegistry } from './request-loaders';

/** Inject in this order: the caller's resolver (modules/auth), the loader registry and the config. */
export const GRAPHQL_OPTIONS_INJECT = [RequestActorResolver, LoaderRegistry, APP_CONFIG];

export function graphqlOptions(
  actors: RequestActorResolver,
  loaders: LoaderRegistry,
  config: AppConfig,
): ApolloDriverConfig {
  let schema: GraphQLSchema | undefined;
  const introspection = config.graphqlIntrospection;
  const armor = armorProtection({ hideSuggestions: !introspection });
  return {
    driver: ApolloDriver,
    path: '/graphql',
    // schema.gql is written by `npm run schema:generate`, never by a running server.
    autoSchemaFile: true,
    sortSchema: true,
    transformSchema: (s: GraphQLSchema) => (schema = withTimeBudget(s)),
    // Apollo's default landing page loads from a CDN that municipal networks block; /graphiql is served by the app.
    playground: false,
    graphiql: false,
    // Off in production unless GRAPHQL_INTROSPECTION (or ENABLE_EXPLORER) says otherwise.
    introspection,
    // Depth, aliases and directives (graphql-armor), tokens (graphql-js's parser): query-limits.ts.
    validationRules: armor.validationRules,
    parseOptions: { maxTokens: QUERY_LIMITS.maxTokens },
    csrfPrevention: true,
    includeStacktraceInErrorResponses: false,
    formatError: createErrorFormatter(new Logger('GraphQL')),
    // No HTTP caching hints are used; without the default cache-control plugin no field resolver is
    // wrapped for it, which is measurable on list queries (searchCaseStudies, docs/benchmarks.md).
    plugins: [
      ApolloServerPluginCacheControlDisabled(),
      complexityPlugin(() => schema as GraphQLSchema),
      timeBudgetPlugin(),
      ...armor.plugins,
    ],
    // Apollo pretty-prints responses by default (2-space indent): more bytes and time for every response.
    // Over QUERY_LIMITS.maxResponseBytes the answer is one RESPONSE_TOO_LARGE error.
    stringifyResult: (value) => stringifyBounded(value),
    // Apollo's Fastify integration calls it with the request and the reply.
    context: async (req: FastifyRequest, res: FastifyReply): Promise<RequestContext> => {
      const ctx = { req, res, requestId: req.id } as RequestContext;
      ctx.actor = await actors.actorFor(req);
      // Each loader is made on its first use in this request (request-loaders.ts); some read ctx.actor.
      ctx.loaders = loaders.forRequest(ctx);
      return ctx;
    },
  };
}
