import type DataLoader from 'dataloader';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { oneByKey } from '../../graphql/dataloaders';
import type { RequestContext } from '../../graphql/request-context';
import { RequestLoaderSet, type FactoryMap } from '../../graphql/request-loaders';
import { UserEntity } from '../auth/user.entity';

declare module '../../graphql/request-loaders' {
  interface Loaders {
    auditUser: DataLoader<string, UserEntity | null>;
  }
}

/**
 * Per-request loader of the users an audit entry or a join application points at (actor, decidedBy):
 * one query per request for a page of entries, made on first use (graphql/request-loaders.ts).
 */
@Injectable()
export class AuditUserLoaderFactory extends RequestLoaderSet {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    super();
  }

  loaderFactories(): FactoryMap {
    const users = this.dataSource.getRepository(UserEntity);
    return {
      auditUser: () =>
        oneByKey(
          (ids) => users.find({ where: { id: In([...ids]) } }),
          (u) => u.id,
        ),
    };
  }

  for(ctx: RequestContext): DataLoader<string, UserEntity | null> {
    return ctx.loaders.auditUser;
  }
}
