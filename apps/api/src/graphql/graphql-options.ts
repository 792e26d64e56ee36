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
import { complexityPlugin } from './complexity.plugin';
import { createErrorFormatter } from './format-error';
import { createLoaders } from './loaders';
import type { RequestContext } from './request-context';

export function graphqlOptions(
  auth: AuthService,
  municipalities: MunicipalityRepository,
  caseStudies: CaseStudyRepository,
  adoptions: AdoptionRepository,
  inquiries: InquiryRepository,
): ApolloDriverConfig {
  let schema: GraphQLSchema | undefined;
  return {
    driver: ApolloDriver,
    path: '/graphql',
    // schema.gql is written by `npm run schema:generate`, never by a running server.
    autoSchemaFile: true,
    sortSchema: true,
    transformSchema: (s: GraphQLSchema) => (schema = s),
    // Apollo's default landing page loads from a CDN that municipal networks block; /graphiql is served by the app.
    playground: false,
    graphiql: false,
    introspection: true,
    csrfPrevention: true,
    includeStacktraceInErrorResponses: false,
    formatError: createErrorFormatter(new Logger('GraphQL')),
    // No HTTP caching hints are used; without the default cache-control plugin no field resolver is
    // wrapped for it, which is measurable on list queries (searchCaseStudies, docs/benchmarks.md).
    plugins: [ApolloServerPluginCacheControlDisabled(), complexityPlugin(() => schema as GraphQLSchema)],
    // Apollo pretty-prints responses by default (2-space indent): more bytes and time for every response.
    stringifyResult: (value) => JSON.stringify(value),
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
      loaders: createLoaders({
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
      }),
    }),
  };
}
