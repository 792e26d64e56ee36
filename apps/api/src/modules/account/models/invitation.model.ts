import { Field, ID, ObjectType } from '@nestjs/graphql';
import type { Role } from '@yokoten/case-studies';
import { RoleEnum } from '../../../graphql/enums';
import type { InvitationPurpose } from '../invitation.entity';

@ObjectType()
export class Invitation {
  @Field(() => ID)
  id: string;

  @Field()
  email: string;

  @Field(() => RoleEnum)
  role: Role;

  @Field(() => String, { nullable: true })
  name: string | null;

  @Field()
  createdAt: Date;

  @Field()
  expiresAt: Date;

  @Field(() => Date, { nullable: true })
  acceptedAt: Date | null;

  /** Resolved into `municipality`, `invitedBy` and `status`. */
  municipalityId: string | null;
  invitedBy: string | null;
  revokedAt: Date | null;
}

@ObjectType({
  description: 'What an invitation link stands for, shown on the accept page before the password',
})
export class InvitationPreview {
  @Field()
  email: string;

  @Field(() => RoleEnum)
  role: Role;

  @Field(() => String, { nullable: true })
  name: string | null;

  @Field()
  expiresAt: Date;

  @Field(() => String, { description: '"INVITATION" | "SET_PASSWORD" (the first admin)' })
  purpose: InvitationPurpose;

  /** Resolved into `municipality` and `inviterName`. */
  municipalityId: string | null;
  invitedBy: string | null;
}

@ObjectType()
export class InvitationSettings {
  @Field({ description: 'OFFICER invitations only to addresses under allowedDomains' })
  restrictOfficerDomains: boolean;

  @Field(() => [String])
  allowedDomains: string[];
}
