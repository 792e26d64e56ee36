import type { Request, Response } from 'express';
import type { Actor } from '../modules/auth/actor';
import type { Loaders } from './loaders';

/** What every resolver gets: the caller, per-request DataLoaders and the request id for logs. */
export interface RequestContext {
  req: Request & { requestId?: string };
  res: Response;
  requestId: string;
  actor: Actor | null;
  loaders: Loaders;
}
