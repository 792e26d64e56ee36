import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '../auth/auth.module';
import { MailController } from './mail.controller';
import { MailOutboxEntity } from './mail-outbox.entity';
import { MailOutboxProcessor } from './mail-outbox.processor';
import { MailOutboxWorker } from './mail-outbox.worker';
import { MailService } from './mail.service';

/**
 * Outgoing mail (nodemailer): SMTP, or .eml files in embedded mode; the durable outbox and its one
 * consumer; a development listing.
 */
@Module({
  imports: [TypeOrmModule.forFeature([MailOutboxEntity]), AuthModule],
  providers: [MailService, MailOutboxProcessor, MailOutboxWorker],
  controllers: [MailController],
  exports: [MailService, MailOutboxProcessor],
})
export class MailModule {}
