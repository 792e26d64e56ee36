import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsDate,
  IsDefined,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import {
  AGENDA_ITEM_KINDS,
  ALLOCATION_MODES,
  EXCHANGE_SESSION_STATUSES,
  SESSION_FORMATS,
  type AgendaItemKind,
  type AllocationMode,
  type ExchangeSessionStatus,
  type SessionFormat,
} from '@yokoten/case-studies';
import {
  AgendaItemKindEnum,
  AllocationModeEnum,
  ExchangeSessionStatusEnum,
  SessionFormatEnum,
  SessionTimeframeEnum,
  type SessionTimeframe,
} from '../../../graphql/enums';
import { oneLine, trim } from '../../../common/transforms';
import { Stacked } from '../../../common/stacked';
import { NestedInput, NestedInputList } from '../../../common/validators';
import { QuestionAnswerInput } from '../../questionnaire/dto/questionnaire.input';

/**
 * May be left out, but not set to null: the field has no "empty" value (GraphQL's optional input fields
 * accept null, and @IsOptional would let it through to a NOT NULL column).
 */
function Omittable(): PropertyDecorator {
  return (target, key) => {
    ValidateIf((_: object, v: unknown) => v !== undefined)(target, key);
    IsDefined({ message: `${String(key)} cannot be null: leave it out to keep the current value` })(
      target,
      key,
    );
  };
}
const URL_OPTIONS = { protocols: ['https', 'http'], require_protocol: true, require_tld: false };

@InputType()
export class SessionTableInput {
  @Field(() => ID, { nullable: true, description: 'An existing table to keep (update only)' })
  @IsOptional()
  @IsUUID()
  id?: string;

  @Field({ description: 'e.g. テーブルA' })
  @Transform(oneLine)
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name: string;

  @Field({ description: 'e.g. 企業・市民向け事業', defaultValue: '' })
  @Transform(oneLine)
  @IsString()
  @MaxLength(200)
  theme: string = '';

  @Field(() => Int)
  @IsInt()
  @Min(1)
  @Max(1000)
  seats: number;
}

@InputType()
export class AgendaItemInput {
  @Field(() => AgendaItemKindEnum)
  @IsIn(AGENDA_ITEM_KINDS)
  kind: AgendaItemKind;

  @Field()
  @Transform(oneLine)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  title: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Transform(oneLine)
  @IsString()
  @MaxLength(100)
  speaker?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Transform(oneLine)
  @IsString()
  @MaxLength(200)
  affiliation?: string | null;

  @Field(() => Date, { nullable: true })
  @IsOptional()
  @IsDate()
  startsAt?: Date | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(24 * 60)
  durationMinutes?: number | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  caseStudyId?: string | null;
}

@InputType()
export class SessionMaterialInput {
  @Field()
  @Transform(oneLine)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  title: string;

  @Field()
  @IsUrl(URL_OPTIONS, { message: 'url must be an http(s) URL' })
  @MaxLength(2000)
  url: string;
}

/**
 * A field the session cannot do without: required on create; on update it may be left out, never null,
 * and carries no description.
 */
function Core(update: boolean, type?: () => object, description?: string): PropertyDecorator {
  const options = update ? { nullable: true } : description === undefined ? {} : { description };
  return Stacked(type ? Field(type, options) : Field(options), ...(update ? [Omittable()] : []));
}

/**
 * The fields of CreateExchangeSessionInput (`update` false) and UpdateExchangeSessionInput (`update` true),
 * in one list and in this order (the order class-validator reports problems in); on update every field is
 * optional.
 */
function SessionFieldSet(update: boolean) {
  @InputType({ isAbstract: true })
  abstract class SessionFields {
    @Core(update)
    @Transform(oneLine)
    @IsString()
    @IsNotEmpty()
    @MaxLength(200)
    title?: string;

    @Core(update, undefined, 'Fiscal half: 2026H1 (April–September) or 2026H2 (October–March)')
    @Matches(/^\d{4}H[12]$/, { message: 'term must look like 2026H1 or 2026H2' })
    term?: string;

    @Core(update, undefined, 'ISO 8601 with offset, e.g. 2026-11-21T14:00:00+09:00')
    @IsDate()
    startsAt?: Date;

    @Core(update)
    @IsDate()
    endsAt?: Date;

    @Core(update, () => SessionFormatEnum)
    @IsIn(SESSION_FORMATS)
    format?: SessionFormat;

    @Core(update, () => Int)
    @IsInt()
    @Min(1)
    @Max(10000)
    capacity?: number;

    @Core(update)
    @IsDate()
    registrationOpensAt?: Date;

    @Core(update)
    @IsDate()
    registrationClosesAt?: Date;

    @NestedInputList(
      () => SessionTableInput,
      50,
      update
        ? {
            optional: true,
            description: 'The full list: tables with an id are kept, missing ones removed, new ones added',
          }
        : { defaultValue: [] },
    )
    tables?: SessionTableInput[];

    @Field({ nullable: true, description: 'Shown with the session; Markdown-free plain text' })
    @Omittable()
    @IsString()
    @MaxLength(10000)
    description?: string;

    @Field(() => String, { nullable: true, description: 'Confirmed registrants only' })
    @IsOptional()
    @Transform(oneLine)
    @IsString()
    @MaxLength(300)
    venue?: string | null;

    @Field(() => String, { nullable: true, description: 'Room, access; confirmed registrants only' })
    @IsOptional()
    @IsString()
    @MaxLength(4000)
    venueDetails?: string | null;

    @Field(() => String, { nullable: true, description: 'Confirmed registrants only' })
    @IsOptional()
    @IsUrl(URL_OPTIONS, { message: 'meetingUrl must be an http(s) URL' })
    @MaxLength(2000)
    meetingUrl?: string | null;

    @Field(() => Int, { nullable: true, description: 'null: no limit' })
    @IsOptional()
    @IsInt()
    @Min(1)
    @Max(1000)
    perMunicipalityLimit?: number | null;

    @Field(() => AllocationModeEnum, { nullable: true, description: 'Default FIRST_COME' })
    @Omittable()
    @IsIn(ALLOCATION_MODES)
    allocationMode?: AllocationMode;

    @NestedInputList(() => AgendaItemInput, 50, { optional: true })
    agenda?: AgendaItemInput[];

    @Field({ nullable: true, description: 'Listed publicly and in the iCal feed (default true)' })
    @Omittable()
    @IsBoolean()
    isPublic?: boolean;
  }
  return SessionFields;
}

