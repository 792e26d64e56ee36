import DataLoader from 'dataloader';
import { Injectable } from '@nestjs/common';
import type { RequestContext } from '../../graphql/request-context';
import { RequestLoaderSet, type FactoryMap } from '../../graphql/request-loaders';
import type { Actor } from '../auth/actor';
import { WatchService } from './watch.service';

export interface WatchLoaders {
  watching: DataLoader<string, boolean>;
  helpfulMine: DataLoader<string, boolean>;
  helpfulCount: DataLoader<string, number>;
}

declare module '../../graphql/request-loaders' {
  interface Loaders {
    watch: WatchLoaders;
  }
}

/** Per-request loaders of this module (one query per field per request for a page of cases). */
@Injectable()
export class WatchLoaderFactory extends RequestLoaderSet {
  constructor(private readonly service: WatchService) {
    super();
  }

  loaderFactories(): FactoryMap {
    return { watch: (ctx: RequestContext) => this.create(ctx.actor) };
  }

  for(ctx: RequestContext): WatchLoaders {
    return ctx.loaders.watch;
  }

  private create(actor: Actor | null): WatchLoaders {
    return {
      watching: new DataLoader(async (ids) => {
        const set = await this.service.watchedAmong(actor, ids);
        return ids.map((id) => set.has(id));
      }),
      helpfulMine: new DataLoader(async (ids) => {
        const set = await this.service.helpfulAmong(actor, ids);
        return ids.map((id) => set.has(id));
      }),
      helpfulCount: new DataLoader(async (ids) => {
        const counts = await this.service.helpfulCounts(ids);
        return ids.map((id) => counts.get(id) ?? 0);
      }),
    };
  }
}
