import { Args, Context, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { RequestContext } from '../../graphql/request-context';
import { User } from '../auth/models/user.model';
import { AuditLogArgs } from './dto/audit-log.args';
import { AuditEntry, AuditEntryConnection } from './models/audit-entry.model';
import type { AuditLogEntity } from './audit-log.entity';
import { AuditLogService } from './audit-log.service';
import { AuditUserLoaderFactory } from './user-loader';

const jsonText = (v: unknown): string | null => (v === null || v === undefined ? null : JSON.stringify(v));

@Resolver(() => AuditEntry)
export class AuditLogResolver {
  constructor(
    private readonly service: AuditLogService,
    private readonly users: AuditUserLoaderFactory,
  ) {}

  @Query(() => AuditEntryConnection, { description: 'The audit log, newest first (organisers)' })
  auditLog(@Args() { filter, first, after }: AuditLogArgs, @Context() ctx: RequestContext) {
    return this.service.list(ctx.actor, filter, first, after);
  }

  @ResolveField(() => User, { nullable: true, description: 'null: the system, or an account since removed' })
  actor(e: AuditLogEntity, _args: unknown, ctx: RequestContext) {
    return e.actorUserId ? this.users.for(ctx).load(e.actorUserId) : null;
  }

  @ResolveField(() => String, { nullable: true, description: 'The changed fields before, as JSON text' })
  before(e: AuditLogEntity): string | null {
    return jsonText(e.before);
  }

  @ResolveField(() => String, { nullable: true, description: 'The changed fields after, as JSON text' })
  after(e: AuditLogEntity): string | null {
    return jsonText(e.after);
  }
}
