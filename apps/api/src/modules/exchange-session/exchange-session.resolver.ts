import { Args, Context, Float, Int, Mutation, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { formatTerm } from '@yokoten/case-studies';
import type { RequestContext } from '../../graphql/request-context';
import {
  CancelSessionArgs,
  CloseRegistrationArgs,
  CreateExchangeSessionInput,
  ExchangeSessionsArgs,
  IdArgs,
  SessionIdArgs,
  FinishSessionArgs,
  UpdateSessionArgs,
} from './dto/exchange-session.input';
import type { AgendaItemValue, ExchangeSessionEntity } from './exchange-session.entity';
import {
  AgendaItem,
  ExchangeSession,
  PrefectureRegistrationCount,
  SessionMaterial,
  SessionReport,
  SessionTable,
  TableAssignmentScore,
} from './models/exchange-session.model';
import { Registration, TableAssignmentResult } from './models/registration.model';
import { RegistrationService } from './registration.service';
import { SeatingService } from './seating.service';
import { SessionAccessService } from './session-access.service';
import { SessionExportService } from './session-export.service';
import { SessionLifecycleService } from './session-lifecycle.service';
import { SessionReportService } from './session-report.service';
import { SessionLoaderFactory } from './session-loaders';

@Resolver(() => ExchangeSession)
export class ExchangeSessionResolver {
  constructor(
    private readonly access: SessionAccessService,
    private readonly lifecycle: SessionLifecycleService,
    private readonly reports: SessionReportService,
    private readonly registering: RegistrationService,
    private readonly seating: SeatingService,
    private readonly exports: SessionExportService,
    private readonly loaders: SessionLoaderFactory,
  ) {}

  @Query(() => [ExchangeSession], {
    description: 'Sessions: UPCOMING soonest first, otherwise newest first; drafts only for the organiser',
  })
  exchangeSessions(@Args() { status, timeframe }: ExchangeSessionsArgs, @Context() ctx: RequestContext) {
    return this.access.list(ctx.actor, status, timeframe);
  }

  @Query(() => ExchangeSession, { nullable: true })
  exchangeSession(@Args() { id }: IdArgs, @Context() ctx: RequestContext) {
    return this.access.get(ctx.actor, id);
  }

  @Query(() => String, {
    description:
      'Organiser: registrations as CSV (UTF-8 with BOM, Japanese headers); also GET /sessions/:id/registrations.csv',
  })
  async sessionRegistrationsCsv(@Args() { sessionId }: SessionIdArgs, @Context() ctx: RequestContext) {
    return (await this.exports.registrationsCsv(ctx.actor, sessionId)).csv;
  }

  @Query(() => [PrefectureRegistrationCount], { description: 'Organiser: live registrations by prefecture' })
  registrationCountsByPrefecture(@Args() { sessionId }: SessionIdArgs, @Context() ctx: RequestContext) {
    return this.exports.countsByPrefecture(ctx.actor, sessionId);
  }

  @Query(() => TableAssignmentScore, {
    description: 'Organiser: the score of the current (possibly hand-adjusted) seating',
  })
  tableAssignmentScore(@Args() { sessionId }: SessionIdArgs, @Context() ctx: RequestContext) {
    return this.seating.tableScore(ctx.actor, sessionId);
  }

  @Mutation(() => ExchangeSession, { description: 'Organiser: a new session, DRAFT until openRegistration' })
  createExchangeSession(@Args('input') input: CreateExchangeSessionInput, @Context() ctx: RequestContext) {
    return this.lifecycle.create(ctx.actor, input);
  }

  @Mutation(() => ExchangeSession, {
    description: 'Organiser: edit; more capacity promotes the waitlist in order',
  })
  updateExchangeSession(@Args() { id, input }: UpdateSessionArgs, @Context() ctx: RequestContext) {
    return this.lifecycle.update(ctx.actor, id, input);
  }

  @Mutation(() => ExchangeSession)
  openRegistration(@Args() { sessionId }: SessionIdArgs, @Context() ctx: RequestContext) {
    return this.lifecycle.openRegistration(ctx.actor, sessionId);
  }

  @Mutation(() => ExchangeSession, {
    description: 'Organiser: ends registration; in LOTTERY mode draws with a recorded seed',
  })
  closeRegistration(
    @Args() { sessionId, lotterySeed }: CloseRegistrationArgs,
    @Context() ctx: RequestContext,
  ) {
    return this.lifecycle.closeRegistration(ctx.actor, sessionId, lotterySeed);
  }

  @Mutation(() => ExchangeSession, {
    description: 'Organiser: cancels the session; everyone registered is told',
  })
  cancelExchangeSession(@Args() { sessionId, reason }: CancelSessionArgs, @Context() ctx: RequestContext) {
    return this.lifecycle.cancelSession(ctx.actor, sessionId, reason);
  }

  @Mutation(() => ExchangeSession, { description: 'Organiser: the session took place; records the report' })
  finishExchangeSession(@Args() { sessionId, report }: FinishSessionArgs, @Context() ctx: RequestContext) {
    return this.reports.finish(ctx.actor, sessionId, report);
  }

  @Mutation(() => TableAssignmentResult, {
    description: 'Organiser: seats confirmed registrants by preference, spreading municipalities',
  })
  assignTables(@Args() { sessionId }: SessionIdArgs, @Context() ctx: RequestContext) {
    return this.seating.assignTables(ctx.actor, sessionId);
  }

  @ResolveField(() => String, { description: 'e.g. 2026年度上期' })
  termLabel(s: ExchangeSession): string {
    return formatTerm(s.term, 'ja');
  }

  @ResolveField(() => [SessionTable])
  tables(s: ExchangeSession, _args: unknown, ctx: RequestContext) {
    return this.loaders.for(ctx).tablesBySession.load(s.id);
  }

  @ResolveField(() => Int)
  async confirmedCount(s: ExchangeSession, _args: unknown, ctx: RequestContext) {
    return (await this.loaders.for(ctx).counts.load(s.id)).confirmed;
  }

  @ResolveField(() => Int)
  async waitlistCount(s: ExchangeSession, _args: unknown, ctx: RequestContext) {
    return (await this.loaders.for(ctx).counts.load(s.id)).waitlisted;
  }

  @ResolveField(() => Int, { description: 'Lottery applications awaiting the draw' })
  async appliedCount(s: ExchangeSession, _args: unknown, ctx: RequestContext) {
    return (await this.loaders.for(ctx).counts.load(s.id)).applied;
  }

  @ResolveField(() => Int, { description: 'Confirmed registrants who have checked in' })
  async checkedInCount(s: ExchangeSession, _args: unknown, ctx: RequestContext) {
    return (await this.loaders.for(ctx).counts.load(s.id)).checkedIn;
  }

  @ResolveField(() => Int)
  async remainingSeats(s: ExchangeSession, _args: unknown, ctx: RequestContext) {
    return Math.max(0, s.capacity - (await this.loaders.for(ctx).counts.load(s.id)).confirmed);
  }

  @ResolveField(() => Boolean, { description: 'OPEN and within the registration window now' })
  isRegistrationOpen(s: ExchangeSession): boolean {
    return this.access.isRegistrationOpen(s);
  }

  @ResolveField(() => [Registration], {
    nullable: true,
    description: 'Organiser only (null otherwise): confirmed, then the waitlist in order, then cancelled',
  })
  async registrations(s: ExchangeSession, _args: unknown, ctx: RequestContext) {
    if (!this.access.canManage(ctx.actor)) return null;
    return this.loaders.for(ctx).registrationsBySession.load(s.id);
  }

  @ResolveField(() => Registration, { nullable: true, description: 'The caller’s registration, if any' })
  myRegistration(s: ExchangeSession, _args: unknown, ctx: RequestContext) {
    return this.loaders.for(ctx).mine.load(s.id);
  }

  @ResolveField(() => [Registration], {
    description:
      'An officer: the live registrations of their municipality (their own and their colleagues’), in arrival order; empty for anyone else',
  })
  municipalityRegistrations(s: ExchangeSession, _args: unknown, ctx: RequestContext) {
    return this.registering.municipalityRegistrations(ctx.actor, s.id);
  }

  private async logistics(s: ExchangeSession, ctx: RequestContext): Promise<boolean> {
    if (this.access.canManage(ctx.actor)) return true;
    const mine = await this.loaders.for(ctx).mine.load(s.id);
    return this.access.canSeeLogistics(ctx.actor, mine);
  }

  @ResolveField(() => String, { nullable: true, description: 'Confirmed registrants and the organiser only' })
  async venue(s: ExchangeSession, _args: unknown, ctx: RequestContext) {
    return (await this.logistics(s, ctx)) ? (s as unknown as ExchangeSessionEntity).venue : null;
  }

  @ResolveField(() => String, { nullable: true, description: 'Confirmed registrants and the organiser only' })
  async venueDetails(s: ExchangeSession, _args: unknown, ctx: RequestContext) {
    return (await this.logistics(s, ctx)) ? (s as unknown as ExchangeSessionEntity).venueDetails : null;
  }

  @ResolveField(() => String, { nullable: true, description: 'Confirmed registrants and the organiser only' })
  async meetingUrl(s: ExchangeSession, _args: unknown, ctx: RequestContext) {
    return (await this.logistics(s, ctx)) ? (s as unknown as ExchangeSessionEntity).meetingUrl : null;
  }

  @ResolveField(() => Boolean, { description: 'Whether venue and meeting URL are shown to the caller' })
  logisticsVisible(s: ExchangeSession, _args: unknown, ctx: RequestContext) {
    return this.logistics(s, ctx);
  }

  @ResolveField(() => [SessionMaterial])
  materials(s: ExchangeSession) {
    return (s as unknown as ExchangeSessionEntity).materials;
  }

  @ResolveField(() => SessionReport, { nullable: true, description: 'Set when FINISHED' })
  report(s: ExchangeSession): SessionReport | null {
    const e = s as unknown as ExchangeSessionEntity;
    if (e.status !== 'FINISHED' || !e.finishedAt) return null;
    return {
      minutes: e.reportMinutes ?? '',
      attendeeCount: e.reportAttendeeCount ?? 0,
      municipalityCount: e.reportMunicipalityCount,
      materials: e.materials,
      finishedAt: e.finishedAt,
    };
  }

  @ResolveField(() => String, { description: 'Calendar file of this session (public details only)' })
  icsUrl(s: ExchangeSession): string {
    return `/calendar/sessions/${s.id}.ics`;
  }

  @ResolveField(() => Float, { description: 'Confirmed share of capacity, 0–1' })
  async fillRate(s: ExchangeSession, _args: unknown, ctx: RequestContext) {
    return (await this.loaders.for(ctx).counts.load(s.id)).confirmed / s.capacity;
  }
}

@Resolver(() => SessionTable)
export class SessionTableResolver {
  constructor(private readonly loaders: SessionLoaderFactory) {}

  @ResolveField(() => ExchangeSession)
  session(t: SessionTable, _args: unknown, ctx: RequestContext) {
    return this.loaders.for(ctx).session.load(t.sessionId);
  }
}

@Resolver(() => AgendaItem)
export class AgendaItemResolver {
  /** The agenda is stored as JSON, so its times are ISO strings until they reach the DateTime scalar. */
  @ResolveField(() => Date, { nullable: true })
  startsAt(item: AgendaItemValue | AgendaItem): Date | null {
    return item.startsAt ? new Date(item.startsAt) : null;
  }
}
