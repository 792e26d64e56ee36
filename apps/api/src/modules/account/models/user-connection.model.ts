import { Field, Int, ObjectType } from '@nestjs/graphql';
import { User } from '../../auth/models/user.model';
import { PageInfo } from '../../municipality/models/municipality-connection.model';

@ObjectType()
export class MailPreferences {
  @Field()
  sessionNotices: boolean;

  @Field()
  adoptionNotices: boolean;

  @Field()
  inquiryNotices: boolean;

  @Field({ description: 'Watched cases and the weekly digests of saved searches' })
  watchNotices: boolean;
}

@ObjectType()
export class UserEdge {
  @Field()
  cursor: string;

  @Field(() => User)
  node: User;
}

@ObjectType()
export class UserConnection {
  @Field(() => [UserEdge])
  edges: UserEdge[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;

  @Field(() => Int)
  totalCount: number;
}
