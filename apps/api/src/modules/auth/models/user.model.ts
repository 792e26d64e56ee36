import { Field, ID, ObjectType } from '@nestjs/graphql';
import type { Role } from '@yokoten/case-studies';
import { RoleEnum } from '../../../graphql/enums';

@ObjectType()
export class User {
  @Field(() => ID)
  id: string;

  @Field()
  email: string;

  @Field()
  name: string;

  @Field(() => RoleEnum)
  role: Role;

  @Field(() => String, { nullable: true, description: '役職' })
  title?: string | null;

  @Field(() => String, { nullable: true, description: '所属' })
  department?: string | null;

  /** Resolved into `municipality` through a DataLoader. */
  municipalityId: string | null;
}

@ObjectType()
export class AuthPayload {
  @Field({ description: 'Send as `Authorization: Bearer <token>`; browsers use the httpOnly cookie instead' })
  token: string;

  @Field(() => User)
  user: User;

  @Field({ description: 'When the session ends' })
  expiresAt: Date;
}
