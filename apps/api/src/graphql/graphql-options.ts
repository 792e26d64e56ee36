import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { Logger } from '@nestjs/common';
import type { GraphQLSchema } from 'graphql';
import type { Request, Response } from 'express';
import { AdoptionRepository } from '../modules/adoption/adoption.repository';
import { AuthService, tokenFromRequest } from '../modules/auth/auth.service';
import { CaseStudyRepository } from '../modules/case-study/case-study.repository';
import { InquiryRepository } from '../modules/inquiry/inquiry.repository';
import { MunicipalityRepository } from '../modules/municipality/municipality.repository';
import type { AppConfig } from '../config/app-config';
import { complexityPlugin } from './complexity.plugin';
import {
  armorProtection,
  QUERY_LIMITS,
  stringifyBounded,
  timeBudgetPlugin,
  withTimeBudget,
} from './query-limits';
import { createErrorFormatter } from './format-error';
import { createLoaders, type LoaderSources } from './loaders';
import type { RequestContext } from './request-context';

export function graphqlOptions(
  auth: AuthService,
  municipalities: MunicipalityRepository,
  caseStudies: CaseStudyRepository,
  adoptions: AdoptionRepository,
  inquiries: InquiryRepository,
  config: AppConfig,
): ApolloDriverConfig {
  let schema: GraphQLSchema | undefined;
  const introspection = config.graphqlIntrospection;
  const armor = armorProtection({ hideSuggestions: !introspection });
  // The same for every request: made once, the loaders that use them made per request, lazily.
  const sources: LoaderSources = {
    municipalitiesByIds: (ids) => municipalities.findByIds(ids),
    declarationsByMunicipalityIds: (ids) => municipalities.findDeclarationsByMunicipalityIds(ids),
    caseStudiesByIds: (ids) => caseStudies.findByIds(ids),
    caseStudyRevisionsByCaseIds: (ids) => caseStudies.findRevisionsByCaseIds(ids),
    peopleByIds: (ids) => caseStudies.findPeopleByIds(ids),
    adoptionsByCaseIds: (ids) => adoptions.findByCaseIds(ids),
    adoptionsByAdopterCaseIds: (ids) => adoptions.findByAdopterCaseIds(ids),
    adoptionsByIds: (ids) => adoptions.findByIds(ids),
    adoptionEventsByAdoptionIds: (ids) => adoptions.findEventsByAdoptionIds(ids),
    inquiryMessagesByInquiryIds: (ids) => inquiries.findMessagesByInquiryIds(ids),
    inquiriesByCaseIds: (ids) => inquiries.findByCaseIds(ids),
  };
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
    context: async ({
      req,
      res,
    }: {
      req: Request & { requestId?: string };
      res: Response;
    }): Promise<RequestContext> => ({
      req,
      res,
      requestId: req.requestId ?? 'unknown',
      actor: await auth.actorForToken(tokenFromRequest(req)),
      loaders: createLoaders(sources),
    }),
  };
}
