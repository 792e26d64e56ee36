import { Module } from '@nestjs/common';
import { MailController } from './mail.controller';
import { MailService } from './mail.service';

/** Outgoing mail (nodemailer): SMTP, or .eml files in embedded mode, plus a development listing. */
@Module({ providers: [MailService], controllers: [MailController], exports: [MailService] })
export class MailModule {}
