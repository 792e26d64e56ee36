import { Args, Context, Mutation, Query, ResolveField, Resolver } from '@nestjs/graphql';
import QRCode from 'qrcode';
import type { RequestContext } from '../../graphql/request-context';
import { User } from '../auth/models/user.model';
import { Municipality } from '../municipality/models/municipality.model';
import {
  CheckInArgs,
  RegisterArgs,
  RegistrationIdArgs,
  SetTableAssignmentArgs,
} from './dto/exchange-session.input';
import type { RegistrationEntity } from './registration.entity';
import { ExchangeSession, SessionTable } from './models/exchange-session.model';
import { Registration } from './models/registration.model';
import { CheckInService } from './check-in.service';
import { RegistrationService } from './registration.service';
import { SeatingService } from './seating.service';
import { SessionAccessService } from './session-access.service';
import { SessionLoaderFactory } from './session-loaders';

@Resolver(() => Registration)
export class RegistrationResolver {
  constructor(
    private readonly registrations: RegistrationService,
    private readonly access: SessionAccessService,
    private readonly seating: SeatingService,
    private readonly checkIns: CheckInService,
    private readonly loaders: SessionLoaderFactory,
  ) {}

  @Query(() => [Registration], { description: 'The caller’s registrations, newest first' })
  myRegistrations(@Context() ctx: RequestContext) {
    return this.registrations.myRegistrations(ctx.actor);
  }

  @Query(() => Registration, {
    nullable: true,
    description: 'One’s own (or, for the organiser, any) registration',
  })
  registration(@Args() { registrationId }: RegistrationIdArgs, @Context() ctx: RequestContext) {
    return this.registrations.getRegistration(ctx.actor, registrationId);
  }

  @Mutation(() => Registration, {
    description:
      'CONFIRMED while seats remain, else WAITLISTED (FIFO); APPLIED in lottery mode. No input: the caller registers',
  })
  registerForSession(@Args() { sessionId, input }: RegisterArgs, @Context() ctx: RequestContext) {
    return this.registrations.register(ctx.actor, sessionId, input);
  }

  @Mutation(() => Registration, { description: 'Frees a seat: the first waitlisted is promoted and told' })
  cancelRegistration(@Args() { registrationId }: RegistrationIdArgs, @Context() ctx: RequestContext) {
    return this.registrations.cancelRegistration(ctx.actor, registrationId);
  }

  @Mutation(() => Registration, {
    description: 'Organiser: seat someone at a table by hand (null: no table)',
  })
  setTableAssignment(
    @Args() { registrationId, tableId }: SetTableAssignmentArgs,
    @Context() ctx: RequestContext,
  ) {
    return this.seating.setTableAssignment(ctx.actor, registrationId, tableId ?? null);
  }

  @Mutation(() => Registration, {
    description:
      'Organiser: 当日受付 by the registrant’s code (or QR code), on the session’s day (JST) unless allowOtherDay; CHECK_IN_NOT_TODAY, ALREADY_CHECKED_IN (extensions.checkedInAt)',
  })
  checkIn(@Args() { code, allowOtherDay }: CheckInArgs, @Context() ctx: RequestContext) {
    return this.checkIns.checkInByCode(ctx.actor, code, { allowOtherDay });
  }

  @Mutation(() => Registration, { description: 'Organiser: check someone in from the console' })
  checkInRegistration(@Args() { registrationId }: RegistrationIdArgs, @Context() ctx: RequestContext) {
    return this.checkIns.checkInRegistration(ctx.actor, registrationId);
  }

  @ResolveField(() => ExchangeSession)
  session(r: Registration, _args: unknown, ctx: RequestContext) {
    return this.loaders.for(ctx).session.load(r.sessionId);
  }

  @ResolveField(() => User)
  user(r: Registration, _args: unknown, ctx: RequestContext) {
    return this.loaders.for(ctx).user.load(r.userId);
  }

  @ResolveField(() => User, {
    nullable: true,
    description: 'Who made the registration (self, colleague, organiser)',
  })
  registeredBy(r: Registration, _args: unknown, ctx: RequestContext) {
    return r.registeredByUserId ? this.loaders.for(ctx).user.load(r.registeredByUserId) : null;
  }

  @ResolveField(() => Municipality)
  municipality(r: Registration, _args: unknown, ctx: RequestContext) {
    return ctx.loaders.municipality.load(r.municipalityId);
  }

  @ResolveField(() => [SessionTable], { description: 'Ranked, most wanted first' })
  async tablePreferences(r: Registration, _args: unknown, ctx: RequestContext) {
    const tables = await this.loaders.for(ctx).tablesBySession.load(r.sessionId);
    const byId = new Map(tables.map((t) => [t.id, t]));
    return r.tablePreferences.map((id) => byId.get(id)).filter((t) => t !== undefined);
  }

  @ResolveField(() => SessionTable, { nullable: true })
  assignedTable(r: Registration, _args: unknown, ctx: RequestContext) {
    return r.assignedTableId ? this.loaders.for(ctx).table.load(r.assignedTableId) : null;
  }

  @ResolveField(() => String, {
    nullable: true,
    description: 'The registrant’s check-in code: their own municipality and the organiser only',
  })
  checkInCode(r: Registration, _args: unknown, ctx: RequestContext) {
    return this.access.canReadPrivate(ctx.actor, r as unknown as RegistrationEntity) ? r.checkInCode : null;
  }

  @ResolveField(() => String, {
    nullable: true,
    description:
      'The check-in code as a QR code (SVG markup) to show at the door; same visibility as checkInCode',
  })
  checkInQrSvg(r: Registration, _args: unknown, ctx: RequestContext) {
    if (!this.access.canReadPrivate(ctx.actor, r as unknown as RegistrationEntity)) return null;
    return QRCode.toString(r.checkInCode, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  }
}
