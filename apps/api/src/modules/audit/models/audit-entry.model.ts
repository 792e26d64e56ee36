import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { PageInfo } from '../../municipality/models/municipality-connection.model';

@ObjectType({ description: 'One change in the audit log (accounts, roles, membership, profiles, settings)' })
export class AuditEntry {
  @Field(() => ID)
  id: string;

  @Field()
  at: Date;

  /** Resolved into `actor` (null: the system, or an account that no longer exists). */
  actorUserId: string | null;

  @Field({ description: 'Who did it as recorded then (their e-mail, or "system")' })
  actorLabel: string;

  @Field({ description: 'e.g. user.invite, municipality.admit, joinApplication.decline' })
  action: string;

  @Field({ description: 'e.g. user, invitation, municipality, joinApplication, settings' })
  subjectType: string;

  @Field()
  subjectId: string;

  @Field()
  subjectLabel: string;

  /** The row's jsonb, resolved as JSON text into `before` and `after`. */
  before?: unknown;
  after?: unknown;
}

@ObjectType()
export class AuditEntryEdge {
  @Field()
  cursor: string;

  @Field(() => AuditEntry)
  node: AuditEntry;
}

@ObjectType()
export class AuditEntryConnection {
  @Field(() => [AuditEntryEdge])
  edges: AuditEntryEdge[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;

  @Field(() => Int)
  totalCount: number;
}
