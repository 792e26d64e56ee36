import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ClockModule } from '../../common/clock';
import { AuthModule } from '../auth/auth.module';
import { ExchangeSessionController } from './exchange-session.controller';
import { ExchangeSessionEntity } from './exchange-session.entity';
import { ExchangeSessionRepository } from './exchange-session.repository';
import {
  AgendaItemResolver,
  ExchangeSessionResolver,
  SessionTableResolver,
} from './exchange-session.resolver';
import { CheckInService } from './check-in.service';
import { RegistrationEntity } from './registration.entity';
import { RegistrationRepository } from './registration.repository';
import { RegistrationService } from './registration.service';
import { SeatingService } from './seating.service';
import { SessionAccessService } from './session-access.service';
import { SessionExportRepository } from './session-export.repository';
import { SessionExportService } from './session-export.service';
import { SessionLifecycleService } from './session-lifecycle.service';
import { SessionReportService } from './session-report.service';
import { SessionReminderRepository } from './session-reminder.repository';
import { SessionReminderService } from './session-reminder.service';
import { RegistrationResolver } from './registration.resolver';
import { SessionLoaderFactory } from './session-loaders';
import { SessionReminderScheduler } from './session-reminders';
import { SessionTableEntity } from './session-table.entity';
import { RegistrationAnswers } from '../questionnaire/registration-answers';

/** 定期共有会: sessions, registrations and the waitlist, theme tables, attendance, calendar files and mails. */
@Module({
  imports: [
    TypeOrmModule.forFeature([ExchangeSessionEntity, SessionTableEntity, RegistrationEntity]),
    AuthModule,
    ClockModule,
  ],
  controllers: [ExchangeSessionController],
  providers: [
    SessionAccessService,
    SessionLifecycleService,
    SessionReportService,
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
    ExchangeSessionResolver,
    SessionTableResolver,
    AgendaItemResolver,
    RegistrationResolver,
  ],
  exports: [ExchangeSessionRepository],
})
export class ExchangeSessionModule {}
