import { ApolloDriver } from '@nestjs/apollo';
import { type DynamicModule, Module } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import { ServeStaticModule } from '@nestjs/serve-static';
import { TypeOrmModule } from '@nestjs/typeorm';
import { existsSync } from 'node:fs';
import { APP_CONFIG, type AppConfig } from './config/app-config';
import { RateLimitsModule } from './common/rate-limits';
import { dataSourceOptions } from './database/data-source-options';
import { GRAPHQL_OPTIONS_INJECT, graphqlOptions } from './graphql/graphql-options';
import { RequestLoadersModule } from './graphql/request-loaders';
import { GRAPHQL_SCALARS } from './graphql/scalars';
import { AdoptionModule } from './modules/adoption/adoption.module';
import { AttachmentModule } from './modules/attachment/attachment.module';
import { AccountModule } from './modules/account/account.module';
import { AuditModule } from './modules/audit/audit.module';
import { JoinApplicationModule } from './modules/join-application/join-application.module';
import { AuthModule } from './modules/auth/auth.module';
import { CaseSearchModule } from './modules/case-search/case-search.module';
import { CaseStudyModule } from './modules/case-study/case-study.module';
import { DemoModule } from './modules/demo/demo.module';
import { ExchangeSessionModule } from './modules/exchange-session/exchange-session.module';
import { QuestionnaireModule } from './modules/questionnaire/questionnaire.module';
import { ExplorerModule } from './modules/explorer/explorer.module';
import { DashboardModule } from './modules/dashboard/dashboard.module';
import { HealthModule } from './modules/health/health.module';
import { InquiryModule } from './modules/inquiry/inquiry.module';
import { OpenDataModule } from './modules/open-data/open-data.module';
import { PrecedentFinderModule } from './modules/precedent-finder/precedent-finder.module';
import { MailModule } from './modules/mail/mail.module';
import { MunicipalityModule } from './modules/municipality/municipality.module';
import { SEARCH_CONNECTION, SearchModule, type SearchConnection } from './search/search.module';
import { IMMUTABLE, WebAssetsModule } from './web-assets';
import { WatchModule } from './modules/watch/watch.module';

/**
 * Cache headers of the web client's files. Vite names everything under assets/ by its content hash, so
 * those never change; index.html (and the fallback that serves it for every client route) must be
 * revalidated each time, or after a deployment a browser would ask for page chunks that no longer exist.
 * Their brotli and gzip variants, made at build time, are sent by WebAssetsModule (web-assets.ts).
 */
export function webCacheHeaders(
  res: { setHeader(name: string, value: string): unknown },
  path: string,
): void {
  res.setHeader(
    'Cache-Control',
    /[\\/]assets[\\/][^\\/]+$/.test(path) ? IMMUTABLE : 'no-cache',
  );
}

export interface AppModuleOptions {
  config: AppConfig;
  databaseUrl: string;
  search: SearchConnection;
  /** Directory of the built web client; not served when missing (API-only runs and tests). */
  webDistDir?: string;
}

@Module({})
export class AppModule {
  static forRoot(options: AppModuleOptions): DynamicModule {
    const serveWeb = options.webDistDir && existsSync(options.webDistDir);
    return {
      module: AppModule,
      global: true,
      imports: [
        // Each module registers its own entities (TypeOrmModule.forFeature); the glob is for data sources
        // made outside Nest (database/data-source-options.ts).
        TypeOrmModule.forRoot({
          ...dataSourceOptions(options.databaseUrl),
          entities: [],
          autoLoadEntities: true,
        }),
        RateLimitsModule,
        SearchModule,
        AuthModule,
        MunicipalityModule,
        CaseStudyModule,
        CaseSearchModule,
        GraphQLModule.forRootAsync({
          driver: ApolloDriver,
          // The caller comes from auth (RequestActorResolver); the loaders from every module that
          // provides some (request-loaders.ts); the resolvers from each module's providers.
          imports: [AuthModule, RequestLoadersModule],
          inject: GRAPHQL_OPTIONS_INJECT,
          useFactory: graphqlOptions,
        }),
        MailModule,
        ExchangeSessionModule,
        QuestionnaireModule,
        AdoptionModule,
        InquiryModule,
        PrecedentFinderModule,
        DashboardModule,
        OpenDataModule,
        AuditModule,
        JoinApplicationModule,
        AccountModule,
        AttachmentModule,
        WatchModule,
        HealthModule,
        DemoModule,
        ...(options.config.enableExplorer && serveWeb
          ? [ExplorerModule.forRoot(options.webDistDir as string)]
          : []),
        ...(serveWeb
          ? [
              // Before the static server: the build's brotli/gzip variants of assets/ (web-assets.ts).
              WebAssetsModule.forRoot(options.webDistDir as string),
              ServeStaticModule.forRoot({
                rootPath: options.webDistDir as string,
                // The API's own routes; every other GET falls back to the web client (index.html), /open-data included.
                // Nor /assets/: a file of the build that is missing (a stale tab after a deploy) is a 404, not the page.
                exclude: [
                  '/graphql',
                  '/graphql/{*rest}',
                  '/health',
                  '/health/{*rest}',
                  '/graphiql',
                  '/open-data/cases.{:ext}',
                  '/assets/{*rest}',
                ],
                serveStaticOptions: { index: 'index.html', fallthrough: true, setHeaders: webCacheHeaders },
              }),
            ]
          : []),
      ],
      providers: [
        ...GRAPHQL_SCALARS,
        { provide: APP_CONFIG, useValue: options.config },
        { provide: SEARCH_CONNECTION, useValue: options.search },
      ],
      exports: [APP_CONFIG, SEARCH_CONNECTION],
    };
  }
}
