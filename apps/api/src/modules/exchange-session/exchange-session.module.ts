import { Module } from '@nestjs/common';
import { ClockModule } from '../../common/clock';
import { AuthModule } from '../auth/auth.module';
import { ExchangeSessionController } from './exchange-session.controller';
import { ExchangeSessionRepository } from './exchange-session.repository';
import {
  AgendaItemResolver,
  ExchangeSessionResolver,
  SessionTableResolver,
} from './exchange-session.resolver';
import { CheckInService } from './check-in.service';
import { RegistrationRepository } from './registration.repository';
import { RegistrationService } from './registration.service';
import { SeatingService } from './seating.service';
import { SessionAccessService } from './session-access.service';
import { SessionExportRepository } from './session-export.repository';
import { SessionExportService } from './session-export.service';
import { SessionLifecycleService } from './session-lifecycle.service';
import { SessionReminderRepository } from './session-reminder.repository';
import { SessionReminderService } from './session-reminder.service';
import { RegistrationResolver } from './registration.resolver';
import { SessionLoaderFactory } from './session-loaders';
import { SessionReminderScheduler } from './session-reminders';
import { RegistrationAnswers } from '../questionnaire/registration-answers';

export const EXCHANGE_SESSION_RESOLVERS = [
  ExchangeSessionResolver,
  SessionTableResolver,
  AgendaItemResolver,
  RegistrationResolver,
];

/** 定期共有会: sessions, registrations and the waitlist, theme tables, attendance, calendar files and mails. */
@Module({
  imports: [AuthModule, ClockModule],
  controllers: [ExchangeSessionController],
  providers: [
    SessionAccessService,
    SessionLifecycleService,
    RegistrationService,
    SeatingService,
    CheckInService,
    SessionExportService,
    SessionReminderService,
    ExchangeSessionRepository,
    RegistrationRepository,
    SessionExportRepository,
    SessionReminderRepository,
    SessionLoaderFactory,
    SessionReminderScheduler,
    RegistrationAnswers,
    ...EXCHANGE_SESSION_RESOLVERS,
  ],
  exports: [ExchangeSessionRepository],
})
export class ExchangeSessionModule {}
