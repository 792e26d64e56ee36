import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { JOIN_APPLICATION_STATUSES, type JoinApplicationStatus } from '../join-application.entity';

export const JoinApplicationStatusEnum = Object.fromEntries(
  JOIN_APPLICATION_STATUSES.map((s) => [s, s]),
) as Record<JoinApplicationStatus, JoinApplicationStatus>;
registerEnumType(JoinApplicationStatusEnum, {
  name: 'JoinApplicationStatus',
  description: 'PENDING → ADMITTED (the municipality is a member) or DECLINED',
});

@ObjectType({ description: '参加申込: a municipality asking to join the network' })
export class JoinApplication {
  @Field(() => ID)
  id: string;

  /** Resolved into `municipality`. */
  municipalityId: string;

  @Field()
  applicantName: string;

  @Field()
  department: string;

  @Field()
  email: string;

  @Field(() => String, { nullable: true })
  message: string | null;

  @Field(() => JoinApplicationStatusEnum)
  status: JoinApplicationStatus;

  @Field(() => Int, { description: 'How many times the form was sent while this application was pending' })
  submissions: number;

  @Field(() => String, { nullable: true })
  declineReason: string | null;

  @Field()
  createdAt: Date;

  @Field()
  updatedAt: Date;

  @Field(() => Date, { nullable: true })
  decidedAt: Date | null;

  /** Resolved into `decidedBy`. */
  decidedByUserId: string | null;
}
