import type { Request, Response } from 'express';
import type { Loaders } from './request-loaders';

/**
 * What every resolver gets: the request, its id for logs, its DataLoaders (request-loaders.ts) and the
 * caller. `actor` is declared by modules/auth (a module augmentation in auth/actor.ts) and resolved by the
 * provider auth registers as RequestActorResolver, so this folder names no feature.
 */
export interface RequestContext {
  req: Request & { requestId?: string };
  res: Response;
  requestId: string;
  loaders: Loaders;
}

/** Who is calling, from the request's token or cookie; provided by modules/auth. */
export abstract class RequestActorResolver {
  abstract actorFor(req: Request): Promise<RequestContext['actor']>;
}
