import { Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { RequestActorResolver } from '../../graphql/request-context';
import type { Actor } from './actor';
import { AuthService, tokenFromRequest } from './auth.service';

/** The GraphQL context's `actor`: the Bearer token or the session cookie, resolved once per request. */
@Injectable()
export class AuthRequestActor extends RequestActorResolver {
  constructor(private readonly auth: AuthService) {
    super();
  }

  actorFor(req: FastifyRequest): Promise<Actor | null> {
    return this.auth.actorForToken(tokenFromRequest(req));
  }
}
