import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type EntityManager } from 'typeorm';
import type { UserEntity } from '../auth/user.entity';
import { enqueueMails, officersOf, type QueuedMail } from '../mail/mail-outbox';
import { InquiryEntity, InquiryMessageEntity } from './inquiry.entity';

export class InquiryTransaction {
  constructor(readonly manager: EntityManager) {}

  findForUpdate(id: string): Promise<InquiryEntity | null> {
    return this.manager
      .getRepository(InquiryEntity)
      .findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  save(row: Partial<InquiryEntity>): Promise<InquiryEntity> {
    const repo = this.manager.getRepository(InquiryEntity);
    return repo.save(repo.create(row));
  }

  addMessage(
    values: Pick<InquiryMessageEntity, 'inquiryId' | 'authorUserId' | 'authorMunicipalityId' | 'body'>,
  ) {
    const repo = this.manager.getRepository(InquiryMessageEntity);
    return repo.save(repo.create(values));
  }

  /** The officers of a municipality who are told by mail of questions and answers (active, not opted out). */
  officersOf(municipalityId: string): Promise<Array<Pick<UserEntity, 'id' | 'name' | 'email'>>> {
    return officersOf(this.manager, municipalityId, 'inquiryNotices');
  }

  /** Queues mails in this transaction: they are sent if, and only if, it commits. */
  queueMails(mails: readonly QueuedMail[]): Promise<void> {
    return enqueueMails(this.manager, mails);
  }
}

/** The only code that touches the inquiries and inquiry_messages tables. */
@Injectable()
export class InquiryRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (tx: InquiryTransaction) => Promise<T>): Promise<T> {
    return this.dataSource.transaction((manager) => work(new InquiryTransaction(manager)));
  }

  within(manager: EntityManager): InquiryTransaction {
    return new InquiryTransaction(manager);
  }

  findById(id: string): Promise<InquiryEntity | null> {
    return this.dataSource.getRepository(InquiryEntity).findOne({ where: { id } });
  }

  /** Threads of many cases in one query, latest activity first. */
  findByCaseIds(ids: readonly string[]): Promise<InquiryEntity[]> {
    return ids.length
      ? this.dataSource.getRepository(InquiryEntity).find({
          where: { caseStudyId: In([...ids]) },
          order: { lastMessageAt: 'DESC', id: 'ASC' },
        })
      : Promise.resolve([]);
  }

  /** Threads a municipality asked or was asked, latest activity first. */
  findByMunicipality(municipalityId: string): Promise<InquiryEntity[]> {
    return this.dataSource.getRepository(InquiryEntity).find({
      where: [{ askerMunicipalityId: municipalityId }, { publisherMunicipalityId: municipalityId }],
      order: { lastMessageAt: 'DESC', id: 'ASC' },
    });
  }

  findMessagesByInquiryIds(ids: readonly string[]): Promise<InquiryMessageEntity[]> {
    return ids.length
      ? this.dataSource.getRepository(InquiryMessageEntity).find({
          where: { inquiryId: In([...ids]) },
          order: { createdAt: 'ASC', id: 'ASC' },
        })
      : Promise.resolve([]);
  }
}
