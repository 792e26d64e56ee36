import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Loaders } from './request-loaders';

/**
 * What every resolver gets: the request, its id for logs, its DataLoaders (request-loaders.ts) and the
 * caller. `actor` is declared by modules/auth (a module augmentation in auth/actor.ts) and resolved by the
 * provider auth registers as RequestActorResolver, so this folder names no feature.
 */
export interface RequestContext {
  req: FastifyRequest;
  /** Fastify's reply: cookies are set on it (setCookie, clearCookie: @fastify/cookie). */
  res: FastifyReply;
  requestId: string;
  loaders: Loaders;
}

/** Who is calling, from the request's token or cookie; provided by modules/auth. */
export abstract class RequestActorResolver {
  abstract actorFor(req: FastifyRequest): Promise<RequestContext['actor']>;
}
