import { Injectable, Module, type FactoryProvider, type OnModuleInit, type Type } from '@nestjs/common';
import { DiscoveryModule, DiscoveryService } from '@nestjs/core';
import type { RequestContext } from './request-context';

/**
 * The per-request DataLoaders, by name. Empty here: each feature module adds its entries with a module
 * augmentation beside its factories, e.g.
 * `declare module '../../graphql/request-loaders' { interface Loaders extends LoadersOf<typeof make> {} }`,
 * so this folder never imports a feature and a new feature edits no central file.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface Loaders {}

type Factory = (ctx: RequestContext) => unknown;
export type FactoryMap = Record<string, Factory>;

/** The loaders a module's factories make, by name: what its augmentation of `Loaders` extends. */
export type LoadersOf<Make extends (dependency: never) => FactoryMap> = {
  [K in keyof ReturnType<Make>]: ReturnType<ReturnType<Make>[K]>;
};

/** A provider that contributes loaders to every request's `ctx.loaders` (found at start by discovery). */
export abstract class RequestLoaderSet {
  abstract loaderFactories(): FactoryMap;
}

class LoaderSetOf extends RequestLoaderSet {
  constructor(private readonly factories: FactoryMap) {
    super();
  }

  loaderFactories(): FactoryMap {
    return this.factories;
  }
}

/**
 * A module's loaders as one provider for its `providers`: `make` gets the dependency (usually the
 * module's repository) and returns a factory per loader name, called on the loader's first use in a request.
 */
export function requestLoaders<D>(
  dependency: Type<D>,
  make: (dependency: D) => FactoryMap,
): FactoryProvider<RequestLoaderSet> {
  return {
    provide: Symbol(`request loaders (${dependency.name})`),
    inject: [dependency],
    useFactory: (d: D) => new LoaderSetOf(make(d)),
  };
}

/**
 * Collects every module's loader factories once, at start, and makes the lazy per-request object:
 * most requests touch one or two loaders (a results page only primes `municipality`), so each is made on
 * its first use in a request rather than all of them for every request. The getters sit on one prototype
 * made at start, not one set of closures per request.
 */
@Injectable()
export class LoaderRegistry implements OnModuleInit {
  private prototype: object = {};

  constructor(private readonly discovery: DiscoveryService) {}

  onModuleInit(): void {
    const factories = new Map<string, Factory>();
    for (const { instance } of this.discovery.getProviders()) {
      if (!(instance instanceof RequestLoaderSet)) continue;
      for (const [name, factory] of Object.entries(instance.loaderFactories())) {
        if (factories.has(name)) throw new Error(`Two modules provide the request loader "${name}"`);
        factories.set(name, factory);
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
