import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { ExchangeSessionController } from './exchange-session.controller';
import { ExchangeSessionRepository } from './exchange-session.repository';
import {
  AgendaItemResolver,
  ExchangeSessionResolver,
  SessionTableResolver,
} from './exchange-session.resolver';
import { ExchangeSessionService } from './exchange-session.service';
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
  imports: [AuthModule],
  controllers: [ExchangeSessionController],
  providers: [
    ExchangeSessionService,
    ExchangeSessionRepository,
    SessionLoaderFactory,
    SessionReminderScheduler,
    RegistrationAnswers,
    ...EXCHANGE_SESSION_RESOLVERS,
  ],
  exports: [ExchangeSessionService, ExchangeSessionRepository],
})
export class ExchangeSessionModule {}
