import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import type {
  AgendaItemKind,
  AllocationMode,
  ExchangeSessionStatus,
  SessionFormat,
} from '@yokoten/case-studies';
import {
  AgendaItemKindEnum,
  AllocationModeEnum,
  ExchangeSessionStatusEnum,
  SessionFormatEnum,
} from '../../../graphql/enums';

@ObjectType({ description: 'テーマ別テーブル: a discussion table with a theme and seats' })
export class SessionTable {
  @Field(() => ID)
  id: string;

  /** Resolved into `session`. */
  sessionId: string;

  @Field({ description: 'e.g. テーブルA' })
  name: string;

  @Field({ description: 'e.g. 企業・市民向け事業' })
  theme: string;

  @Field(() => Int)
  seats: number;
}

@ObjectType({ description: 'One slot of the agenda: keynote, case presentation, table discussion, …' })
export class AgendaItem {
  @Field(() => AgendaItemKindEnum)
  kind: AgendaItemKind;

  @Field()
  title: string;

  @Field(() => String, { nullable: true })
  speaker: string | null;

  @Field(() => String, { nullable: true, description: 'e.g. 鳥取県商工労働部' })
  affiliation: string | null;

  @Field(() => Date, { nullable: true })
  startsAt: Date | null;

  @Field(() => Int, { nullable: true })
  durationMinutes: number | null;

  @Field(() => ID, { nullable: true, description: 'The case study presented in this slot' })
  caseStudyId: string | null;
}

@ObjectType()
export class SessionMaterial {
  @Field()
  title: string;

  @Field()
  url: string;
}

@ObjectType({ description: 'What the organiser recorded when the session finished' })
export class SessionReport {
  @Field()
  minutes: string;

  @Field(() => Int, { description: 'People who attended (defaults to those checked in)' })
  attendeeCount: number;

  @Field(() => Int, { nullable: true, description: 'Municipalities those attendees came from' })
  municipalityCount: number | null;

  @Field(() => [SessionMaterial])
  materials: SessionMaterial[];

  @Field()
  finishedAt: Date;
}

@ObjectType({ description: '定期共有会: a semi-annual exchange session of the network' })
export class ExchangeSession {
  @Field(() => ID)
  id: string;

  @Field()
  title: string;

  @Field({ description: 'Fiscal half, e.g. 2026H1' })
  term: string;

  @Field()
  description: string;

  @Field()
  startsAt: Date;

  @Field()
  endsAt: Date;

  @Field(() => SessionFormatEnum)
  format: SessionFormat;

  @Field(() => Int)
  capacity: number;

  @Field(() => Int, {
    nullable: true,
    description: 'Live registrations allowed per municipality; null: no limit',
  })
  perMunicipalityLimit: number | null;

  @Field()
  registrationOpensAt: Date;

  @Field()
  registrationClosesAt: Date;

  @Field(() => AllocationModeEnum)
  allocationMode: AllocationMode;

  @Field(() => String, {
    nullable: true,
    description: 'Seed of the lottery draw, recorded so it can be re-run',
  })
  lotterySeed: string | null;

  @Field(() => Date, { nullable: true })
  lotteryDrawnAt: Date | null;

  @Field(() => ExchangeSessionStatusEnum)
  status: ExchangeSessionStatus;

  @Field(() => [AgendaItem])
  agenda: AgendaItem[];

  @Field({ description: 'Listed publicly and in the iCal feed' })
  isPublic: boolean;

  @Field(() => Date, { nullable: true })
  cancelledAt: Date | null;

  @Field(() => String, { nullable: true })
  cancelReason: string | null;

  @Field()
  createdAt: Date;

  @Field()
  updatedAt: Date;
}

@ObjectType({ description: 'Live registrations of a session from one prefecture' })
export class PrefectureRegistrationCount {
  @Field()
  prefectureCode: string;

  @Field()
  prefectureName: string;

  @Field(() => Int)
  confirmed: number;

  @Field(() => Int)
  waitlisted: number;

  @Field(() => Int)
  applied: number;

  @Field(() => Int)
  municipalities: number;
}

@ObjectType({ description: 'How well a table seating matches preferences' })
export class TableAssignmentScore {
  @Field(() => Int)
  participants: number;

  @Field(() => Int)
  assigned: number;

  @Field(() => Int)
  unassigned: number;

  @Field(() => Int, { description: 'Seated at their first choice' })
  firstChoice: number;

  @Field(() => Int, { description: 'Participants who gave preferences' })
  withPreferences: number;

  @Field(() => Float, { description: 'firstChoice / withPreferences' })
  firstChoiceShare: number;

  @Field(() => [Int], { description: 'byRank[i]: seated at their (i+1)-th choice' })
  byRank: number[];

  @Field(() => Int)
  outsidePreferences: number;

  @Field(() => Int, { description: 'Extra people from one municipality at one table (0 when avoidable)' })
  sameMunicipalityPairs: number;
}
