import { Injectable, Module, type OnModuleInit } from '@nestjs/common';
import { DiscoveryModule, DiscoveryService } from '@nestjs/core';
import type { RequestContext } from './request-context';

/**
 * The per-request DataLoaders, by name. Empty here: each feature module adds its own entries with a
 * module augmentation beside its loader factory, e.g.
 * `declare module '../../graphql/request-loaders' { interface Loaders { municipality: DataLoader<…> } }`,
 * so this folder never imports a feature and a new feature edits no central file.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface Loaders {}

export type LoaderFactories = { [K in keyof Loaders]?: (ctx: RequestContext) => Loaders[K] };

/** A provider whose `loaderFactories()` contribute to every request's `ctx.loaders` (found by discovery). */
export interface ProvidesLoaders {
  loaderFactories(): LoaderFactories;
}

/** Marks a provider implementing ProvidesLoaders; the registry finds it in whatever module declares it. */
export const RequestLoaderProvider = DiscoveryService.createDecorator<void>();

type AnyFactory = (ctx: RequestContext) => unknown;

/**
 * Collects every module's loader factories once, at start, and makes the lazy per-request object:
 * most requests touch one or two loaders (a results page only primes `municipality`), so each is made on
 * its first use in a request rather than all of them for every request. The getters sit on one prototype
 * made at start, not one set of closures per request.
 */
@Injectable()
export class LoaderRegistry implements OnModuleInit {
  private prototype: object = Object.create(null) as object;

  constructor(private readonly discovery: DiscoveryService) {}

  onModuleInit(): void {
    const factories = new Map<string, AnyFactory>();
    for (const wrapper of this.discovery.getProviders({ metadataKey: RequestLoaderProvider.KEY })) {
      const provider = wrapper.instance as ProvidesLoaders | undefined;
      if (!provider) continue;
      for (const [name, factory] of Object.entries(provider.loaderFactories())) {
        if (factories.has(name)) throw new Error(`Two modules provide the request loader "${name}"`);
        factories.set(name, factory.bind(provider) as AnyFactory);
      }
    }
    const prototype = {};
    for (const [name, factory] of factories) {
      Object.defineProperty(prototype, name, {
        get(this: LazyLoaders) {
          return (this.made[name] ??= factory(this.ctx));
        },
        enumerable: true,
      });
    }
    this.prototype = prototype;
  }

  /** The loaders of one request; `ctx` is the request's context (its actor, for loaders that depend on it). */
  forRequest(ctx: RequestContext): Loaders {
    const loaders = Object.create(this.prototype) as LazyLoaders;
    loaders.ctx = ctx;
    loaders.made = {};
    return loaders as unknown as Loaders;
  }
}

interface LazyLoaders {
  ctx: RequestContext;
  made: Record<string, unknown>;
}

/** Imported by the GraphQL module's factory: the registry, and discovery for it to find the providers. */
@Module({ imports: [DiscoveryModule], providers: [LoaderRegistry], exports: [LoaderRegistry] })
export class RequestLoadersModule {}
