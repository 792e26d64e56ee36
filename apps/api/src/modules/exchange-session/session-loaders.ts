import type DataLoader from 'dataloader';
import { Injectable } from '@nestjs/common';
import { manyByKey, oneByKey } from '../../graphql/dataloaders';
import type { RequestContext } from '../../graphql/request-context';
import { RequestLoaderSet, type FactoryMap } from '../../graphql/request-loaders';
import type { UserEntity } from '../auth/user.entity';
import type { ExchangeSessionEntity } from './exchange-session.entity';
import { ExchangeSessionRepository, type SessionCounts } from './exchange-session.repository';
import type { RegistrationEntity } from './registration.entity';
import type { SessionTableEntity } from './session-table.entity';

export interface SessionLoaders {
  session: DataLoader<string, ExchangeSessionEntity | null>;
  tablesBySession: DataLoader<string, SessionTableEntity[]>;
  table: DataLoader<string, SessionTableEntity | null>;
  counts: DataLoader<string, SessionCounts>;
  registrationsBySession: DataLoader<string, RegistrationEntity[]>;
  /** The caller's registration per session (null when anonymous or none). */
  mine: DataLoader<string, RegistrationEntity | null>;
  user: DataLoader<string, UserEntity | null>;
}

declare module '../../graphql/request-loaders' {
  interface Loaders {
    exchangeSession: SessionLoaders;
  }
}

const noCounts = (sessionId: string): SessionCounts => ({
  sessionId,
  confirmed: 0,
  waitlisted: 0,
  applied: 0,
  checkedIn: 0,
});

/**
 * Per-request DataLoaders of the session module (one query per field per request, no N+1), registered with
 * the request's loaders (graphql/request-loaders.ts) under `exchangeSession` and made on first use.
 */
@Injectable()
export class SessionLoaderFactory extends RequestLoaderSet {
  constructor(private readonly repository: ExchangeSessionRepository) {
    super();
  }

  loaderFactories(): FactoryMap {
    return { exchangeSession: (ctx: RequestContext) => this.create(ctx.actor?.userId ?? null) };
  }

  for(ctx: RequestContext): SessionLoaders {
    return ctx.loaders.exchangeSession;
  }

  private create(userId: string | null): SessionLoaders {
    const r = this.repository;
    return {
      session: oneByKey(
        (ids) => r.findByIds(ids),
        (s) => s.id,
      ),
      tablesBySession: manyByKey(
        (ids) => r.tablesBySessionIds(ids),
        (t) => t.sessionId,
      ),
      table: oneByKey(
        (ids) => r.tablesByIds(ids),
        (t) => t.id,
      ),
      counts: oneByKey(
        (ids) => r.countsBySessionIds(ids),
        (c) => c.sessionId,
        noCounts,
      ),
      registrationsBySession: manyByKey(
        (ids) => r.registrationsOfSessions(ids),
        (x) => x.sessionId,
      ),
      mine: oneByKey(
        async (ids) => (userId ? r.registrationsOfUser(userId, ids) : []),
        (x) => x.sessionId,
      ),
      user: oneByKey(
        (ids) => r.usersByIds(ids),
        (u) => u.id,
      ),
    };
  }
}