@InputType()
export class CreateExchangeSessionInput extends SessionFieldSet(false) {
  // Required here (the field set validates them so); only the types say it.
  declare title: string;
  declare term: string;
  declare startsAt: Date;
  declare endsAt: Date;
  declare format: SessionFormat;
  declare capacity: number;
  declare registrationOpensAt: Date;
  declare registrationClosesAt: Date;
  override tables: SessionTableInput[] = [];
}

@InputType()
export class UpdateExchangeSessionInput extends SessionFieldSet(true) {}

@InputType()
export class SessionReportInput {
  @Field({ description: '議事録 / summary of the session' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(50000)
  minutes: string;

  @Field(() => Int, { nullable: true, description: 'Defaults to the number of checked-in registrants' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100000)
  attendeeCount?: number;

  @Field(() => Int, { nullable: true, description: 'Defaults to the municipalities of those checked in' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(10000)
  municipalityCount?: number;

  @NestedInputList(() => SessionMaterialInput, 100, { defaultValue: [] })
  materials: SessionMaterialInput[] = [];
}

@InputType()
export class RegisterInput {
  @Field(() => ID, {
    nullable: true,
    description: 'A colleague of the caller’s municipality; default: the caller',
  })
  @IsOptional()
  @IsUUID()
  userId?: string;

  @Field(() => [ID], { nullable: true, description: 'Table ids, most wanted first' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsUUID('all', { each: true })
  tablePreferences?: string[];

  @NestedInputList(() => QuestionAnswerInput, 20, {
    optional: true,
    description: 'Answers to the session’s registration questions (required ones must be answered)',
  })
  answers?: QuestionAnswerInput[];
}

@ArgsType()
export class ExchangeSessionsArgs {
  @Field(() => ExchangeSessionStatusEnum, { nullable: true })
  @IsOptional()
  @IsIn(EXCHANGE_SESSION_STATUSES)
  status?: ExchangeSessionStatus;

  @Field(() => SessionTimeframeEnum, { nullable: true })
  @IsOptional()
  @IsIn(Object.keys(SessionTimeframeEnum))
  timeframe?: SessionTimeframe;
}

@ArgsType()
export class SessionIdArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'sessionId must be an id returned by this API' })
  sessionId: string;
}

@ArgsType()
export class IdArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'id must be an id returned by this API' })
  id: string;
}

@ArgsType()
export class RegistrationIdArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'registrationId must be an id returned by this API' })
  registrationId: string;
}

@ArgsType()
export class CheckInArgs {
  @Field({ description: 'The code shown to the registrant (or read from their QR code)' })
  // As typed at a reception desk: full-width (IME on), lower case, with spaces or hyphens (ー from an IME).
  @Transform(({ value }) =>
    typeof value === 'string'
      ? value
          .normalize('NFKC')
          .replace(/[\s\-‐‑‒–—―ー]/g, '')
          .toUpperCase()
      : value,
  )
  @Matches(/^[0-9A-Z]{6,16}$/, { message: 'code must be a check-in code such as 7K3M9QX2TA' })
  code: string;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'The organiser checks someone in on another day than the session’s (JST) on purpose; without it such a code is CHECK_IN_NOT_TODAY',
  })
  @IsOptional()
  @IsBoolean()
  allowOtherDay?: boolean | null;
}

@ArgsType()
export class CloseRegistrationArgs extends SessionIdArgs {
  @Field(() => String, {
    nullable: true,
    description: 'Lottery seed; a random one is drawn and recorded if absent',
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  lotterySeed?: string;
}

@ArgsType()
export class CancelSessionArgs extends SessionIdArgs {
  @Field({ description: 'Told to everyone registered' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason: string;
}

@ArgsType()
export class SetTableAssignmentArgs extends RegistrationIdArgs {
  @Field(() => ID, { nullable: true, description: 'null: take the registrant off any table' })
  @IsOptional()
  @IsUUID()
  tableId?: string | null;
}

@ArgsType()
export class RegisterArgs extends SessionIdArgs {
  @NestedInput(() => RegisterInput, { optional: true, description: 'No input: the caller registers' })
  input?: RegisterInput;
}

@ArgsType()
export class FinishSessionArgs extends SessionIdArgs {
  @NestedInput(() => SessionReportInput)
  report: SessionReportInput;
}

@ArgsType()
export class UpdateSessionArgs extends IdArgs {
  @NestedInput(() => UpdateExchangeSessionInput)
  input: UpdateExchangeSessionInput;
}
