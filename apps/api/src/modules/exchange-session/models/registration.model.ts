import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import type { RegistrationStatus } from '@yokoten/case-studies';
import { RegistrationStatusEnum } from '../../../graphql/enums';
import { TableAssignmentScore } from './exchange-session.model';

@ObjectType({ description: 'A person’s place at an exchange session' })
export class Registration {
  @Field(() => ID)
  id: string;

  sessionId: string;
  userId: string;
  municipalityId: string;
  registeredByUserId: string | null;
  assignedTableId: string | null;
  tablePreferences: string[];
  checkInCode: string;

  @Field(() => RegistrationStatusEnum)
  status: RegistrationStatus;

  @Field(() => Int, { nullable: true, description: '1 = next to get a seat; null unless WAITLISTED' })
  waitlistPosition: number | null;

  @Field(() => Int, { description: 'Order of arrival at the session (1 = first)' })
  arrivalSeq: number;

  @Field(() => Date, { nullable: true })
  checkedInAt: Date | null;

  @Field()
  registeredAt: Date;

  @Field(() => Date, { nullable: true, description: 'When a waitlisted registration got a seat' })
  promotedAt: Date | null;

  @Field(() => Date, { nullable: true })
  cancelledAt: Date | null;
}

@ObjectType()
export class TableAssignmentResult {
  @Field(() => TableAssignmentScore)
  score: TableAssignmentScore;

  @Field(() => [Registration], { description: 'Confirmed registrations with their assigned tables' })
  registrations: Registration[];
}
