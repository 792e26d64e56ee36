import DataLoader from 'dataloader';
import { Injectable } from '@nestjs/common';
import type { RequestContext } from '../../graphql/request-context';
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

function byKey<T>(rows: T[], key: (row: T) => string, keys: readonly string[]): Array<T | null> {
  const map = new Map(rows.map((r) => [key(r), r]));
  return keys.map((k) => map.get(k) ?? null);
}

function grouped<T>(rows: T[], key: (row: T) => string, keys: readonly string[]): T[][] {
  const map = new Map<string, T[]>(keys.map((k) => [k, []]));
  for (const r of rows) map.get(key(r))?.push(r);
  return keys.map((k) => map.get(k) ?? []);
}

/**
 * Per-request DataLoaders of the session module (one query per field per request, no N+1). They hang off
 * the request context the GraphQL module builds, created on first use, so this feature's loaders live with
 * its repository instead of widening the shared context factory.
 */
@Injectable()
export class SessionLoaderFactory {
  private readonly perRequest = new WeakMap<object, SessionLoaders>();

  constructor(private readonly repository: ExchangeSessionRepository) {}

  for(ctx: RequestContext): SessionLoaders {
    let loaders = this.perRequest.get(ctx.req);
    if (!loaders) {
      loaders = this.create(ctx.actor?.userId ?? null);
      this.perRequest.set(ctx.req, loaders);
    }
    return loaders;
  }

  private create(userId: string | null): SessionLoaders {
    const r = this.repository;
    return {
      session: new DataLoader(async (ids) => byKey(await r.findByIds(ids), (s) => s.id, ids)),
      tablesBySession: new DataLoader(async (ids) =>
        grouped(await r.tablesBySessionIds(ids), (t) => t.sessionId, ids),
      ),
      table: new DataLoader(async (ids) => byKey(await r.tablesByIds(ids), (t) => t.id, ids)),
      counts: new DataLoader(async (ids) => {
        const rows = await r.countsBySessionIds(ids);
        return byKey(rows, (c) => c.sessionId, ids).map(
          (c, i) => c ?? { sessionId: ids[i], confirmed: 0, waitlisted: 0, applied: 0, checkedIn: 0 },
        );
      }),
      registrationsBySession: new DataLoader(async (ids) =>
        grouped(await r.registrationsOfSessions(ids), (x) => x.sessionId, ids),
      ),
      mine: new DataLoader(async (ids) =>
        userId
          ? byKey(await r.registrationsOfUser(userId, ids), (x) => x.sessionId, ids)
          : ids.map(() => null),
      ),
      user: new DataLoader(async (ids) => byKey(await r.usersByIds(ids), (u) => u.id, ids)),
    };
  }
}
