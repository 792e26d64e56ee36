import { Global, Module } from '@nestjs/common';
import { Meilisearch } from 'meilisearch';
import { MEILI_CLIENT } from './search.constants';

export interface SearchConnection {
  url: string;
  apiKey?: string;
}
export const SEARCH_CONNECTION = Symbol('SEARCH_CONNECTION');

/** The Meilisearch client; the URL and key come from config or from the embedded launcher. */
@Global()
@Module({
  providers: [
    {
      provide: MEILI_CLIENT,
      inject: [SEARCH_CONNECTION],
      useFactory: (conn: SearchConnection) => new Meilisearch({ host: conn.url, apiKey: conn.apiKey }),
    },
  ],
  exports: [MEILI_CLIENT],
})
export class SearchModule {}
