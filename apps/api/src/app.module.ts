import { ApolloDriver } from '@nestjs/apollo';
import { type DynamicModule, Module } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
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
import { WebClientModule } from './web-assets';
import { WatchModule } from './modules/watch/watch.module';

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
        // The web client's files, its brotli/gzip variants and its index.html for every client route.
        ...(serveWeb ? [WebClientModule.forRoot(options.webDistDir as string)] : []),
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
