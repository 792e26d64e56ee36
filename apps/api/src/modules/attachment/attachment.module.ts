import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { AuthModule } from '../auth/auth.module';
import { CaseStudyModule } from '../case-study/case-study.module';
import { AttachmentController } from './attachment.controller';
import { AttachmentLoaderFactory } from './attachment-loaders';
import { ATTACHMENT_ENTITIES } from './attachment.entity';
import { AttachmentRepository } from './attachment.repository';
import { ATTACHMENT_RESOLVERS } from './attachment.resolver';
import { AttachmentService } from './attachment.service';
import { ATTACHMENT_STORAGE, PostgresAttachmentStorage } from './attachment-storage';
import { AttachmentTextWorker } from './attachment-text.worker';

/** Files of cases and sessions: storage, upload/download, GraphQL fields and mutations, text extraction. */
@Module({
  imports: [TypeOrmModule.forFeature(ATTACHMENT_ENTITIES), AuthModule, CaseStudyModule, AuditModule],
  controllers: [AttachmentController],
  providers: [
    AttachmentRepository,
    AttachmentService,
    AttachmentLoaderFactory,
    AttachmentTextWorker,
    { provide: ATTACHMENT_STORAGE, useClass: PostgresAttachmentStorage },
    ...ATTACHMENT_RESOLVERS,
  ],
  exports: [AttachmentService],
})
export class AttachmentModule {}
