import DataLoader from 'dataloader';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import type { RequestContext } from '../../graphql/request-context';
import { UserEntity } from '../auth/user.entity';

/**
 * Per-request loader of the users an audit entry or a join application points at (actor, decidedBy):
 * one query per request for a page of entries, created on first use and kept off the shared context.
 */
@Injectable()
export class AuditUserLoaderFactory {
  private readonly perRequest = new WeakMap<object, DataLoader<string, UserEntity | null>>();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  for(ctx: RequestContext): DataLoader<string, UserEntity | null> {
    let loader = this.perRequest.get(ctx.req);
    if (!loader) {
      loader = new DataLoader(async (ids) => {
        const rows = await this.dataSource.getRepository(UserEntity).find({ where: { id: In([...ids]) } });
        const map = new Map(rows.map((u) => [u.id, u]));
        return ids.map((id) => map.get(id) ?? null);
      });
      this.perRequest.set(ctx.req, loader);
    }
    return loader;
  }
}
